package session

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/svccheck/svccheck/harness/redact"
	"github.com/svccheck/svccheck/harness/target"
	"github.com/svccheck/svccheck/harness/wire"
	"github.com/svccheck/svccheck/reference/host"
	"github.com/svccheck/svccheck/reference/profile"
)

func newTarget(t *testing.T, h http.Handler) target.Target {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	tg, err := target.New(srv.URL, profile.Net)
	require.NoError(t, err)
	return tg
}

func TestLoginAgainstTheReferenceHost(t *testing.T) {
	h, err := host.New(host.Config{Flavor: profile.Net})
	require.NoError(t, err)
	tg := newTarget(t, h)
	red := redact.New("Supervisor")
	c := wire.New(time.Second, 1<<20)
	s, _, err := Login(context.Background(), c, tg, Identity{"Supervisor", "Supervisor"}, red)
	require.NoError(t, err)
	assert.NotEmpty(t, s.CSRF)
	assert.NotNil(t, s.Cookie(".ASPXAUTH"))
	assert.Equal(t, "[redacted]", red.String(s.Cookie(".ASPXAUTH").Value), "cookie values become secrets")

	_, _, err = Login(context.Background(), c, tg, Identity{"Supervisor", "nope!!"}, red)
	var le *LoginError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, 1, le.Code)
}

// F02: a 200 that is not a JSON login reply is a failed login, not a success.
func TestF02LoginJudgedByCode(t *testing.T) {
	for name, h := range map[string]http.HandlerFunc{
		"html page": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html>"))
		},
		"no cookie": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"Code":0}`))
		},
		"401": func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(401) },
	} {
		_, _, err := Login(context.Background(), wire.New(time.Second, 1<<20), newTarget(t, h), Identity{"u", "p"}, redact.New())
		assert.Error(t, err, name)
	}
}

// F18: concurrent workers share one login per identity.
func TestPoolLogsInOncePerIdentity(t *testing.T) {
	hst, err := host.New(host.Config{Flavor: profile.Net})
	require.NoError(t, err)
	var logins atomic.Int32
	tg := newTarget(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/ServiceModel/AuthService.svc/Login" {
			logins.Add(1)
			time.Sleep(20 * time.Millisecond)
		}
		hst.ServeHTTP(w, r)
	}))
	p := NewPool(wire.New(time.Second, 1<<20), tg, redact.New())
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _, err := p.Get(context.Background(), Identity{"Supervisor", "Supervisor"})
			assert.NoError(t, err)
		}()
	}
	wg.Wait()
	assert.Equal(t, int32(1), logins.Load())
}
