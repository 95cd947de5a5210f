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
//
// Entries with flavors run only there: the charset echo operations are netfx only
// (x-svccheck-flavors), because custom encodings are (F11).
var caught = []struct {
	fault     faults.Name
	check, op string
	flavors   []profile.Flavor
}{
	{faults.AnonRegistrationLost, checks.AnonAccess, "UsrAnonymousConfigurationService.GetContactIdByName", nil},
	{faults.CSRFOff, checks.CSRFHeaderRequired, "UsrDemoService.GetContactIdByName", nil},
	{faults.UnwrappedResult, checks.WCFReplyShape, "UsrCustomConfigurationService.GetContactIdByName", nil},
	{faults.LoginPage200, checks.AuthSessionRequired, "UsrCustomConfigurationService.GetContactIdByName", nil},
	{faults.CSRFCookieHTTPOnly, checks.AuthLogin, "AuthService.Login", nil},
	{faults.SessionLost, checks.AuthSessionCall, "UsrCustomConfigurationService.GetContactIdByName", nil},
	{faults.WrappedBare, checks.WCFReplyShape, "UsrDemoService.GetContact", nil},
	{faults.BareRequestAccepted, checks.WCFRequestShape, "UsrDemoService.GetContactIdByName", nil},
	{faults.RawAccepted, checks.WCFRawRefused, "UsrDemoService.GetContactIdByName", nil},
	{faults.RequiredIgnored, checks.WCFRequiredMember, "UsrDemoService.SaveContact", nil},
	{faults.NoBodyLimit, checks.WCFBodyLimit, "UsrDemoService.SaveContact", nil},
	{faults.MethodIgnored, checks.WCFMethodNotAllowed, "UsrDemoService.GetContactIdByName", nil},
	{faults.SPAFallback, checks.WCFUnknownOperation, "UsrDemoService.GetContactIdByName", nil},
	{faults.JSONAsText, checks.WCFContentType, "UsrDemoAnonService.Echo", nil},
	{faults.ISODates, checks.DCDateFormat, "UsrDemoAnonService.GetServerTime", nil},
	{faults.EmitDefaultFalse, checks.DCRequiredMembers, "UsrDemoAnonService.GetContact", nil},
	{faults.EmitDefaultFalse, checks.ContractResponseSchema, "UsrDemoAnonService.GetContact", nil},
	{faults.CamelCaseMembers, checks.DCMemberCase, "UsrDemoAnonService.GetContact", nil},
	{faults.SimpleDictionaries, checks.DCDictionaryShape, "UsrDemoAnonService.GetContact", nil},
	{faults.BackingFields, checks.DCBackingFields, "UsrDemoAnonService.GetContact", nil},
	{faults.CharsetMissing, checks.CharsetDeclared, "UsrEncodingService.Test", netfxOnly},
	{faults.CharsetQuoted, checks.CharsetDeclared, "UsrEncoding1251Service.Test", netfxOnly},
	{faults.CharsetMislabelled, checks.CharsetDeclared, "UsrEncodingKoi8rService.Echo", netfxOnly},
	{faults.CharsetMislabelled, checks.CharsetValidBytes, "UsrEncodingService.Test", netfxOnly},
	{faults.CharsetUTF8AsLatin1, checks.CharsetRoundTrip, "UsrEncodingService.Test", netfxOnly},
	{faults.CharsetUTF8AsLatin1, checks.CharsetRoundTrip, "UsrEncodingIso2022jpService.Echo", netfxOnly},
	{faults.CharsetUTF8AsLatin1, checks.CharsetMojibake, "UsrEncoding1251Service.Test", netfxOnly},
	{faults.CharsetUTF8Only, checks.CharsetUTF16Request, "UsrDemoService.SaveContact", nil},
	{faults.CharsetBindingLost, checks.CharsetCustomEncoding, "UsrEncodingService.Test", netfxOnly},
	{faults.CharsetBindingLost, checks.CharsetRoundTrip, "UsrEncodingKoi8rService.Test", netfxOnly},
}

var netfxOnly = []profile.Flavor{profile.NetFx}

// runEmbedded runs the bundled specs against an embedded host of one flavor with some faults.
func runEmbedded(t *testing.T, f profile.Flavor, fs faults.Set) *report.Report {
	t.Helper()
	return runnertest.Host(t, host.Config{Flavor: f, Faults: fs})
}

// netfxOnlyChecks judge custom text encodings, which exist on .NET Framework only: the bundled
// operations they apply to are marked x-svccheck-flavors: [netfx], so on a clean net host they run
// nowhere (TestF11NetReportsCustomEncodingUnsupported covers what they say about net).
var netfxOnlyChecks = map[string]bool{checks.CharsetDeclared: true, checks.CharsetCustomEncoding: true}

func TestCleanHostPassesEveryCheckInBothFlavors(t *testing.T) {
	for _, f := range profile.Flavors {
		rep := runEmbedded(t, f, nil)
		assert.True(t, rep.OK(), "%s: %s", f, rep.Line())
		assert.Equal(t, 0, rep.Summary.Skipped, f)
		for _, c := range checks.All() {
			if f == profile.Net && netfxOnlyChecks[c.ID] {
				continue
			}
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
		flavors := tc.flavors
		if flavors == nil {
			flavors = profile.Flavors
		}
		for _, f := range flavors {
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
