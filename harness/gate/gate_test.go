package gate

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/svccheck/svccheck/harness/report"
)

func TestNormaliseStripsVolatileValues(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"answered 302 Found to http://127.0.0.1:40123/Login/NuiLogin.aspx", "answered 302 found to <origin>/login/nuilogin.aspx"},
		{"answered 302 Found to http://127.0.0.1:51999/Login/NuiLogin.aspx", "answered 302 found to <origin>/login/nuilogin.aspx"},
		{"connect to 127.0.0.1:8080 refused", "connect to <host> refused"},
		{"id 1f0c6a4e-2b3d-4c5e-8f90-a1b2c3d4e5f6 unknown", "id <guid> unknown"},
		{"BPMCSRF=abc123xyz; .ASPXAUTH=[redacted]", "bpmcsrf=<value>; .aspxauth=<value>"},
		{"took 1532 ms, body 20480 bytes", "took <nms>, body <nbytes>"},
		{"refused without the header (401) and with a wrong one (403)", "refused without the header (401) and with a wrong one (403)"},
		{"Date(1733222400000) expected", "date(<n>) expected"},
		{"  Two   spaces\n", "two spaces"},
	} {
		assert.Equal(t, tc.want, Normalise(tc.in), tc.in)
	}
}

func TestFingerprintIsStableAndDiscriminating(t *testing.T) {
	a := report.Result{Check: "anon-access", Target: "netfx", Operation: "S.Op", Method: "GET", Path: "/x",
		Reason: "answered 302 Found to http://127.0.0.1:40123/Login/", Verdict: "fail", DurationMS: 3}
	b := a
	b.Reason, b.Target, b.DurationMS, b.Line = "answered 302 Found to http://127.0.0.1:5555/Login/", "https://site.example", 900, 12
	assert.Equal(t, Fingerprint(a, "netfx"), Fingerprint(b, "netfx"), "ports, labels, lines and durations do not matter")
	assert.Len(t, Fingerprint(a, "netfx"), 32)
	c := a
	c.Reason = "answered 404 Not Found"
	for name, other := range map[string]string{
		"flavor":    Fingerprint(a, "net"),
		"reason":    Fingerprint(c, "netfx"),
		"check":     Fingerprint(report.Result{Check: "auth-session-call", Operation: a.Operation, Method: "GET", Path: "/x", Reason: a.Reason}, "netfx"),
		"operation": Fingerprint(report.Result{Check: a.Check, Operation: "S.Other", Method: "GET", Path: "/x", Reason: a.Reason}, "netfx"),
	} {
		assert.NotEqual(t, Fingerprint(a, "netfx"), other, name)
	}
}

func sample() *report.Report {
	r := &report.Report{Tool: "svccheck", Targets: []report.Target{{Label: "netfx", Flavor: "netfx"}, {Label: "net", Flavor: "net"}},
		Specs: []report.Spec{{File: "a.yaml", SHA256: "1"}}}
	for _, tgt := range []string{"netfx", "net"} {
		r.Results = append(r.Results,
			report.Result{Check: "anon-access", Severity: "error", Target: tgt, Operation: "S.Anon", Method: "GET", Path: "/a", Spec: "a.yaml", Line: 3, Verdict: "pass"},
			report.Result{Check: "auth-session-call", Severity: "error", Target: tgt, Operation: "S.Post", Method: "POST", Path: "/p", Spec: "a.yaml", Line: 9, Verdict: "pass"},
			report.Result{Check: "csrf-header-required", Severity: "error", Target: tgt, Operation: "S.Post", Method: "POST", Path: "/p", Spec: "a.yaml", Line: 9, Verdict: "fail", Reason: "not refused: 200 OK"},
			report.Result{Check: "contract-response-schema", Severity: "error", Target: tgt, Operation: "S.Get", Method: "GET", Path: "/g", Spec: "a.yaml", Line: 20, Verdict: "fail", Reason: "no wrapper"},
		)
	}
	r.Tally()
	return r
}

var day = time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)

