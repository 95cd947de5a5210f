package wcf

import (
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/svccheck/svccheck/reference/charset"
)

// The request side of wcf-wire.md §8: webHttpBinding's charset table and byte sniffing, and a custom
// encoder that reads its own charset whatever the label says.
func TestDecodeRequestFollowsTheEncoder(t *testing.T) {
	le, _ := charset.MustLookup("UTF-16LE").Encode(`{"a":"é"}`)
	be, _ := charset.MustLookup("UTF-16BE").Encode(`{"a":"é"}`)
	latin := []byte{'{', '"', 'a', '"', ':', '"', 0xE9, '"', '}'}
	bom := append([]byte{0xFF, 0xFE}, le...)
	custom := Options{Encoding: charset.MustLookup("ISO-8859-1")}
	for _, tc := range []struct {
		name, ct string
		body     []byte
		opt      Options
		want     string // "" = refused
		status   bool   // refused by the encoder (charsetError)
	}{
		{"utf-8 labelled", "application/json; charset=utf-8", []byte(`{"a":"é"}`), Options{}, `{"a":"é"}`, false},
		{"utf-16LE labelled", "application/json; charset=utf-16LE", le, Options{}, `{"a":"é"}`, false},
		{"utf-16BE labelled", "application/json; charset=UTF-16BE", be, Options{}, `{"a":"é"}`, false},
		{"utf-16 detect", "application/json; charset=utf-16", be, Options{}, `{"a":"é"}`, false},
		{"utf-16LE sniffed", "application/json", le, Options{}, `{"a":"é"}`, false},
		{"label and bytes disagree", "application/json; charset=utf-16BE", le, Options{}, "", false},
		{"BOM sniffs as UTF-8", "application/json; charset=utf-16LE", bom, Options{}, "", false},
		{"latin-1 label refused", "application/json; charset=iso-8859-1", latin, Options{}, "", true},
		{"custom encoder ignores the label", "application/json; charset=utf-8", latin, custom, `{"a":"é"}`, false},
	} {
		got, err := decodeRequest(tc.ct, tc.body, tc.opt)
		if tc.want == "" {
			assert.Error(t, err, tc.name)
			_, isCharset := err.(*charsetError)
			assert.Equal(t, tc.status, isCharset, tc.name)
			continue
		}
		assert.NoError(t, err, tc.name)
		assert.Equal(t, tc.want, string(got), tc.name)
	}
}

func TestDecodeValuesReadsTheCustomCharset(t *testing.T) {
	vals := map[string]string{"Name": "M\xfcller"}
	decodeValues(vals, Options{Encoding: charset.MustLookup("ISO-8859-1")})
	assert.Equal(t, "Müller", vals["Name"])
	vals = map[string]string{"Name": "M\xfcller"}
	decodeValues(vals, Options{})
	assert.Equal(t, "M\uFFFDller", vals["Name"])
}

// The unconfirmed text behaviours are settings: a measured deployment can differ from the defaults.
func TestTextSettingsOverrideTheDefaults(t *testing.T) {
	latin := charset.MustLookup("ISO-8859-1")
	vals := map[string]string{"Name": "M\xc3\xbcller"}
	decodeValues(vals, Options{Encoding: latin, Text: TextSettings{CustomQueryInUTF8: true}})
	assert.Equal(t, "Müller", vals["Name"])

	w := httptest.NewRecorder()
	writeText(w, 200, []byte(`"é"`), Options{Encoding: latin})
	assert.Equal(t, "application/json; charset=iso-8859-1", w.Header().Get("Content-Type"))
	w = httptest.NewRecorder()
	writeText(w, 200, []byte(`"é"`), Options{Encoding: latin, Text: TextSettings{CustomReplyType: "text/json; charset=%s"}})
	assert.Equal(t, "text/json; charset=iso-8859-1", w.Header().Get("Content-Type"))
	assert.Equal(t, []byte{'"', 0xE9, '"'}, w.Body.Bytes())

	w = httptest.NewRecorder()
	bindError(w, &charsetError{"x"}, Options{Text: TextSettings{UnrecognizedCharsetStatus: 415}})
	assert.Equal(t, 415, w.Code)
}
