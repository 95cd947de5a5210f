package host

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/svccheck/svccheck/reference/profile"
)

// BenchmarkDispatch measures the host's cost per request, without the network: a login, a cookie
// GET (session lookup, WCF dispatch, DataContract reply) and a POST of the demo [DataContract].
func BenchmarkDispatch(b *testing.B) {
	h, err := New(Config{Flavor: profile.Net})
	if err != nil {
		b.Fatal(err)
	}
	login := func() *httptest.ResponseRecorder {
		r := httptest.NewRequest("POST", "/ServiceModel/AuthService.svc/Login", strings.NewReader(`{"UserName":"Supervisor","UserPassword":"Supervisor"}`))
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	b.Run("login", func(b *testing.B) {
		for b.Loop() {
			login()
		}
	})
	b.Run("get-wrapped", func(b *testing.B) {
		cookies := login().Result().Cookies() // a fresh login: the bounded store dropped older ones
		for b.Loop() {
			r := httptest.NewRequest("GET", "/rest/UsrCustomConfigurationService/GetContactIdByName?Name=Supervisor", nil)
			for _, c := range cookies {
				r.AddCookie(c)
			}
			h.ServeHTTP(httptest.NewRecorder(), r)
		}
	})
	b.Run("post-datacontract", func(b *testing.B) {
		cookies := login().Result().Cookies()
		body := `{"contact":{"firstName":"Ann","Balance":10.25,"Kind":1,"Tags":[{"Key":"vip","Value":"yes"}]}}`
		for b.Loop() {
			r := httptest.NewRequest("POST", "/rest/UsrDemoService/SaveContact", strings.NewReader(body))
			r.Header.Set("Content-Type", "application/json")
			for _, c := range cookies {
				r.AddCookie(c)
				if c.Name == "BPMCSRF" {
					r.Header.Set("BPMCSRF", c.Value)
				}
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != 200 {
				b.Fatalf("status %d: %s", w.Code, w.Body)
			}
		}
	})
}
