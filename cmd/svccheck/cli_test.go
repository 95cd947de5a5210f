package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The documented exit codes (docs/exit-codes.md), checked exactly.
func TestExitCodes(t *testing.T) {
	out := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		code int
	}{
		{"clean embedded run", []string{"run", "--flavor", "net", "--out", out}, exitOK},
		{"a failing check", []string{"run", "--flavor", "net", "--fault", "csrf-off", "--out", out}, exitFailed},
		{"usage error", []string{"run", "--parallel", "0"}, exitUsage},
		{"unknown flag", []string{"run", "--nope"}, exitUsage},
		{"stray argument", []string{"run", "extra"}, exitUsage},
		{"unreachable target", []string{"run", "--target", "http://127.0.0.1:1", "--flavor", "net", "--out", out}, exitUsage},
		{"zero timeout", []string{"run", "--timeout", "0"}, exitUsage},
		{"credentials in the target", []string{"run", "--target", "http://u:p@127.0.0.1:1", "--flavor", "net"}, exitUsage},
		{"empty user", []string{"run", "--user", ""}, exitUsage},
		{"stray argument to version", []string{"version", "x"}, exitUsage},
		{"skip every check", []string{"run", "--check", "auth-login", "--skip", "auth-login"}, exitUsage},
		{"skip an unknown check", []string{"run", "--skip", "nope"}, exitUsage},
		{"help", []string{"help"}, exitOK},
		{"flag help", []string{"run", "-h"}, exitOK},
		{"serve with a bad flavor", []string{"serve", "--flavor", "x"}, exitUsage},
		{"serve on a bad address", []string{"serve", "--addr", "256.0.0.1:99999"}, exitUsage},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			assert.Equal(t, tc.code, Run(tc.args, &stdout, &stderr), "stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
		})
	}
}
