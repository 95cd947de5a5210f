package wcf

import (
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type xmlItem struct {
	Name  string `dc:"name"`
	Count int32  `dc:"Count"`
}

func (xmlItem) DataContractName() (string, string) { return "Item", "Demo" }

func xmlService(t *testing.T) *Service {
	get := func(*Call) (Reply, error) { return Reply{Result: xmlItem{Name: "a<b", Count: 2}}, nil }
	s := &Service{Namespace: "Demo", Class: "Svc", Operations: []*Operation{
		{Name: "Bare", Method: "GET", Result: reflect.TypeFor[xmlItem](), Handler: get},
		{Name: "Wrapped", Method: "GET", BodyStyle: WrappedResponse, Result: reflect.TypeFor[xmlItem](),
			Params: []Param{{Name: "total", Type: tInt, Out: true}},
			Handler: func(*Call) (Reply, error) {
				return Reply{Result: xmlItem{Name: "n"}, Out: map[string]any{"total": int32(9)}}, nil
			}},
		{Name: "Null", Method: "GET", Result: reflect.TypeFor[*xmlItem](), Handler: func(*Call) (Reply, error) { return Reply{}, nil }},
		{Name: "WrappedVoid", BodyStyle: Wrapped, Handler: func(*Call) (Reply, error) { return Reply{}, nil }},
		{Name: "Fault", Method: "GET", Result: tString, Handler: func(*Call) (Reply, error) {
			return Reply{}, &WebFault{Status: http.StatusConflict, Detail: xmlItem{Name: "x"}}
		}},
		{Name: "Post", BodyStyle: Wrapped, Params: []Param{{Name: "s", Type: tString}}, Result: tString, Handler: echo},
	}}
	require.NoError(t, s.Validate(), "Xml response formats are served, not refused")
	return s
}

// An operation left at WCF's default ResponseFormat (Xml) answers DataContractSerializer XML.
func TestServeXML(t *testing.T) {
	const ns = `xmlns="http://schemas.datacontract.org/2004/07/Demo" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"`
	for _, tc := range []struct {
		name, method, path, ctype, body string
		status                          int
		want                            string
	}{
		{name: "bare reply is the contract root", method: "GET", path: "Bare", status: 200, want: `<Item ` + ns + `><Count>2</Count><name>a&lt;b</name></Item>`},
		{name: "wrapped reply", method: "GET", path: "Wrapped", status: 200,
			want: `<WrappedResponse xmlns="http://tempuri.org/"><WrappedResult xmlns:a="http://schemas.datacontract.org/2004/07/Demo" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><a:Count>0</a:Count><a:name>n</a:name></WrappedResult><total>9</total></WrappedResponse>`},
		{name: "bare null is empty", method: "GET", path: "Null", status: 200},
		{name: "wrapped void is an empty wrapper", method: "POST", path: "WrappedVoid", status: 200, want: `<WrappedVoidResponse xmlns="http://tempuri.org/"/>`},
		{name: "web fault detail in XML", method: "GET", path: "Fault", status: 409, want: `<Item ` + ns + `><Count>0</Count><name>x</name></Item>`},
		{name: "JSON request, XML reply", method: "POST", path: "Post", ctype: "application/json", body: `{"s":"x"}`, status: 200,
			want: `<PostResponse xmlns="http://tempuri.org/"><PostResult>x</PostResult></PostResponse>`},
		{name: "XML request bodies stay refused", method: "POST", path: "Post", ctype: "application/xml", body: `<s>x</s>`, status: 400},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(tc.method, "/svc/"+tc.path, strings.NewReader(tc.body))
			if tc.ctype != "" {
				r.Header.Set("Content-Type", tc.ctype)
			}
			w := httptest.NewRecorder()
			xmlService(t).Serve(w, r, tc.path, Options{})
			assert.Equal(t, tc.status, w.Code, w.Body.String())
			if tc.status == 400 {
				assert.Contains(t, w.Body.String(), "XML request bodies are not read")
				return
			}
			assert.Equal(t, tc.want, w.Body.String())
			if tc.want != "" {
				assert.Equal(t, "application/xml; charset=utf-8", w.Header().Get("Content-Type"))
			}
		})
	}
}
