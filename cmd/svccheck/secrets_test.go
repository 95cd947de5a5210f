package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/svccheck/svccheck/reference/faults"
	"github.com/svccheck/svccheck/reference/host"
	"github.com/svccheck/svccheck/reference/profile"
)

// cookieTap records every cookie value a handler sets: the secrets that must not leak.
type cookieTap struct {
	mu     sync.Mutex
	values []string
	next   http.Handler
	// echo makes the target hostile: it echoes each request back (see ServeHTTP).
	echo     bool
	lastBody []byte
}

func (c *cookieTap) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if c.echo {
		b, _ := io.ReadAll(r.Body)
		c.mu.Lock()
		c.lastBody = b
		c.mu.Unlock()
		r.Body = io.NopCloser(bytes.NewReader(b))
	}
	rec := httptest.NewRecorder()
	c.next.ServeHTTP(rec, r)
	c.mu.Lock()
	for _, ck := range rec.Result().Cookies() {
		if ck.Name != "UserName" && ck.Value != "" {
			c.values = append(c.values, ck.Value)
		}
	}
	c.mu.Unlock()
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	if c.echo && r.Body != nil {
		// a hostile target that echoes what it was sent: the request body (with the password,
		// JSON-escaped) and the Cookie header, in a header and in the body
		w.Header().Set("X-Echo-Cookie", r.Header.Get("Cookie"))
		w.Header().Set("X-Echo-Body", string(c.lastBody))
	}
	w.WriteHeader(rec.Code)
	w.Write(rec.Body.Bytes())
	if c.echo {
		w.Write(c.lastBody)
	}
}

// No password or cookie value appears in stdout, stderr or any report format, even when failures
// put request and response transcripts (with Cookie, Set-Cookie and BPMCSRF headers) in the reports.
func TestSecretsNeverReachOutputOrReports(t *testing.T) {
	for _, tc := range []struct {
		flavor         profile.Flavor
		password, name string
		echo           bool
	}{
		{profile.NetFx, "Sup3r-Secret-Passw0rd", "plain", false},
		{profile.Net, "Sup3r-Secret-Passw0rd", "plain", false},
		{profile.Net, `Zq9"quoted<pw>&/x`, "escaped-echo", true}, // JSON/HTML/URL-escaped echoes of a password with specials
		{profile.NetFx, "q7!", "short-echo", true},               // a short password is a password too
	} {
		f, password := tc.flavor, tc.password
		t.Run(string(f)+"/"+tc.name, func(t *testing.T) { // the name, not the password: it ends up in temp paths
			h, err := host.New(host.Config{Flavor: f, Users: map[string]string{"Supervisor": password},
				Faults: faults.Set{faults.CSRFOff: true, faults.UnwrappedResult: true}})
			require.NoError(t, err)
			tap := &cookieTap{next: h, echo: tc.echo}
			srv := httptest.NewServer(tap)
			defer srv.Close()
			t.Setenv("SVCCHECK_TEST_PASSWORD", password)
			out := t.TempDir()
			var stdout, stderr bytes.Buffer
			code := Run([]string{"run", "--target", srv.URL, "--flavor", string(f), "--password-env", "SVCCHECK_TEST_PASSWORD",
				"--out", out, "--format", "json,junit,md,html,sarif,github"}, &stdout, &stderr)
			require.Equal(t, exitFailed, code, "the faults make failures with transcripts:\n%s", stdout.String())

			secrets := append(append([]string{password}, jsonForms(password)...), tap.values...)
			require.Greater(t, len(secrets), 3, "the run logged in and saw cookies")
			texts := map[string]string{"stdout": stdout.String(), "stderr": stderr.String()}
			files, _ := filepath.Glob(filepath.Join(out, "*"))
			require.Len(t, files, 5, "json, junit, md, html and sarif were written (github goes to stdout)")
			require.Contains(t, stdout.String(), "::error file=", "GitHub annotations are checked too")
			for _, p := range files {
				b, err := os.ReadFile(p)
				require.NoError(t, err)
				texts[filepath.Base(p)] = string(b)
			}
			for name, text := range texts {
				for _, s := range secrets {
					assert.False(t, strings.Contains(text, s), "%s leaks a secret (%d chars)", name, len(s))
				}
			}
			assert.Contains(t, texts["report.json"], "[redacted]", "transcripts are kept, with values masked")
			assert.Contains(t, texts["report.html"], "[redacted]", "the HTML shows transcripts, masked")
		})
	}
}

// jsonForms are the escaped forms a password takes inside a JSON request body.
func jsonForms(p string) []string {
	b, _ := json.Marshal(p)
	q := string(b)
	return []string{q[1 : len(q)-1]}
}
