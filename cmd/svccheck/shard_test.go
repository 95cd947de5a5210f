package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/svccheck/svccheck/harness/gate"
	"github.com/svccheck/svccheck/harness/report"
)

// finding is what must be equal between two runs: not durations, ports or transcripts.
type finding struct{ Target, Check, Operation, Verdict, Fingerprint, Suppressed string }

func findings(r *report.Report) []finding {
	var out []finding
	for _, res := range r.Results {
		out = append(out, finding{res.Target, res.Check, res.Operation, res.Verdict, res.Fingerprint, res.Suppressed})
	}
	return out
}

func runTo(t *testing.T, args ...string) (*report.Report, int) {
	t.Helper()
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := Run(append(append([]string{"run"}, args...), "--out", out), &stdout, &stderr)
	rep, err := gate.ReadReport(filepath.Join(out, "report.json"))
	require.NoError(t, err, stderr.String())
	return rep, code
}

// Two shards merged equal the unsharded report: same results in the same order, same fingerprints,
// same counts and gate, same exit code.
func TestShardsMergedEqualTheUnshardedRun(t *testing.T) {
	whole, wholeCode := runTo(t, "--fault", "csrf-off", "--fault", "anon-registration-lost")
	require.Equal(t, exitFailed, wholeCode)
	for _, n := range []int{2, 3} {
		var parts []*report.Report
		for i := 1; i <= n; i++ {
			part, _ := runTo(t, "--fault", "csrf-off", "--fault", "anon-registration-lost", "--shard", gate.Shard{I: i, N: n}.String())
			assert.NotEmpty(t, part.Results, "shard %d/%d has work", i, n)
			parts = append(parts, part)
		}
		merged, err := gate.Merge(parts)
		require.NoError(t, err)
		assert.Equal(t, findings(whole), findings(merged), "%d shards", n)
		assert.Equal(t, whole.Summary, merged.Summary)
		assert.Equal(t, whole.Gate, merged.Gate)
		assert.Equal(t, whole.Specs, merged.Specs)
		assert.Equal(t, whole.Catalogue, merged.Catalogue)
	}
}

// Fingerprints are the same across runs, though embedded hosts listen on new random ports each time.
func TestFingerprintsAreStableAcrossRuns(t *testing.T) {
	a, _ := runTo(t, "--fault", "session-lost", "--fault", "login-page-200")
	b, _ := runTo(t, "--fault", "session-lost", "--fault", "login-page-200")
	require.NotEqual(t, a.Targets[0].URL, b.Targets[0].URL, "the hosts used different ports")
	assert.Equal(t, findings(a), findings(b))
	seen := map[string]bool{}
	for _, res := range a.Results {
		assert.False(t, seen[res.Fingerprint], "fingerprints are unique within a run: %s", res.Name())
		seen[res.Fingerprint] = true
	}
}
