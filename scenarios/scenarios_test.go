// Package scenarios holds svccheck's bundled scenario suites. Its tests run every suite against
// the reference host in both flavors, prove each suite fails against the seeded fault it exists
// to catch, and prove no secret reaches a scenario's log or exchanges.
package scenarios

import (
	"context"
	"encoding/json"
	"flag"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/svccheck/svccheck/harness/redact"
	"github.com/svccheck/svccheck/harness/report"
	"github.com/svccheck/svccheck/harness/scenario"
	"github.com/svccheck/svccheck/harness/session"
	"github.com/svccheck/svccheck/harness/spec"
	"github.com/svccheck/svccheck/harness/wire"
	"github.com/svccheck/svccheck/reference/faults"
	"github.com/svccheck/svccheck/reference/profile"
	"github.com/svccheck/svccheck/specs"
)

var update = flag.Bool("update", false, "rewrite goldens inside the scenarios")

// run runs the suites of this directory against an embedded host of one flavor.
func run(t *testing.T, f profile.Flavor, fs faults.Set, password string) []report.Result {
	t.Helper()
	users := map[string]string{"Supervisor": password, "Other": "other-" + password}
	tg, stop, err := scenario.StartEmbedded(f, fs, users)
	require.NoError(t, err)
	defer stop()
	all, err := spec.LoadFS(specs.FS, "specs")
	require.NoError(t, err)
	red := redact.New("Supervisor", "Other")
	res, err := scenario.Run(context.Background(), scenario.Config{Dir: ".", Targets: []scenario.Target{tg},
		Identities: map[string]session.Identity{
			scenario.DefaultIdentity: {User: "Supervisor", Password: password},
			"other":                  {User: "Other", Password: "other-" + password}},
		Client: wire.New(5*time.Second, wire.DefaultMaxBody), Redactor: red, Specs: all, Parallel: 4,
		Timeout: 20 * time.Second, Update: *update && fs == nil})
	require.NoError(t, err)
	return res
}

func TestBundledSuitesPassInBothFlavors(t *testing.T) {
	for _, f := range profile.Flavors {
		for _, r := range run(t, f, nil, "Supervisor") {
			t.Run(string(f)+"/"+strings.TrimSuffix(r.Operation, ".txtar"), func(t *testing.T) {
				assert.Equal(t, "pass", r.Verdict, "%s\n\nlog:\n%s", r.Reason, r.Log)
			})
		}
	}
}

// caught is the seeded fault each bundled suite exists to catch, and the command it fails at;
// netfx marks suites whose subject exists only there (custom encodings, F11).
var caught = []struct {
	suite   string
	fault   faults.Name
	command string
	netfx   bool
}{
	{"auth-cookie.txtar", faults.CSRFCookieHTTPOnly, "> cookie BPMCSRF !httponly", false},
	{"csrf.txtar", faults.CSRFOff, "status 40", false},
	{"anonymous.txtar", faults.AnonRegistrationLost, "> status 200", false},
	{"session-expiry-relogin.txtar", faults.SessionLost, "> status 200", false},
	{"logout.txtar", faults.LoginPage200, "> status 302", false},
	{"datacontract.txtar", faults.UnwrappedResult, "> golden ann-reply.json", false},
	{"encoding.txtar", faults.UnwrappedResult, "> json EchoResult Иван", false},
	{"errors.txtar", faults.LoginPage200, "> ! status 200", false},
	{"charset_cp1251.txtar", faults.CharsetBindingLost, "> [netfx] header Content-Type", true},
}

func TestEachSuiteFailsAgainstItsFault(t *testing.T) {
	for _, f := range profile.Flavors {
		byFault := map[faults.Name][]report.Result{}
		for _, tc := range caught {
			if tc.netfx && f != profile.NetFx {
				continue
			}
			if byFault[tc.fault] == nil {
				byFault[tc.fault] = run(t, f, faults.Set{tc.fault: true}, "Supervisor")
			}
			t.Run(string(f)+"/"+tc.suite, func(t *testing.T) {
				r := find(byFault[tc.fault], tc.suite)
				require.NotNil(t, r)
				assert.Equal(t, "fail", r.Verdict)
				assert.Contains(t, r.Reason, tc.suite+":", "the reason names file:line")
				assert.Contains(t, r.Reason, tc.command, r.Reason)
				assert.Positive(t, r.Line)
			})
		}
	}
}

func TestEverySuiteHasAFault(t *testing.T) {
	files, err := scenario.Lint(".")
	require.NoError(t, err)
	for _, f := range files {
		found := false
		for _, tc := range caught {
			found = found || strings.HasSuffix(f, tc.suite)
		}
		assert.True(t, found, "%s has no seeded fault in the table", f)
	}
}

func find(rs []report.Result, suite string) *report.Result {
	for i := range rs {
		if rs[i].Operation == suite {
			return &rs[i]
		}
	}
	return nil
}

// No password and no cookie value appears in any scenario's log, reason or exchanges, passing or failing.
func TestNoSecretInScenarioOutput(t *testing.T) {
	const password = "S3cret-Pa55word"
	for _, fs := range []faults.Set{nil, {faults.UnwrappedResult: true}} {
		out, err := json.Marshal(run(t, profile.NetFx, fs, password))
		require.NoError(t, err)
		text := string(out)
		assert.NotContains(t, text, password)
		assert.NotRegexp(t, regexp.MustCompile(`[0-9A-F]{80}`), text, ".ASPXAUTH values are 80 hex digits")
		assert.NotRegexp(t, regexp.MustCompile(`[0-9A-F]{22}`), text, "BPMCSRF values are 22 hex digits")
		assert.Contains(t, text, redact.Mask)
	}
}
