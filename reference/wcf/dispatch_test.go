package wcf

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/svccheck/svccheck/reference/datacontract"
)

var (
	tString = reflect.TypeFor[string]()
	tInt    = reflect.TypeFor[int32]()
)

type item struct {
	Name  string `dc:"name,required"`
	Count int32  `dc:"Count"`
}

func echo(c *Call) (Reply, error) { return Reply{Result: c.Args["s"]}, nil }

func testService(t *testing.T) *Service {
	s := &Service{Namespace: "Demo", Class: "Svc", Operations: []*Operation{
		{Name: "Get", Method: "GET", BodyStyle: Wrapped, ResponseFormat: Json, Params: []Param{{Name: "s", Type: tString}}, Result: tString, Handler: echo},
		{Name: "Items", Method: "GET", UriTemplate: "items/{id}?n={n}", ResponseFormat: Json,
			Params: []Param{{Name: "id", Type: tString}, {Name: "n", Type: tInt}}, Result: tString,
			Handler: func(c *Call) (Reply, error) {
				return Reply{Result: c.Args["id"].(string) + ":" + string(rune('0'+c.Args["n"].(int32)))}, nil
			}},
		{Name: "Slash", Method: "GET", UriTemplate: "dir/", ResponseFormat: Json, Result: tString, Handler: func(*Call) (Reply, error) { return Reply{Result: "dir"}, nil }},
		{Name: "Post", BodyStyle: Wrapped, ResponseFormat: Json, Params: []Param{{Name: "s", Type: tString}}, Result: tString, Handler: echo},
		{Name: "Bare", BodyStyle: Bare, ResponseFormat: Json, Params: []Param{{Name: "s", Type: tString}}, Result: tString, Handler: echo},
		{Name: "Item", BodyStyle: WrappedRequest, ResponseFormat: Json, Params: []Param{{Name: "it", Type: reflect.TypeFor[item]()}},
			Result: reflect.TypeFor[item](), Handler: func(c *Call) (Reply, error) { return Reply{Result: c.Args["it"]}, nil }},
		{Name: "Count", BodyStyle: WrappedResponse, ResponseFormat: Json, Params: []Param{{Name: "s", Type: tString}, {Name: "total", Type: tInt, Out: true}},
			Result: tInt, Handler: func(c *Call) (Reply, error) {
				return Reply{Result: int32(1), Out: map[string]any{"total": int32(9)}}, nil
			}},
		{Name: "Upload", UriTemplate: "upload/{name}", ResponseFormat: Json, Params: []Param{{Name: "name", Type: tString}, {Name: "data", Type: StreamType}}, Result: tInt,
			Handler: func(c *Call) (Reply, error) {
				b, _ := io.ReadAll(c.Args["data"].(io.Reader))
				return Reply{Result: int32(len(b))}, nil
			}},
		{Name: "Void", ResponseFormat: Json, Handler: func(*Call) (Reply, error) { return Reply{}, nil }},
		{Name: "WrappedVoid", BodyStyle: Wrapped, ResponseFormat: Json, Handler: func(*Call) (Reply, error) { return Reply{}, nil }},
		{Name: "Null", Method: "GET", ResponseFormat: Json, Result: tString, Handler: func(*Call) (Reply, error) { return Reply{}, nil }},
		{Name: "Fault", Method: "GET", ResponseFormat: Json, Result: tString,
			Handler: func(*Call) (Reply, error) { return Reply{}, &WebFault{Status: 409, Detail: item{Name: "x/y"}} }},
		{Name: "Crash", Method: "GET", ResponseFormat: Json, Result: tString, Handler: func(*Call) (Reply, error) { return Reply{}, errors.New("boom") }},
	}}
	require.NoError(t, s.Validate())
	return s
}

