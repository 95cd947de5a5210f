package doctor_test

import (
	"strings"
	"testing"

	"github.com/svccheck/svccheck/harness/runner/runnertest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/svccheck/svccheck/harness/checks"
	"github.com/svccheck/svccheck/harness/doctor"
	"github.com/svccheck/svccheck/harness/report"
	"github.com/svccheck/svccheck/reference/host"
	"github.com/svccheck/svccheck/reference/profile"
	"github.com/svccheck/svccheck/reference/site"
)

// Doctor's verdict on a site and run's verdict on a host serving that site must agree: every gap
// doctor reports as breaking a registration makes the matching runtime check fail, and the gaps that
// only matter later (the other http/https folder, a casing doubt) leave the run green.
func TestDoctorVerdictMatchesTheRuntime(t *testing.T) {
	const anonOp, csrfOp = "UsrDemoAnonService.Echo", "UsrDemoService.GetContactIdByName"
	for _, tc := range []struct {
		fixture, finding, check, op string
	}{
		{"netfx-clean", "", "", ""},
		{"net-clean", "", "", ""},
		{"netfx-no-svc", doctor.AnonNoSvc, checks.AnonAccess, anonOp},
		{"netfx-bad-svc", doctor.AnonBadSvc, checks.AnonAccess, anonOp},
		{"netfx-no-http-entry", doctor.AnonNoServiceEntry, checks.AnonAccess, anonOp},
		{"netfx-no-https-entry", doctor.AnonNoServiceEntry, "", ""},
		{"netfx-no-location", doctor.AnonNoLocation, checks.AnonAccess, anonOp},
		{"netfx-location-denies", doctor.AnonLocationDenies, checks.AnonAccess, anonOp},
		{"netfx-no-allowedlocations", doctor.AnonNotAllowed, checks.AnonAccess, anonOp},
		{"netfx-soap-binding", doctor.WCFSoapBinding, checks.AnonAccess, anonOp},
		{"netfx-no-webhttp", doctor.WCFNoWebHTTP, checks.AnonAccess, anonOp},
		{"netfx-unresolved-binding", doctor.WCFUnresolvedBinding, checks.AnonAccess, anonOp},
		{"netfx-unresolved-behavior", doctor.WCFUnresolvedBehavior, checks.AnonAccess, anonOp},
		{"netfx-bad-encoding", doctor.EncUnknownCustom, checks.AnonAccess, "UsrEncodingService.Test"}, // activation fails: 500
		{"netfx-csrf-off", doctor.CSRFOff, checks.CSRFHeaderRequired, csrfOp},
		{"net-short-key", doctor.NetShortKey, checks.AnonAccess, anonOp},
		{"net-missing-slash", doctor.NetNoLeadingSlash, checks.AnonAccess, anonOp},
		{"net-path-with-0", doctor.NetZeroPrefix, checks.AnonAccess, anonOp},
		{"net-bad-path", doctor.NetBadPath, checks.AnonAccess, anonOp},
		{"net-svc-case", doctor.NetCaseMismatch, "", ""},
		{"net-csrf-off", doctor.CSRFOff, checks.CSRFHeaderRequired, csrfOp},
		{"netfx-csrf-broad", doctor.CSRFBroadExemption, checks.CSRFHeaderRequired, csrfOp},
		{"netfx-write-encoding", doctor.EncBadWriteEncoding, checks.AnonAccess, anonOp},
		{"net-no-appsettings", doctor.SiteMissingFile, checks.AnonAccess, anonOp},
		{"net-webservices-section", doctor.NetOtherSection, checks.AnonAccess, anonOp},
		{"netfx-folder-mismatch", doctor.WCFFolderMismatch, "", ""},
		{"netfx-no-configsource", doctor.SiteActiveFolder, "", ""},
		{"netfx-no-behaviors-file", doctor.SiteMissingFile, "", ""},
	} {
		t.Run(tc.fixture, func(t *testing.T) {
			dir := "testdata/sites/" + tc.fixture
			findings, err := doctor.Check(dir, "")
			require.NoError(t, err)
			ids := []string{}
			for _, f := range findings {
				ids = append(ids, f.ID)
			}
			if tc.finding == "" {
				assert.Empty(t, ids)
			} else {
				assert.Contains(t, ids, tc.finding)
			}
			rep := runOnSite(t, dir)
			broken := map[string]bool{} // services the gap breaks: every check of theirs may fail
			for _, r := range rep.Results {
				if r.Check == tc.check && r.Verdict == "fail" {
					broken[service(r.Operation)] = true
				}
			}
			for _, r := range rep.Results {
				if r.Check == tc.check && r.Operation == tc.op {
					assert.Equal(t, "fail", r.Verdict, "%s: %s", r.Name(), r.Reason)
				} else if r.Verdict == "fail" && r.Check != checks.AuthLogin && r.Check != tc.check && !broken[service(r.Operation)] {
					t.Errorf("unexpected failure %s: %s", r.Name(), r.Reason)
				}
			}
			assert.Equal(t, tc.check == "", rep.OK(), rep.Line())
		})
	}
}

// runOnSite serves a site directory with the reference host and runs the bundled specs against it.
func runOnSite(t *testing.T, dir string) *report.Report {
	t.Helper()
	s, err := site.Load(dir, "")
	require.NoError(t, err)
	return runnertest.Host(t, host.Config{Flavor: profile.Flavor(s.Flavor), Site: s})
}

// service is the service part of an operation ID ("UsrDemoAnonService.Echo" → "UsrDemoAnonService").
func service(op string) string {
	s, _, _ := strings.Cut(op, ".")
	return s
}

// F11: a net site with a custom text encoding is refused when the host starts, as doctor predicts.
func TestF11NetHostRefusesCustomEncodings(t *testing.T) {
	dir := "testdata/sites/net-custom-encoding"
	findings, err := doctor.Check(dir, "")
	require.NoError(t, err)
	require.NotEmpty(t, findings)
	assert.Equal(t, doctor.EncCustomOnNet, findings[0].ID)
	s, err := site.Load(dir, "")
	require.NoError(t, err)
	_, err = host.New(host.Config{Flavor: profile.Net, Site: s})
	require.ErrorContains(t, err, "Terrasoft.WebHost.dll.config:14")
}
