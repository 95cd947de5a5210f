package checks

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/svccheck/svccheck/harness/redact"
	"github.com/svccheck/svccheck/harness/session"
	"github.com/svccheck/svccheck/harness/spec"
	"github.com/svccheck/svccheck/harness/target"
	"github.com/svccheck/svccheck/harness/wire"
	"github.com/svccheck/svccheck/reference/host"
	"github.com/svccheck/svccheck/reference/profile"
)

const testSpec = `openapi: 3.0.3
info: {title: t, version: "1"}
components:
  securitySchemes:
    c: {type: apiKey, in: cookie, name: .ASPXAUTH}
paths:
  /ServiceModel/S.svc/Anon:
    get:
      operationId: Anon
      security: []
      x-wcf-body-style: Wrapped
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: string}}}}
  /ServiceModel/S.svc/Data:
    get:
      operationId: Data
      security: []
      x-wcf-body-style: Bare
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [When, Tags, Name]
                properties:
                  When: {type: string, format: wcf-date}
                  Name: {type: string}
                  Tags:
                    type: array
                    x-wcf-dictionary: true
                    items: {type: object, properties: {Key: {type: string}, Value: {type: string}}}
  /rest/S/Cookie:
    post:
      operationId: Cookie
      security: [{c: []}]
      x-wcf-body-style: Wrapped
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: string}}}}
`

// hostile serves the reference host's login and lets a test answer the operation itself.
func hostile(t *testing.T, answer http.HandlerFunc) (*Env, map[string]*spec.Operation) {
	t.Helper()
	ref, err := host.New(host.Config{Flavor: profile.Net})
	require.NoError(t, err)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/Login") {
			ref.ServeHTTP(w, r)
			return
		}
		answer(w, r)
	}))
	t.Cleanup(srv.Close)
	tg, err := target.New(srv.URL, profile.Net)
	require.NoError(t, err)
	c := wire.New(2*time.Second, 1<<20)
	s, err := spec.Parse("t.yaml", []byte(testSpec))
	require.NoError(t, err)
	ops := map[string]*spec.Operation{}
	for _, o := range s.Operations {
		ops[o.ID] = o
	}
	id := session.Identity{User: "Supervisor", Password: "Supervisor"}
	return &Env{Client: c, Target: tg, Identity: id, Sessions: session.NewPool(c, tg, redact.New())}, ops
}

func answer(status int, ctype, body string, hdr ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i+1 < len(hdr); i += 2 {
			w.Header().Set(hdr[i], hdr[i+1])
		}
		if ctype != "" {
			w.Header().Set("Content-Type", ctype)
		}
		w.WriteHeader(status)
		w.Write([]byte(body))
	}
}

