package host

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/svccheck/svccheck/reference/faults"
	"github.com/svccheck/svccheck/reference/profile"
)

// F06/F20: each flavor serves workspace routes in its own layout only.
func TestF06TwoRouteLayouts(t *testing.T) {
	fx := newTestHost(t, profile.NetFx)
	cs := loginAs(t, fx, "Supervisor", "Supervisor")
	assert.Equal(t, 200, do(fx, "GET", "/0"+lookup, "", cs).StatusCode)
	assert.Equal(t, 404, do(fx, "GET", lookup, "", cs).StatusCode, "netfx without /0 (§10 row 9)")
	assert.Equal(t, 200, do(fx, "GET", "/0/REST/usrcustomconfigurationservice/getcontactidbyname?name=Supervisor", "", cs).StatusCode, "case-insensitive (row 10)")

	net := newTestHost(t, profile.Net)
	cs = loginAs(t, net, "Supervisor", "Supervisor")
	assert.Equal(t, 200, do(net, "GET", lookup, "", cs).StatusCode)
	assert.Equal(t, 404, do(net, "GET", "/0"+lookup, "", cs).StatusCode, "net with /0 (§10 row 8)")
}

// F07: Wrapped replies carry {"<Op>Result":…}; the unwrapped-result fault drops it.
func TestF07WrappedResult(t *testing.T) {
	for _, tc := range []struct {
		fault faults.Name
		want  string
	}{{"", `{"GetContactIdByNameResult":"410006e1-ca4e-4502-a9ec-e54d922d2c00"}`}, {faults.UnwrappedResult, `"410006e1-ca4e-4502-a9ec-e54d922d2c00"`}} {
		h := newTestHost(t, profile.NetFx, tc.fault)
		resp := do(h, "GET", "/0/ServiceModel/UsrAnonymousConfigurationService.svc/GetContactIdByName?Name=Supervisor", "", nil)
		assert.Equal(t, 200, resp.StatusCode)
		assert.Equal(t, tc.want, body(t, resp))
	}
}

// F12: the anonymous service works without cookies until its registration is lost.
func TestF12AnonymousRegistrationLost(t *testing.T) {
	for _, f := range profile.Flavors {
		path := f.WorkspacePrefix() + "/ServiceModel/UsrAnonymousConfigurationService.svc/GetContactIdByName?Name=Nobody"
		resp := do(newTestHost(t, f), "GET", path, "", nil)
		assert.Equal(t, 200, resp.StatusCode, f)
		assert.Equal(t, `{"GetContactIdByNameResult":""}`, body(t, resp))
		resp = do(newTestHost(t, f, faults.AnonRegistrationLost), "GET", path, "", nil)
		assert.Equal(t, profile.Default(f).UnauthSvc.Status, resp.StatusCode, f)
	}
}

// F14: an authenticated call to a service that is not deployed is 404, not an auth failure.
func TestF14ServiceNotDeployed(t *testing.T) {
	h := newTestHost(t, profile.NetFx)
	cs := loginAs(t, h, "Supervisor", "Supervisor")
	resp := do(h, "POST", "/0/rest/UsrMissingService/Ping", "{}", cs, "BPMCSRF: "+cookie(cs, "BPMCSRF").Value)
	assert.Equal(t, 404, resp.StatusCode)
	assert.Contains(t, body(t, resp), "Endpoint not found.")
}

func TestFaultLoginPage200(t *testing.T) {
	resp := do(newTestHost(t, profile.Net, faults.LoginPage200), "GET", lookup, "", nil)
	assert.Equal(t, 200, resp.StatusCode)
	assert.Contains(t, resp.Header.Get("Content-Type"), "text/html")
	assert.Contains(t, body(t, resp), "bootstrap.login")
}

func TestFaultCSRF(t *testing.T) {
	h := newTestHost(t, profile.Net, faults.CSRFOff, faults.CSRFCookieHTTPOnly)
	cs := loginAs(t, h, "Supervisor", "Supervisor")
	assert.True(t, cookie(cs, "BPMCSRF").HttpOnly)
	assert.Equal(t, 200, do(h, "POST", "/rest/UsrDemoService/GetContactIdByName", `{"Name":"Ann"}`, cs).StatusCode)
}
