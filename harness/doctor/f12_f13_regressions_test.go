package doctor

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/svccheck/svccheck/reference/site"
)

// writeSite copies the default site of a flavor into a temporary directory and overwrites one file.
func writeSite(t *testing.T, f site.Flavor, file, content string) string {
	dir := t.TempDir()
	require.NoError(t, site.WriteDefault(dir, f))
	require.NoError(t, os.WriteFile(filepath.Join(dir, file), []byte(content), 0o644))
	return dir
}

func ids(fs []Finding) map[string]int {
	out := map[string]int{}
	for _, f := range fs {
		out[f.ID]++
	}
	return out
}

// F12: an update replaced Web.config with its stock copy; the .svc files and services.config
// entries of the anonymous services survived and still say which services were anonymous.
func TestF12WebConfigWipedByAnUpdate(t *testing.T) {
	dir := writeSite(t, site.FlavorNetfx, site.WebConfigPath, "<?xml version=\"1.0\"?>\n<configuration/>\n")
	findings, err := Check(dir, site.FlavorNetfx)
	require.NoError(t, err)
	got := ids(findings)
	anon := len(site.Default(site.FlavorNetfx).AnonymousNames())
	assert.Equal(t, anon, got[AnonNoLocation], "one missing <location> per anonymous service")
	assert.Equal(t, anon, got[AnonNotAllowed], "and one missing AllowedLocations entry")
}

// F13: AnonymousRoutes with a value .NET cannot bind, or outside any section, is reported.
func TestF13MalformedAnonymousRoutes(t *testing.T) {
	for name, tc := range map[string]struct {
		json, id string
		line     int
	}{
		"not an object": {"{\n  \"ConfigurationServices\": {\n    \"AnonymousRoutes\": 5\n  }\n}\n", NetBadPath, 3},
		"top level":     {"{\n  \"AnonymousRoutes\": {\n    \"A.B\": [\"/ServiceModel/B.svc\"]\n  }\n}\n", NetOtherSection, 2},
	} {
		dir := writeSite(t, site.FlavorNet, site.AppSettingsPath, tc.json)
		findings, err := Check(dir, site.FlavorNet)
		require.NoError(t, err, name)
		require.Len(t, findings, 1, "%s: %v", name, findings)
		assert.Equal(t, tc.id, findings[0].ID, name)
		assert.Equal(t, tc.line, findings[0].Line, name)
	}
}
