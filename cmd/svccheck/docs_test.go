package main

import (
	"flag"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite generated docs")

func TestCLIDocIsCurrent(t *testing.T) {
	const path = "../../docs/cli.md"
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(cliDoc()), 0o644))
	}
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, cliDoc(), string(got), "docs/cli.md is stale: go test ./cmd/svccheck -run CLIDoc -update")
}