func TestChecksJudgeHostileAnswers(t *testing.T) {
	for _, tc := range []struct {
		name, check, op string
		h               http.HandlerFunc
		verdict         Verdict
		reason          string
	}{
		{"anon ok", AnonAccess, "Anon", answer(200, "application/json", `{"AnonResult":"x"}`), Pass, "answered without cookies"},
		{"anon login redirect", AnonAccess, "Anon", answer(302, "text/html", "", "Location", "/Login/NuiLogin.aspx?ReturnUrl=x"), Fail, "anonymous registration is missing"},
		{"anon 401", AnonAccess, "Anon", answer(401, "application/json", `{"Message":"Authentication failed."}`), Fail, "F12"},
		{"anon 404", AnonAccess, "Anon", answer(404, "text/html", "Endpoint not found."), Fail, "F14"},
		{"anon 500", AnonAccess, "Anon", answer(500, "text/html", "activation"), Fail, "services.config"},
		{"anon login page 200", AnonAccess, "Anon", answer(200, "text/html", "<html>login</html>"), Fail, "F17"},
		{"anon teapot", AnonAccess, "Anon", answer(418, "", ""), Fail, "expected a 2xx"},
		{"no session 401", AuthSessionRequired, "Cookie", answer(401, "", ""), Pass, "refused"},
		{"no session 302 login", AuthSessionRequired, "Cookie", answer(302, "", "", "Location", "/Login/Login.html?ReturnUrl=%2F"), Pass, "refused"},
		{"no session 302 elsewhere", AuthSessionRequired, "Cookie", answer(302, "", "", "Location", "/elsewhere"), Fail, "expected 401, 403"},
		{"no session login page 200", AuthSessionRequired, "Cookie", answer(200, "text/html; charset=utf-8", "<html>"), Fail, "F17"},
		{"no session data", AuthSessionRequired, "Cookie", answer(200, "application/json", `{"CookieResult":"x"}`), Fail, "open to anonymous"},
		{"session 404", AuthSessionCall, "Cookie", answer(404, "text/html", ""), Fail, "F14"},
		{"session 500", AuthSessionCall, "Cookie", answer(500, "text/html", ""), Fail, "expected 200 with a session"},
		{"csrf not checked", CSRFHeaderRequired, "Cookie", answer(200, "application/json", `{"CookieResult":"x"}`), Fail, "F16"},
		{"csrf session refused", CSRFHeaderRequired, "Cookie", answer(302, "", "", "Location", "/Login/Login.html"), Skip, "not accepted"},
		{"content type text/plain", WCFContentType, "Anon", answer(200, "text/plain", `{"AnonResult":"x"}`), Fail, "expected Content-Type application/json"},
		{"content type without charset", WCFContentType, "Anon", answer(200, "application/json", `{"AnonResult":"x"}`), Fail, "expected charset=utf-8"},
		{"content type ok", WCFContentType, "Anon", answer(200, "application/json; charset=UTF-8", `{"AnonResult":"x"}`), Pass, "Content-Type"},
		{"schema not json", ContractResponseSchema, "Anon", answer(200, "application/json", `{"AnonResult":`), Skip, "not JSON"},
		{"bytes not utf-8", CharsetValidBytes, "Anon", answer(200, "application/json; charset=utf-8", "{\"AnonResult\":\"M\xfcller\"}"), Fail, "not valid UTF-8"},
		{"schema skips undecodable", ContractResponseSchema, "Anon", answer(200, "application/json", "{\"AnonResult\":\"M\xfcller\"}"), Skip, "charset-valid-bytes"},
		{"double-encoded utf-8", CharsetMojibake, "Anon", answer(200, "application/json; charset=utf-8", `{"AnonResult":"MÃ¼ller"}`), Fail, "encoded twice"},
		{"utf-8 labelled latin-1", CharsetMojibake, "Anon", answer(200, "application/json; charset=iso-8859-1", `{"AnonResult":"Müller"}`), Fail, "MÃ¼ller"},
		{"shape unwrapped", WCFReplyShape, "Anon", answer(200, "application/json", `"x"`), Fail, "F07"},
		{"shape extra member", WCFReplyShape, "Anon", answer(200, "application/json", `{"AnonResult":"x","d":1}`), Fail, "exactly AnonResult"},
		{"shape bare wrapped", WCFReplyShape, "Data", answer(200, "application/json", `{"DataResult":{}}`), Fail, "wrapped in"},
		{"dc iso date", DCDateFormat, "Data", answer(200, "application/json", `{"When":"2013-01-02T03:04:05Z","Name":"a","Tags":[]}`), Fail, `$.When is "2013-01-02T03:04:05Z"`},
		{"dc wcf date", DCDateFormat, "Data", answer(200, "application/json", `{"When":"\/Date(1357095845006+0300)\/","Name":"a","Tags":[]}`), Pass, "follows"},
		{"dc required", DCRequiredMembers, "Data", answer(200, "application/json", `{"When":"\/Date(0)\/","Tags":[]}`), Fail, `lacks the member "Name"`},
		{"dc case", DCMemberCase, "Data", answer(200, "application/json", `{"when":"\/Date(0)\/","Name":"a","Tags":[]}`), Fail, `"when" where the contract says "When"`},
		{"dc dictionary object", DCDictionaryShape, "Data", answer(200, "application/json", `{"When":"\/Date(0)\/","Name":"a","Tags":{"k":"v"}}`), Fail, `"Key":…`},
		{"dc backing field", DCBackingFields, "Data", answer(200, "application/json", `{"<When>k__BackingField":"\/Date(0)\/"}`), Fail, "[DataMember] When"},
		{"schema wrong type", ContractResponseSchema, "Anon", answer(200, "application/json", `{"AnonResult":12}`), Fail, "$.AnonResult does not match"},
		{"schema no 200", ContractResponseSchema, "Anon", answer(302, "", "", "Location", "/Login/x"), Skip, "no 200 answer"},
		{"schema ok", ContractResponseSchema, "Anon", answer(200, "application/json; charset=utf-8", `{"AnonResult":"x"}`), Pass, "matches"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env, ops := hostile(t, tc.h)
			c, ok := ByID(tc.check)
			require.True(t, ok)
			out := c.Run(context.Background(), env, ops[tc.op])
			assert.Equal(t, tc.verdict, out.Verdict, out.Reason)
			assert.Contains(t, out.Reason, tc.reason)
			assert.NotEmpty(t, out.Exchanges, "every verdict carries its proof")
		})
	}
}

func TestAppliesMatchesTheAuthClass(t *testing.T) {
	_, ops := hostile(t, answer(200, "", ""))
	anon, cookie := ops["Anon"], ops["Cookie"]
	for id, want := range map[string][2]bool{
		AnonAccess: {true, false}, AuthSessionRequired: {false, true}, AuthSessionCall: {false, true},
		CSRFHeaderRequired: {false, true}, ContractResponseSchema: {true, true}, AuthLogin: {false, false},
		WCFRawRefused: {false, false}, WCFUnknownOperation: {true, false}, DCDateFormat: {false, false},
	} {
		c, _ := ByID(id)
		assert.Equal(t, want, [2]bool{c.Applies(anon), c.Applies(cookie)}, id)
	}
}

// Every check has its entry (what, why, how to fix) in docs/checks.md.
func TestEveryCheckIsDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/checks.md")
	require.NoError(t, err)
	for _, c := range All() {
		assert.Contains(t, string(doc), "\n## "+c.ID+"\n", c.ID)
		assert.Contains(t, string(doc), "[`"+c.ID+"`](#"+c.ID+")", "%s is in the table", c.ID)
	}
}
