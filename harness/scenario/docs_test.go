package scenario

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite docs/scenarios.md")

func TestScenarioDocIsCurrent(t *testing.T) {
	const path = "../../docs/scenarios.md"
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(Doc()), 0o644))
	}
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, Doc(), string(got), "docs/scenarios.md is stale: go test ./harness/scenario -run ScenarioDoc -update")
}

// Every command has a summary and an example, and every example line passes the lint.
func TestEveryCommandHasAValidExample(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(dir+"/prelude", 0o755))
	require.NoError(t, os.WriteFile(dir+"/prelude/login.txt", []byte("login\n"), 0o644))
	for _, c := range Commands() {
		assert.NotEmpty(t, c.Summary, c.Name)
		require.NotEmpty(t, c.Example, c.Name)
		script, _, _ := strings.Cut(c.Example, "\n\n--")
		mentioned := false
		for _, line := range strings.Split(script, "\n") {
			assert.Empty(t, lintLine(dir, line), "%s: example line %q", c.Name, line)
			mentioned = mentioned || strings.Contains(line, c.Name)
		}
		assert.True(t, mentioned, "%s: the example does not use the command", c.Name)
	}
}
