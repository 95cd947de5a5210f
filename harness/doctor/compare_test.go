package doctor

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// F12: an update replaces the config files; Compare reports what it removed or changed.
func TestF12CompareUpdate(t *testing.T) {
	cases := []struct {
		before, after string
		want          []want
	}{
		{"netfx-clean", "netfx-clean", nil},
		{"netfx-clean", "netfx-tolerant", nil},
		{"net-clean", "net-tolerant", nil},
		{"netfx-clean", "netfx-no-location", []want{{CmpLostAnonymous, webConfig, 5}}},
		{"netfx-clean", "netfx-no-http-entry", []want{{CmpLostAnonymous, httpDir + "services.config", 3}}},
		{"netfx-clean", "netfx-no-https-entry", []want{{CmpServiceRemoved, httpsDir + "services.config", 3}}},
		{"netfx-clean", "netfx-folder-mismatch", []want{{CmpServiceRemoved, httpsDir + "services.config", 3}}},
		{"netfx-clean", "netfx-csrf-off", []want{{CmpCSRFChanged, webConfig, 38}}},
		{"netfx-clean", "netfx-csrf-broad", []want{{CmpCSRFChanged, webConfig, 39}}},
		{"netfx-clean", "netfx-write-encoding", []want{{CmpLostAnonymous, httpDir + "bindings.config", 6}, {CmpLostAnonymous, httpDir + "bindings.config", 6}}},
		{"net-clean", "net-short-key", []want{{CmpLostAnonymous, appJSON, 13}}},
		{"net-clean", "net-csrf-off", []want{{CmpCSRFChanged, dllConfig, 6}}},
	}
	for _, tc := range cases {
		t.Run(tc.before+"→"+tc.after, func(t *testing.T) {
			got, err := Compare(sites+tc.before, sites+tc.after, "")
			require.NoError(t, err)
			var ids []want
			for _, f := range got {
				ids = append(ids, want{f.ID, f.File, f.Line})
				assert.Equal(t, SeverityError, f.Severity)
			}
			assert.Equal(t, tc.want, ids, "findings: %v", got)
		})
	}
}

func TestCompareRefusesMixedFlavors(t *testing.T) {
	_, err := Compare(sites+"netfx-clean", sites+"net-clean", "")
	assert.ErrorContains(t, err, "cannot compare")
}
