package wcf

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func echoService() *Service {
	echo := func(_ context.Context, a Args) (any, error) { return a["Name"], nil }
	return &Service{Namespace: "Demo", Class: "Echo", Operations: []*Operation{
		{Name: "Get", Method: "GET", BodyStyle: Wrapped, Params: []string{"Name"}, Handler: echo},
		{Name: "Post", BodyStyle: Wrapped, Params: []string{"Name"}, Handler: echo},
		{Name: "Bare", BodyStyle: Bare, Params: []string{"Name"}, Handler: echo},
		{Name: "Fail", Method: "GET", Handler: func(context.Context, Args) (any, error) { return nil, assert.AnError }},
	}}
}

func TestServe(t *testing.T) {
	for _, tc := range []struct {
		name, method, op, query, ctype, body string
		status                               int
		want                                 string
		opt                                  Options
	}{
		{name: "GET wrapped from the query", method: "GET", op: "Get", query: "Name=a/b", status: 200, want: `{"GetResult":"a\/b"}`},
		{name: "query names ignore case", method: "GET", op: "get", query: "name=x", status: 200, want: `{"GetResult":"x"}`},
		{name: "POST wrapped body", method: "POST", op: "Post", ctype: "application/json; charset=utf-8", body: `{"Name":"x"}`, status: 200, want: `{"PostResult":"x"}`},
		{name: "member names are case-sensitive", method: "POST", op: "Post", ctype: "application/json", body: `{"name":"x"}`, status: 200, want: `{"PostResult":""}`},
		{name: "bare body and reply", method: "POST", op: "Bare", ctype: "application/json", body: `"x"`, status: 200, want: `"x"`},
		{name: "unwrapped-result fault", method: "GET", op: "Get", query: "Name=x", status: 200, want: `"x"`, opt: Options{BareResult: true}},
		{name: "Raw body refused", method: "POST", op: "Post", ctype: "text/plain", body: `{"Name":"x"}`, status: 400, want: "unexpected message format 'Raw'"},
		{name: "no Content-Type is Raw", method: "POST", op: "Post", body: `{"Name":"x"}`, status: 400, want: "'Raw'"},
		{name: "wrapped body must be an object", method: "POST", op: "Post", ctype: "application/json", body: `[1]`, status: 400, want: "Request Error"},
		{name: "unknown operation", method: "GET", op: "Nope", status: 404, want: "Endpoint not found."},
		{name: "wrong method", method: "POST", op: "Get", ctype: "application/json", status: 405, want: "Method not allowed."},
		{name: "handler error", method: "GET", op: "Fail", status: 400, want: "Request Error"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(tc.method, "/x/"+tc.op+"?"+tc.query, strings.NewReader(tc.body))
			if tc.ctype != "" {
				r.Header.Set("Content-Type", tc.ctype)
			}
			w := httptest.NewRecorder()
			echoService().Serve(w, r, tc.op, tc.opt)
			assert.Equal(t, tc.status, w.Code)
			assert.Contains(t, w.Body.String(), tc.want)
			if tc.status == 405 {
				assert.Equal(t, "GET", w.Header().Get("Allow"))
			}
		})
	}
}

func TestOversizeBodyIs413(t *testing.T) {
	r := httptest.NewRequest("POST", "/x/Post", strings.NewReader(`{"Name":"`+strings.Repeat("x", 100)+`"}`))
	r.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	r.Body = http.MaxBytesReader(w, r.Body, 10)
	echoService().Serve(w, r, "Post", Options{})
	assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code)
}

func TestValidateRefusesWhatWCFRefuses(t *testing.T) {
	h := func(context.Context, Args) (any, error) { return nil, nil }
	twoBare := &Service{Namespace: "N", Class: "C", Operations: []*Operation{{Name: "Op", BodyStyle: Bare, Params: []string{"a", "b"}, Handler: h}}}
	require.ErrorContains(t, twoBare.Validate(), "AtMostOneRequestBodyParameterAllowedForUnwrappedMessages")
	dup := &Service{Namespace: "N", Class: "C", Operations: []*Operation{{Name: "Op", Handler: h}, {Name: "op", Handler: h}}}
	require.ErrorContains(t, dup.Validate(), "MultipleOperationsInContractWithPathMethod")
	require.NoError(t, echoService().Validate())
}
