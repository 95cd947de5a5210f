package runner_test

import (
	"context"
	"testing"
	"time"

	"github.com/svccheck/svccheck/harness/runner"
	"github.com/svccheck/svccheck/harness/runner/runnertest"
	"github.com/svccheck/svccheck/reference/host"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/svccheck/svccheck/harness/checks"
	"github.com/svccheck/svccheck/harness/redact"
	"github.com/svccheck/svccheck/harness/report"
	"github.com/svccheck/svccheck/harness/session"
	"github.com/svccheck/svccheck/harness/spec"
	"github.com/svccheck/svccheck/harness/target"
	"github.com/svccheck/svccheck/harness/wire"
	"github.com/svccheck/svccheck/reference/faults"
	"github.com/svccheck/svccheck/reference/profile"
	"github.com/svccheck/svccheck/specs"
)

// caught says which check a seeded fault must fail, and on which operation. Every check of the
// catalogue must appear here at least once (TestEveryCheckCatchesAFault).
var caught = []struct {
	fault     faults.Name
	check, op string
}{
	{faults.AnonRegistrationLost, checks.AnonAccess, "UsrAnonymousConfigurationService.GetContactIdByName"},
	{faults.CSRFOff, checks.CSRFHeaderRequired, "UsrDemoService.GetContactIdByName"},
	{faults.UnwrappedResult, checks.WCFReplyShape, "UsrCustomConfigurationService.GetContactIdByName"},
	{faults.LoginPage200, checks.AuthSessionRequired, "UsrCustomConfigurationService.GetContactIdByName"},
	{faults.CSRFCookieHTTPOnly, checks.AuthLogin, "AuthService.Login"},
	{faults.SessionLost, checks.AuthSessionCall, "UsrCustomConfigurationService.GetContactIdByName"},
	{faults.WrappedBare, checks.WCFReplyShape, "UsrDemoService.GetContact"},
	{faults.BareRequestAccepted, checks.WCFRequestShape, "UsrDemoService.GetContactIdByName"},
	{faults.RawAccepted, checks.WCFRawRefused, "UsrDemoService.GetContactIdByName"},
	{faults.RequiredIgnored, checks.WCFRequiredMember, "UsrDemoService.SaveContact"},
	{faults.NoBodyLimit, checks.WCFBodyLimit, "UsrDemoService.SaveContact"},
	{faults.MethodIgnored, checks.WCFMethodNotAllowed, "UsrDemoService.GetContactIdByName"},
	{faults.SPAFallback, checks.WCFUnknownOperation, "UsrDemoService.GetContactIdByName"},
	{faults.JSONAsText, checks.WCFContentType, "UsrDemoAnonService.Echo"},
	{faults.ISODates, checks.DCDateFormat, "UsrDemoAnonService.GetServerTime"},
	{faults.EmitDefaultFalse, checks.DCRequiredMembers, "UsrDemoAnonService.GetContact"},
	{faults.EmitDefaultFalse, checks.ContractResponseSchema, "UsrDemoAnonService.GetContact"},
	{faults.CamelCaseMembers, checks.DCMemberCase, "UsrDemoAnonService.GetContact"},
	{faults.SimpleDictionaries, checks.DCDictionaryShape, "UsrDemoAnonService.GetContact"},
	{faults.BackingFields, checks.DCBackingFields, "UsrDemoAnonService.GetContact"},
}

// runEmbedded runs the bundled specs against an embedded host of one flavor with some faults.
func runEmbedded(t *testing.T, f profile.Flavor, fs faults.Set) *report.Report {
	t.Helper()
	return runnertest.Host(t, host.Config{Flavor: f, Faults: fs})
}

func TestCleanHostPassesEveryCheckInBothFlavors(t *testing.T) {
	for _, f := range profile.Flavors {
		rep := runEmbedded(t, f, nil)
		assert.True(t, rep.OK(), "%s: %s", f, rep.Line())
		assert.Equal(t, 0, rep.Summary.Skipped, f)
		for _, c := range checks.All() {
			found := false
			for _, r := range rep.Results {
				found = found || r.Check == c.ID
			}
			assert.True(t, found, "%s: check %s ran on no operation of the bundled specs", f, c.ID)
		}
	}
}

func TestEachSeededFaultFailsItsCheck(t *testing.T) {
	for _, tc := range caught {
		for _, f := range profile.Flavors {
			t.Run(string(tc.fault)+"/"+string(f), func(t *testing.T) {
				t.Parallel()
				rep := runEmbedded(t, f, faults.Set{tc.fault: true})
				v, reason := runnertest.Verdict(rep, tc.check, tc.op)
				assert.Equal(t, "fail", v, reason)
				assert.False(t, rep.OK())
			})
		}
	}
}

func TestEveryCheckCatchesAFault(t *testing.T) {
	for _, c := range checks.All() {
		found := false
		for _, tc := range caught {
			found = found || tc.check == c.ID
		}
		assert.True(t, found, "check %s has no seeded fault in the table", c.ID)
	}
}

func TestUnreachableTarget(t *testing.T) {
	tg, stop, err := runner.StartEmbedded(profile.Net, nil, nil)
	require.NoError(t, err)
	stop()
	_, err = runner.Run(context.Background(), runner.Config{Targets: []target.Target{tg}, Parallel: 1,
		Client: wire.New(time.Second, 1<<20), Redactor: redact.New()})
	var ue *runner.UnreachableError
	require.ErrorAs(t, err, &ue)
	assert.Contains(t, err.Error(), "unreachable")
}

func TestInterruptedRunKeepsOnlyWhatWasMeasured(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	all, err := spec.LoadFS(specs.FS, "specs")
	require.NoError(t, err)
	tg, stop, err := runner.StartEmbedded(profile.Net, nil, nil)
	require.NoError(t, err)
	defer stop()
	n := 0
	rep, err := runner.Run(ctx, runner.Config{Targets: []target.Target{tg}, Specs: all, Checks: checks.All(),
		Identity: session.Identity{User: "Supervisor", Password: "Supervisor"}, Parallel: 1,
		Client: wire.New(5*time.Second, wire.DefaultMaxBody), Redactor: redact.New(),
		Progress: func(report.Result) {
			if n++; n == 3 {
				cancel()
			}
		}})
	require.NoError(t, err)
	assert.True(t, rep.Interrupted)
	assert.GreaterOrEqual(t, len(rep.Results), 3)
	assert.Less(t, len(rep.Results), 15)
	for _, r := range rep.Results {
		assert.NotEqual(t, "error", r.Verdict, "%s: cancelled checks are dropped, not reported as errors", r.Name())
	}
}