func TestServe(t *testing.T) {
	for _, tc := range []struct {
		name, method, path, ctype, body string
		status                          int
		want                            string
		opt                             Options
	}{
		{name: "default GET template", method: "GET", path: "Get?s=a/b", status: 200, want: `{"GetResult":"a\/b"}`},
		{name: "literal and query names ignore case", method: "GET", path: "get?S=x", status: 200, want: `{"GetResult":"x"}`},
		{name: "path and query variables", method: "GET", path: "ITEMS/a%20b?N=3", status: 200, want: `"a b:3"`},
		{name: "query conversion failure is 400", method: "GET", path: "items/a?n=x", status: 400, want: "cannot convert"},
		{name: "missing trailing slash is 307", method: "GET", path: "dir", status: 307, want: "redirected address"},
		{name: "trailing slash template", method: "GET", path: "dir/", status: 200, want: `"dir"`},
		{name: "wrapped body", method: "POST", path: "Post", ctype: "application/json; charset=utf-8", body: `{"s":"x"}`, status: 200, want: `{"PostResult":"x"}`},
		{name: "member names are case-sensitive", method: "POST", path: "Post", ctype: "application/json", body: `{"S":"x"}`, status: 200, want: `{"PostResult":null}`},
		{name: "bare body and reply", method: "POST", path: "Bare", ctype: "application/json", body: `"x"`, status: 200, want: `"x"`},
		{name: "wrapped request, bare reply, data contract", method: "POST", path: "Item", ctype: "application/json", body: `{"it":{"name":"n","Count":2}}`, status: 200, want: `{"Count":2,"name":"n"}`},
		{name: "missing required member is 400", method: "POST", path: "Item", ctype: "application/json", body: `{"it":{"Count":2}}`, status: 400, want: "name"},
		{name: "missing required member ignored by the fault", method: "POST", path: "Item", ctype: "application/json", body: `{"it":{"Count":2}}`, status: 200, want: `{"Count":2,"name":""}`, opt: Options{DC: datacontract.Options{IgnoreRequired: true}}},
		{name: "wrapped reply with out parameter in order", method: "POST", path: "Count", ctype: "application/json", body: `"x"`, status: 200, want: `{"CountResult":1,"total":9}`},
		{name: "stream takes raw", method: "POST", path: "upload/f.bin", ctype: "application/octet-stream", body: "12345", status: 200, want: "5"},
		{name: "stream refuses json", method: "POST", path: "upload/f.bin", ctype: "application/json", body: "{}", status: 400, want: "format 'Json'"},
		{name: "raw refused", method: "POST", path: "Post", ctype: "text/plain", body: `{"s":"x"}`, status: 400, want: "unexpected message format 'Raw'"},
		{name: "no content type is raw", method: "POST", path: "Post", body: `{"s":"x"}`, status: 400, want: "'Raw'"},
		{name: "wrapped body must be an object", method: "POST", path: "Post", ctype: "application/json", body: `"x"`, status: 400, want: "Request Error"},
		{name: "bare-request-accepted fault", method: "POST", path: "Post", ctype: "application/json", body: `"x"`, status: 200, want: `{"PostResult":"x"}`, opt: Options{LenientWrapped: true}},
		{name: "void", method: "POST", path: "Void", status: 200, want: ""},
		{name: "wrapped void", method: "POST", path: "WrappedVoid", status: 200, want: "{}", opt: Options{WrappedVoidBody: "{}"}},
		{name: "bare null is empty", method: "GET", path: "Null", status: 200, want: ""},
		{name: "web fault detail alone", method: "GET", path: "Fault", status: 409, want: `{"Count":0,"name":"x\/y"}`},
		{name: "plain exception is 400", method: "GET", path: "Crash", status: 400, want: "The exception message is 'boom'"},
		{name: "unknown operation", method: "GET", path: "Nope", status: 404, want: "Endpoint not found."},
		{name: "wrong method", method: "DELETE", path: "Post", status: 405, want: "Method not allowed."},
		{name: "method-ignored fault", method: "PUT", path: "Post", ctype: "application/json", body: `{"s":"x"}`, status: 200, want: `{"PostResult":"x"}`, opt: Options{IgnoreMethod: true}},
		{name: "unwrapped-result fault", method: "GET", path: "Get?s=x", status: 200, want: `"x"`, opt: Options{BareResult: true}},
		{name: "wrapped-bare fault", method: "POST", path: "Bare", ctype: "application/json", body: `"x"`, status: 200, want: `{"BareResult":"x"}`, opt: Options{WrapBare: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(tc.method, "/svc/"+tc.path, strings.NewReader(tc.body))
			if tc.ctype != "" {
				r.Header.Set("Content-Type", tc.ctype)
			}
			w := httptest.NewRecorder()
			path := strings.SplitN(strings.TrimPrefix(r.URL.EscapedPath(), "/svc/"), "?", 2)[0]
			testService(t).Serve(w, r, path, tc.opt)
			assert.Equal(t, tc.status, w.Code, w.Body.String())
			if tc.want == "" {
				assert.Empty(t, w.Body.String())
			} else {
				assert.Contains(t, w.Body.String(), tc.want)
			}
			if tc.status == 200 && tc.want != "" && !strings.HasPrefix(tc.want, "{}") {
				assert.Equal(t, "application/json; charset=utf-8", w.Header().Get("Content-Type"))
			}
			if tc.status == 405 {
				assert.Equal(t, "POST", w.Header().Get("Allow"))
			}
			if tc.status == 307 {
				assert.Equal(t, "/svc/dir/", w.Header().Get("Location"))
			}
		})
	}
}