func TestApplyBaselineMakesTheNextRunPass(t *testing.T) {
	first := sample()
	Apply(first, Policy{Now: day})
	assert.False(t, first.OK())
	assert.Equal(t, 4, first.Gate.Blocking)
	base := NewBaseline(first, day)
	assert.Len(t, base.Findings, 4)

	path := filepath.Join(t.TempDir(), "baseline.json")
	require.NoError(t, WriteBaseline(path, base))
	back, err := ReadBaseline(path)
	require.NoError(t, err)

	next := sample()
	Apply(next, Policy{Now: day, Baseline: back})
	assert.True(t, next.OK(), next.Line())
	assert.Equal(t, "4 passed, 0 failed, 4 baselined", next.Line())

	worse := sample()
	worse.Results[0].Verdict, worse.Results[0].Reason = "fail", "answered 401"
	Apply(worse, Policy{Now: day, Baseline: back})
	assert.False(t, worse.OK(), "a new finding fails despite the baseline")
	assert.Equal(t, 1, worse.Gate.Blocking)
}

func TestWaivers(t *testing.T) {
	ws, err := ReadWaivers("testdata/waivers.yaml")
	require.NoError(t, err)
	require.Len(t, ws, 2)
	assert.Equal(t, "testdata/waivers.yaml:3", ws[0].Where())

	r := sample()
	Apply(r, Policy{Now: day, Waivers: ws[:1]})
	assert.Equal(t, 2, r.Summary.Waived, "the check+operation waiver covers both flavors")
	assert.Equal(t, "CSRF is switched off on the staging site until ticket 42 lands (until 2026-12-31)", r.Results[2].Waiver)
	assert.Equal(t, 2, r.Gate.Blocking, "the contract failures are not waived")

	valid := time.Date(2026, 12, 31, 23, 59, 0, 0, time.UTC)
	assert.False(t, ws[0].Expired(valid), "valid through its expiry date")
	assert.True(t, ws[0].Expired(valid.Add(time.Minute)))

	r = sample()
	r.Results = r.Results[:3] // only the waived failure remains … on netfx
	Apply(r, Policy{Now: day, Waivers: ws})
	assert.False(t, r.OK(), "an expired waiver fails the run even when nothing else does")
	require.Len(t, r.Gate.Expired, 1)
	assert.Contains(t, r.Gate.Expired[0], "testdata/waivers.yaml:7: waiver expired on 2026-01-31")

	_, err = ReadWaivers("testdata/waivers-bad.yaml")
	assert.ErrorContains(t, err, "testdata/waivers-bad.yaml:2: a waiver needs an expiry date")
}

func TestSeveritiesAndFailOn(t *testing.T) {
	sev, err := ParseSeverities([]string{"contract-response-schema=warning", "csrf-header-required=info"}, nil)
	require.NoError(t, err)
	r := sample()
	Apply(r, Policy{Now: day, Severity: sev})
	assert.True(t, r.OK(), "warnings and infos do not fail at --fail-on error")
	assert.Equal(t, 4, r.Summary.Warnings)
	r = sample()
	Apply(r, Policy{Now: day, Severity: sev, FailOn: Warning})
	assert.False(t, r.OK())
	assert.Equal(t, 2, r.Gate.Blocking, "warnings fail at --fail-on warning, infos never")

	for _, bad := range []string{"x", "a=fatal"} {
		_, err := ParseSeverities([]string{bad}, nil)
		assert.Error(t, err, bad)
	}
	_, err = ParseSeverities([]string{"nope=info"}, func(string) bool { return false })
	assert.ErrorContains(t, err, `unknown check "nope"`)
	_, err = ParseFailOn("info")
	assert.Error(t, err)
}

func TestShardsPartitionDeterministically(t *testing.T) {
	var keys []string
	for i := 0; i < 11; i++ {
		keys = append(keys, fmt.Sprintf("spec.yaml op%02d", i))
	}
	seen := map[string]int{}
	for i := 1; i <= 3; i++ {
		s, err := ParseShard(fmt.Sprintf("%d/3", i))
		require.NoError(t, err)
		got := s.Pick(keys)
		assert.InDelta(t, 11.0/3, len(got), 1)
		reversed := append([]string(nil), keys...)
		for a, b := 0, len(reversed)-1; a < b; a, b = a+1, b-1 {
			reversed[a], reversed[b] = reversed[b], reversed[a]
		}
		assert.Equal(t, got, s.Pick(reversed), "input order does not matter")
		for k := range got {
			seen[k]++
		}
	}
	assert.Len(t, seen, 11)
	for k, n := range seen {
		assert.Equal(t, 1, n, k)
	}
	for _, bad := range []string{"0/2", "3/2", "1", "a/b", "1/0"} {
		_, err := ParseShard(bad)
		assert.Error(t, err, bad)
	}
	whole, _ := ParseShard("")
	assert.Len(t, whole.Pick(keys), 11)
}

