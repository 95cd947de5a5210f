package host

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/svccheck/svccheck/reference/faults"
	"github.com/svccheck/svccheck/reference/profile"
)

// newTestHost builds a host of a flavor with some faults switched on.
func newTestHost(t *testing.T, f profile.Flavor, fs ...faults.Name) *Host {
	t.Helper()
	set := faults.Set{}
	for _, n := range fs {
		set[n] = true
	}
	h, err := New(Config{Flavor: f, Faults: set})
	require.NoError(t, err)
	return h
}

// do sends one request to the handler; headers are "Name: value" strings.
func do(h http.Handler, method, path, body string, cookies []*http.Cookie, headers ...string) *http.Response {
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	if body != "" {
		r.Header.Set("Content-Type", "application/json")
	}
	for _, hd := range headers {
		k, v, _ := strings.Cut(hd, ": ")
		r.Header.Set(k, v)
	}
	for _, c := range cookies {
		r.AddCookie(c)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Result()
}

// loginAs logs in and returns the cookies the host set.
func loginAs(t *testing.T, h http.Handler, user, password string) []*http.Cookie {
	t.Helper()
	resp := do(h, "POST", "/ServiceModel/AuthService.svc/Login", `{"UserName":"`+user+`","UserPassword":"`+password+`"}`, nil)
	require.Equal(t, 200, resp.StatusCode)
	return resp.Cookies()
}

func cookie(cs []*http.Cookie, name string) *http.Cookie {
	for _, c := range cs {
		if c.Name == name {
			return c
		}
	}
	return nil
}

func body(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return string(b)
}

// restPath is the cookie-auth example's URL in a flavor's layout.
func restPath(f profile.Flavor, rest string) string { return f.WorkspacePrefix() + rest }
