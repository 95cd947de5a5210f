package host

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/svccheck/svccheck/reference/faults"
	"github.com/svccheck/svccheck/reference/profile"
)

const lookup = "/rest/UsrCustomConfigurationService/GetContactIdByName?Name=Supervisor"

// F03/F04: unauthenticated calls answer per route family and flavor (§10 rows 17–18).
func TestF03F04Unauthenticated(t *testing.T) {
	for _, tc := range []struct {
		flavor   profile.Flavor
		path     string
		xhr      bool
		status   int
		location string
		body     string
	}{
		{profile.NetFx, "/0" + lookup, false, 302, "/Login/NuiLogin.aspx?ReturnUrl=%2f0%2frest%2fUsrCustomConfigurationService", "Object moved"},
		{profile.NetFx, "/0" + lookup, true, 401, "", ""},
		{profile.Net, lookup, false, 302, "/Login/Login.html?ReturnUrl=%2Frest%2FUsrCustomConfigurationService", "Object moved"},
		{profile.Net, lookup, true, 401, "", ""},
		{profile.NetFx, "/0/ServiceModel/UserInfoService.svc/GetCurrentUserInfo", false, 401, "", `{"Message":"Authentication failed.","StackTrace":null,"ExceptionType":"System.InvalidOperationException"}`},
		{profile.Net, "/ServiceModel/UserInfoService.svc/GetCurrentUserInfo", false, 302, "/Login/Login.html?ReturnUrl=", ""},
		{profile.Net, "/ServiceModel/UserInfoService.svc/GetCurrentUserInfo", true, 401, "", "Authentication failed."},
	} {
		t.Run(string(tc.flavor)+tc.path, func(t *testing.T) {
			var hdr []string
			if tc.xhr {
				hdr = append(hdr, "X-Requested-With: XMLHttpRequest")
			}
			resp := do(newTestHost(t, tc.flavor), "GET", tc.path, "", nil, hdr...)
			assert.Equal(t, tc.status, resp.StatusCode)
			if tc.location != "" {
				assert.Contains(t, resp.Header.Get("Location"), tc.location)
			}
			assert.Contains(t, body(t, resp), tc.body)
		})
	}
}

// F05: a state-changing call with the cookie but without the BPMCSRF header is refused (§10 row 11).
func TestF05CSRFHeaderRequired(t *testing.T) {
	for _, f := range profile.Flavors {
		t.Run(string(f), func(t *testing.T) {
			h := newTestHost(t, f)
			cs := loginAs(t, h, "Supervisor", "Supervisor")
			path := restPath(f, "/rest/UsrDemoService/GetContactIdByName")
			resp := do(h, "POST", path, `{"Name":"Supervisor"}`, cs)
			assert.Equal(t, profile.Default(f).CSRFFailureStatus, resp.StatusCode)
			resp = do(h, "POST", path, `{"Name":"Supervisor"}`, cs, "BPMCSRF: wrong")
			assert.Equal(t, profile.Default(f).CSRFFailureStatus, resp.StatusCode)
			resp = do(h, "POST", path, `{"Name":"Supervisor"}`, cs, "BPMCSRF: "+cookie(cs, "BPMCSRF").Value)
			assert.Equal(t, 200, resp.StatusCode)
			assert.Equal(t, `{"GetContactIdByNameResult":"410006e1-ca4e-4502-a9ec-e54d922d2c00"}`, body(t, resp))
			resp = do(h, "GET", restPath(f, lookup), "", cs)
			assert.Equal(t, 200, resp.StatusCode, "GET is not checked (§10 row 12)")
		})
	}
}

func TestLogoutEndsTheSession(t *testing.T) {
	for _, f := range profile.Flavors {
		h := newTestHost(t, f)
		cs := loginAs(t, h, "Supervisor", "Supervisor")
		csrf := "BPMCSRF: " + cookie(cs, "BPMCSRF").Value
		resp := do(h, "POST", restPath(f, "/rest/MainMenuService/Logout"), "", cs, csrf)
		require.Equal(t, 200, resp.StatusCode, f)
		assert.Equal(t, `{"RedirectLocation":""}`, body(t, resp))
		resp = do(h, "GET", restPath(f, lookup), "", cs, "X-Requested-With: XMLHttpRequest")
		assert.Equal(t, 401, resp.StatusCode, "%s: the session is gone on the server", f)
	}
}

func TestSessionsSlideAndExpire(t *testing.T) {
	now := time.Unix(0, 0)
	h, err := New(Config{Flavor: profile.Net, Now: func() time.Time { return now }})
	require.NoError(t, err)
	cs := loginAs(t, h, "Supervisor", "Supervisor")
	now = now.Add(59 * time.Minute)
	assert.Equal(t, 200, do(h, "GET", lookup, "", cs).StatusCode)
	now = now.Add(59 * time.Minute)
	assert.Equal(t, 200, do(h, "GET", lookup, "", cs).StatusCode, "use slides the expiry")
	now = now.Add(61 * time.Minute)
	assert.Equal(t, 302, do(h, "GET", lookup, "", cs).StatusCode)
}

func TestSessionStoreIsBounded(t *testing.T) {
	p := profile.Default(profile.Net)
	p.MaxSessions = 3
	h, err := New(Config{Flavor: profile.Net, Profile: p})
	require.NoError(t, err)
	first := loginAs(t, h, "Supervisor", "Supervisor")
	for i := 0; i < 5; i++ {
		loginAs(t, h, "Supervisor", "Supervisor")
	}
	assert.Equal(t, 3, h.sessions.len())
	assert.Equal(t, http.StatusFound, do(h, "GET", lookup, "", first).StatusCode, "the oldest login was dropped")
}

func TestFaultSessionLost(t *testing.T) {
	h := newTestHost(t, profile.Net, faults.SessionLost)
	cs := loginAs(t, h, "Supervisor", "Supervisor")
	assert.NotNil(t, cookie(cs, ".ASPXAUTH"))
	assert.Equal(t, 302, do(h, "GET", lookup, "", cs).StatusCode)
}