func TestMergeOfShardsEqualsTheWhole(t *testing.T) {
	whole := sample()
	Apply(whole, Policy{Now: day})
	ops := map[string]bool{}
	for _, r := range whole.Results {
		ops[r.Spec+" "+r.Operation] = true
	}
	var keys []string
	for k := range ops {
		keys = append(keys, k)
	}
	var parts []*report.Report
	for i := 2; i >= 1; i-- { // merge order does not matter
		part := sample()
		pick := Shard{I: i, N: 2}.Pick(keys)
		var kept []report.Result
		for _, r := range part.Results {
			if pick[r.Spec+" "+r.Operation] {
				kept = append(kept, r)
			}
		}
		part.Results, part.Shard = kept, Shard{I: i, N: 2}.String()
		Apply(part, Policy{Now: day})
		parts = append(parts, part)
	}
	merged, err := Merge(parts)
	require.NoError(t, err)
	assert.Equal(t, whole.Results, merged.Results)
	assert.Equal(t, whole.Summary, merged.Summary)
	assert.Equal(t, whole.Gate, merged.Gate)
	assert.Equal(t, whole.Targets, merged.Targets)

	parts[1].Specs[0].SHA256 = "2"
	_, err = Merge(parts)
	assert.ErrorContains(t, err, "spec a.yaml differs")
}

// A merge must be exactly the shards of one run: a shard missing (its CI job died) or given twice
// would let the gate pass on part of the run or count it twice.
func TestMergeRefusesIncompleteShardSets(t *testing.T) {
	shard := func(s string, op string) *report.Report {
		r := &report.Report{Shard: s, Results: []report.Result{{Target: "t", Check: "c", Operation: op, Verdict: "pass"}}}
		r.Tally()
		return r
	}
	for name, tc := range map[string]struct {
		reps []*report.Report
		want string
	}{
		"missing":        {[]*report.Report{shard("1/2", "a")}, "shard 2/2 is missing"},
		"twice":          {[]*report.Report{shard("1/2", "a"), shard("1/2", "a")}, "shard 1/2 is given twice"},
		"mixed splits":   {[]*report.Report{shard("1/2", "a"), shard("2/3", "b")}, "different splits"},
		"mixed kinds":    {[]*report.Report{shard("1/1", "a"), shard("", "b")}, "sharded and unsharded"},
		"same unsharded": {[]*report.Report{shard("", "a"), shard("", "a")}, "two reports both hold"},
	} {
		_, err := Merge(tc.reps)
		assert.ErrorContains(t, err, tc.want, name)
	}
	m, err := Merge([]*report.Report{shard("2/2", "b"), shard("1/2", "a")})
	require.NoError(t, err)
	assert.Equal(t, 2, m.Summary.Passed)
}

// A misspelt key must not widen a waiver to every operation of its check.
func TestWaiversRefuseUnknownKeysAndBadValues(t *testing.T) {
	for body, want := range map[string]string{
		"waivers:\n  - check: c\n    operaton: S.Op\n    reason: r\n    expires: 2099-01-01\n": `:2: unknown key "operaton"`,
		"waivers:\n  - check: c\n    flavor: netfxx\n    reason: r\n    expires: 2099-01-01\n": `:2: flavor "netfxx": want netfx or net`,
		"waivers:\n  - fingerprint: nothex\n    reason: r\n    expires: 2099-01-01\n":          `:2: fingerprint "nothex": want 32 hex digits`,
	} {
		p := filepath.Join(t.TempDir(), "w.yaml")
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
		_, err := ReadWaivers(p)
		assert.ErrorContains(t, err, want)
	}
}