func TestOversizeBodyIs413(t *testing.T) {
	r := httptest.NewRequest("POST", "/x/Post", bytes.NewReader([]byte(`{"s":"`+strings.Repeat("x", 100)+`"}`)))
	r.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	r.Body = http.MaxBytesReader(w, r.Body, 10)
	testService(t).Serve(w, r, "Post", Options{})
	assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code)
}

// Contracts WCF refuses when the service host opens are refused at start-up, with WCF's key.
func TestValidateRefusesWhatWCFRefuses(t *testing.T) {
	h := func(*Call) (Reply, error) { return Reply{}, nil }
	for key, op := range map[string]*Operation{
		"AtMostOneRequestBodyParameterAllowedForUnwrappedMessages": {Name: "Op", Params: []Param{{Name: "a", Type: tString}, {Name: "b", Type: tString}}},
		"OnlyReturnValueBodyParameterAllowedForUnwrappedMessages":  {Name: "Op", Params: []Param{{Name: "a", Type: tString, Out: true}}},
		"GETCannotHaveBody":                    {Name: "Op", Method: "GET", UriTemplate: "Op", Params: []Param{{Name: "a", Type: tString}}},
		"UriTemplatePathVarMustBeString":       {Name: "Op", UriTemplate: "x/{a}", Params: []Param{{Name: "a", Type: tInt}}},
		"UriTemplateMissingVar":                {Name: "Op", UriTemplate: "x/{b}"},
		"UriTemplateQueryVarMustBeConvertible": {Name: "Op", Method: "GET", UriTemplate: "x?a={a}", Params: []Param{{Name: "a", Type: reflect.TypeFor[item]()}}},
		"InvalidStreamInRequestMessage":        {Name: "Op", BodyStyle: WrappedRequest, Params: []Param{{Name: "a", Type: StreamType}}},
		"UriTemplateInvalid":                   {Name: "Op", UriTemplate: "x/{a}.{b}"},
	} {
		op.Handler = h
		err := (&Service{Namespace: "N", Class: "C", Operations: []*Operation{op}}).Validate()
		var ce *ContractError
		require.ErrorAs(t, err, &ce, key)
		assert.Equal(t, key, ce.Key)
	}
	dup := &Service{Namespace: "N", Class: "C", Operations: []*Operation{{Name: "Op", ResponseFormat: Json, Handler: h}, {Name: "op", ResponseFormat: Json, Handler: h}}}
	var ce *ContractError
	require.ErrorAs(t, dup.Validate(), &ce)
	assert.Equal(t, "MultipleOperationsInContractWithPathMethod", ce.Key)
}

func TestDefaultTemplates(t *testing.T) {
	get := &Operation{Name: "Find", Method: "GET", Params: []Param{{Name: "a"}, {Name: "b"}, {Name: "c", Out: true}}}
	assert.Equal(t, "Find?a={a}&b={b}", get.Template())
	assert.Equal(t, "Save", (&Operation{Name: "Save", Params: []Param{{Name: "a"}}}).Template())
	assert.Equal(t, "POST", (&Operation{}).HTTPMethod())
	assert.Equal(t, "LogoutResult", (&Operation{Name: "Logout"}).ResultMember())
	assert.Equal(t, "RedirectLocation", (&Operation{Name: "Logout", ResultName: "RedirectLocation"}).ResultMember())
}

// A malformed escape is kept as text, as ASP.NET's UrlDecode keeps it, instead of losing the parameter.
func TestQueryKeepsMalformedEscapes(t *testing.T) {
	for raw, want := range map[string]string{"s=a%20b": "a b", "s=%zz": "%zz", "s=100%": "100%", "s=x%41%zz+y": "xA%zz y"} {
		assert.Equal(t, want, queryValues(raw).Get("s"), raw)
	}
}
