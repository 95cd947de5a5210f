package doctor

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/svccheck/svccheck/reference/site"
)

// What the host makes of each broken fixture: the Access an unauthenticated call meets.
func TestAnonymousAccessOfFixtures(t *testing.T) {
	const demo, enc = "UsrDemoAnonService", "UsrEncodingService"
	cases := []struct {
		fixture, svc string
		want         site.Access
		at           string
	}{
		{"netfx-clean", demo, site.AccessAnonymous, ""},
		{"netfx-clean", enc, site.AccessAnonymous, ""},
		{"netfx-https-active", demo, site.AccessAnonymous, ""},
		{"netfx-no-svc", demo, site.AccessMissing, "Terrasoft.WebApp/ServiceModel/UsrDemoAnonService.svc"},
		{"netfx-no-location", demo, site.AccessSession, webConfig},
		{"netfx-location-denies", demo, site.AccessSession, webConfig},
		{"netfx-no-allowedlocations", demo, site.AccessSession, webConfig},
		{"netfx-no-http-entry", demo, site.AccessBroken, httpDir + "services.config"},
		{"netfx-no-https-entry", demo, site.AccessAnonymous, ""}, // http is live; breaks on a switch
		{"netfx-bad-svc", demo, site.AccessBroken, "Terrasoft.WebApp/ServiceModel/UsrDemoAnonService.svc"},
		{"netfx-unresolved-binding", demo, site.AccessBroken, httpDir + "services.config"},
		{"netfx-unresolved-behavior", demo, site.AccessBroken, httpDir + "services.config"},
		{"netfx-soap-binding", demo, site.AccessSOAP, httpDir + "services.config"},
		{"netfx-no-webhttp", demo, site.AccessSOAP, httpDir + "services.config"},
		{"netfx-bad-encoding", enc, site.AccessBroken, httpDir + "bindings.config"},
		{"netfx-write-encoding", demo, site.AccessBroken, httpDir + "bindings.config"},
		{"netfx-tolerant", demo, site.AccessAnonymous, ""},
		{"netfx-tolerant", "usranonymousconfigurationservice", site.AccessAnonymous, ""},
		{"net-tolerant", demo, site.AccessAnonymous, ""},
		{"net-clean", demo, site.AccessAnonymous, ""},
		{"net-clean", enc, site.AccessSession, appJSON},
		{"net-short-key", demo, site.AccessSession, appJSON},
		{"net-path-with-0", demo, site.AccessSession, appJSON},
		{"net-missing-slash", demo, site.AccessSession, appJSON},
		{"net-bad-path", demo, site.AccessSession, appJSON},
		{"net-svc-case", demo, site.AccessAnonymous, ""},
		{"net-webservices-section", demo, site.AccessSession, appJSON},
		{"net-no-appsettings", demo, site.AccessSession, appJSON},
	}
	for _, tc := range cases {
		t.Run(tc.fixture+"/"+tc.svc, func(t *testing.T) {
			s, err := site.Load(sites+tc.fixture, "")
			require.NoError(t, err)
			ep := s.Anonymous(tc.svc)
			assert.Equal(t, tc.want, ep.Access, ep.Reason)
			assert.Equal(t, tc.at, ep.At.File)
			if tc.want != site.AccessAnonymous {
				assert.NotEmpty(t, ep.Reason)
			}
		})
	}
}
