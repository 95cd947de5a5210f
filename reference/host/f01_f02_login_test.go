package host

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/svccheck/svccheck/reference/profile"
)

// F01: login answers only at the site root, never under /0.
func TestF01LoginOnlyAtTheRoot(t *testing.T) {
	h := newTestHost(t, profile.NetFx)
	resp := do(h, "POST", "/0/ServiceModel/AuthService.svc/Login", `{"UserName":"Supervisor","UserPassword":"Supervisor"}`, nil)
	assert.Equal(t, 401, resp.StatusCode)
	assert.Nil(t, cookie(resp.Cookies(), ".ASPXAUTH"))

	hn := newTestHost(t, profile.Net)
	resp = do(hn, "POST", "/0/ServiceModel/AuthService.svc/Login", `{"UserName":"Supervisor","UserPassword":"Supervisor"}`, nil)
	assert.Equal(t, 404, resp.StatusCode, "net has no /0 alias (§10 row 8)")
}

// F02: success and rejection are both 200; Code decides, and only success sets the auth cookie.
func TestF02LoginOutcomeInCode(t *testing.T) {
	for _, f := range profile.Flavors {
		t.Run(string(f), func(t *testing.T) {
			h := newTestHost(t, f)
			resp := do(h, "POST", "/ServiceModel/AuthService.svc/Login", `{"UserName":"Supervisor","UserPassword":"Supervisor"}`, nil)
			require.Equal(t, 200, resp.StatusCode)
			assert.Equal(t, "application/json; charset=utf-8", resp.Header.Get("Content-Type"))
			assert.Equal(t, `{"Code":0,"Message":"","Exception":null,"PasswordChangeUrl":null,"RedirectUrl":null,"UserType":"General"}`, body(t, resp))
			cs := resp.Cookies()
			auth, csrf, user := cookie(cs, ".ASPXAUTH"), cookie(cs, "BPMCSRF"), cookie(cs, "UserName")
			require.NotNil(t, auth)
			require.NotNil(t, csrf)
			require.NotNil(t, user)
			assert.True(t, auth.HttpOnly)
			assert.False(t, csrf.HttpOnly, "front-end scripts read BPMCSRF")
			assert.Equal(t, "/", csrf.Path)
			assert.True(t, user.HttpOnly)
			assert.Equal(t, f == profile.NetFx, cookie(cs, "BPMLOADER") != nil, "BPMLOADER only on netfx")

			resp = do(h, "POST", "/ServiceModel/AuthService.svc/Login", `{"UserName":"Supervisor","UserPassword":"wrong"}`, nil)
			require.Equal(t, 200, resp.StatusCode)
			b := body(t, resp)
			assert.Contains(t, b, `"Code":1`)
			assert.Contains(t, b, `"Type":"System.Security.SecurityException"`)
			assert.Nil(t, cookie(resp.Cookies(), ".ASPXAUTH"))
		})
	}
}

func TestLoginRefusesBadRequests(t *testing.T) {
	h := newTestHost(t, profile.Net)
	assert.Equal(t, 405, do(h, "GET", "/ServiceModel/AuthService.svc/Login", "", nil).StatusCode)
	assert.Equal(t, 400, do(h, "POST", "/ServiceModel/AuthService.svc/Login", `{"UserName":`, nil).StatusCode)
	resp := do(h, "POST", "/ServiceModel/AuthService.svc/Login", `{"UserName":"Supervisor","UserPassword":"Supervisor"}`, nil, "Content-Type: text/plain")
	assert.Equal(t, 400, resp.StatusCode, "Raw bodies are refused as by WCF")
}
