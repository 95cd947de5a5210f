package doctor

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/svccheck/svccheck/reference/site"
)

const sites = "testdata/sites/"

// want is the identity of a finding a fixture must produce: rule, file and line.
type want struct {
	ID   string
	File string
	Line int
}

const (
	webConfig = "Terrasoft.WebApp/Web.config"
	httpDir   = "Terrasoft.WebApp/ServiceModel/http/"
	httpsDir  = "Terrasoft.WebApp/ServiceModel/https/"
	appJSON   = "Terrasoft.WebHost/appsettings.json"
	dllConfig = "Terrasoft.WebHost/Terrasoft.WebHost.dll.config"
)

// fixtures: each broken site has exactly one gap and must produce exactly its finding.
var fixtures = []struct {
	name string
	want []want
}{
	{"netfx-clean", nil},
	{"netfx-https-active", nil},
	{"net-clean", nil},
	{"netfx-no-svc", []want{{AnonNoSvc, "Terrasoft.WebApp/ServiceModel/UsrDemoAnonService.svc", 0}}},
	{"netfx-bad-svc", []want{{AnonBadSvc, "Terrasoft.WebApp/ServiceModel/UsrDemoAnonService.svc", 1}}},
	{"netfx-no-http-entry", []want{{AnonNoServiceEntry, httpDir + "services.config", 3}}},
	{"netfx-no-https-entry", []want{{AnonNoServiceEntry, httpsDir + "services.config", 3}}},
	{"netfx-no-location", []want{{AnonNoLocation, webConfig, 80}}},
	{"netfx-location-denies", []want{{AnonLocationDenies, webConfig, 30}}},
	{"netfx-no-allowedlocations", []want{{AnonNotAllowed, webConfig, 40}}},
	{"netfx-soap-binding", []want{{WCFSoapBinding, httpDir + "services.config", 19}}},
	{"netfx-no-webhttp", []want{{WCFNoWebHTTP, httpDir + "services.config", 19}}},
	{"netfx-unresolved-binding", []want{{WCFUnresolvedBinding, httpDir + "services.config", 19}}},
	{"netfx-unresolved-behavior", []want{{WCFUnresolvedBehavior, httpDir + "services.config", 19}}},
	{"netfx-folder-mismatch", []want{{WCFFolderMismatch, httpsDir + "services.config", 3}}},
	{"netfx-bad-encoding", []want{{EncUnknownCustom, httpDir + "bindings.config", 19}}},
	{"netfx-write-encoding", []want{{EncBadWriteEncoding, httpDir + "bindings.config", 6}}},
	{"netfx-csrf-off", []want{{CSRFOff, webConfig, 38}}},
	{"netfx-csrf-broad", []want{{CSRFBroadExemption, webConfig, 39}}},
	{"netfx-no-behaviors-file", []want{{SiteMissingFile, httpsDir + "behaviors.config", 0}}},
	{"netfx-no-configsource", []want{{SiteActiveFolder, webConfig, 54}}},
	{"net-short-key", []want{{NetShortKey, appJSON, 16}}},
	{"net-missing-slash", []want{{NetNoLeadingSlash, appJSON, 16}}},
	{"net-path-with-0", []want{{NetZeroPrefix, appJSON, 16}}},
	{"net-bad-path", []want{{NetBadPath, appJSON, 16}}},
	{"net-svc-case", []want{{NetCaseMismatch, appJSON, 16}}},
	{"net-webservices-section", []want{{NetOtherSection, appJSON, 13}}},
	{"net-custom-encoding", []want{{EncCustomOnNet, dllConfig, 14}}},
	{"net-csrf-off", []want{{CSRFOff, dllConfig, 6}}},
	{"net-no-appsettings", []want{{SiteMissingFile, appJSON, 0}}},
	{"netfx-tolerant", nil},
	{"net-tolerant", nil},
}

func TestCheckFixtures(t *testing.T) {
	for _, tc := range fixtures {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Check(sites+tc.name, "")
			require.NoError(t, err)
			var ids []want
			for _, f := range got {
				ids = append(ids, want{f.ID, f.File, f.Line})
				assert.NotEmpty(t, f.Message, f.ID)
				assert.NotEmpty(t, f.Fix, f.ID)
				assert.Equal(t, rules[f.ID].Severity, f.Severity, f.ID)
			}
			assert.Equal(t, tc.want, ids, "findings: %v", got)
		})
	}
}

// Every fixture directory is in the table, so a new fixture cannot go untested.
func TestEveryFixtureListed(t *testing.T) {
	ents, err := os.ReadDir(sites)
	require.NoError(t, err)
	listed := map[string]bool{}
	for _, f := range fixtures {
		listed[f.name] = true
	}
	for _, e := range ents {
		assert.True(t, listed[e.Name()], "fixture %s has no row in the table", e.Name())
	}
}

// The built-in default site of both flavors, as init-site writes it, is clean.
func TestDefaultSiteIsClean(t *testing.T) {
	for _, fl := range []site.Flavor{site.FlavorNetfx, site.FlavorNet} {
		t.Run(string(fl), func(t *testing.T) {
			dir := t.TempDir()
			require.NoError(t, site.WriteDefault(dir, fl))
			got, err := Check(dir, "")
			require.NoError(t, err)
			assert.Empty(t, got)
			assert.Empty(t, CheckSite(site.Default(fl)))
		})
	}
}

// The clean fixtures are the default site byte for byte, so users reading them read the default.
func TestCleanFixturesAreTheDefault(t *testing.T) {
	for _, fl := range []site.Flavor{site.FlavorNetfx, site.FlavorNet} {
		fsys, err := site.DefaultFS(fl)
		require.NoError(t, err)
		n := 0
		require.NoError(t, fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			n++
			emb, _ := fs.ReadFile(fsys, p)
			disk, err := os.ReadFile(filepath.Join(sites, string(fl)+"-clean", filepath.FromSlash(p)))
			require.NoError(t, err)
			assert.Equal(t, string(emb), string(disk), p)
			return nil
		}))
		assert.NotZero(t, n)
	}
}

func TestEveryRuleDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/checks.md")
	require.NoError(t, err)
	for _, r := range Rules() {
		assert.Contains(t, string(doc), "## "+r.ID, "docs/checks.md lacks %s", r.ID)
	}
}

func TestMalformedInputNamesFileAndLine(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, site.WriteDefault(dir, site.FlavorNetfx))
	p := filepath.Join(dir, "Terrasoft.WebApp/ServiceModel/https/bindings.config")
	require.NoError(t, os.WriteFile(p, []byte("<bindings>\n  <webHttpBinding>\n  </bindings>\n"), 0o644))
	_, err := Check(dir, "")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "Terrasoft.WebApp/ServiceModel/https/bindings.config:3: ")
}
