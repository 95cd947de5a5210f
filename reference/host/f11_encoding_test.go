package host

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/svccheck/svccheck/reference/faults"
	"github.com/svccheck/svccheck/reference/profile"
	"github.com/svccheck/svccheck/reference/site"
)

// F11: a custom-encoding endpoint reads the query string in its charset and echoes the value in it,
// labelled with charset=<name> (creatio-wire.md §10 row 27).
func TestF11CustomEncodingEchoesByteExactly(t *testing.T) {
	h := newTestHost(t, profile.NetFx)
	for _, tc := range []struct{ svc, query, label, want string }{
		{"UsrEncodingService", "M%FCller", "iso-8859-1", "\x4D\xFC\x6C\x6C\x65\x72"},
		{"UsrEncoding1251Service", "%C8%E2%E0%ED", "windows-1251", "\xC8\xE2\xE0\xED"},
		{"UsrEncodingKoi8rService", "%E9%D7%C1%CE", "koi8-r", "\xE9\xD7\xC1\xCE"},
		{"UsrEncodingIso2022jpService", "%1B%24B%25%2B%25J%1B%28B", "iso-2022-jp", "\x1b$B%+%J\x1b(B"},
	} {
		resp := do(h, "GET", "/0/ServiceModel/"+tc.svc+".svc/Test?Name="+tc.query, "", nil)
		require.Equal(t, 200, resp.StatusCode, tc.svc)
		assert.Equal(t, "application/json; charset="+tc.label, resp.Header.Get("Content-Type"), tc.svc)
		assert.Equal(t, `{"TestResult":"`+tc.want+`"}`, body(t, resp), tc.svc)
	}
}

func TestF11CustomEncodingReadsBodiesInItsCharset(t *testing.T) {
	h := newTestHost(t, profile.NetFx)
	resp := do(h, "POST", "/0/ServiceModel/UsrEncoding1251Service.svc/Echo", "{\"Text\":\"\xC8\xE2\xE0\xED\"}", nil,
		"Content-Type: application/json; charset=windows-1251")
	require.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, "{\"EchoResult\":\"\xC8\xE2\xE0\xED\"}", body(t, resp))
}

// writeEncoding="utf-16LE" on webHttpBinding: the reply is UTF-16LE without a byte order mark,
// labelled with WCF's table name; the query string stays UTF-8.
func TestWriteEncodingUTF16(t *testing.T) {
	h := newTestHost(t, profile.NetFx)
	resp := do(h, "GET", "/0/ServiceModel/UsrEncodingUtf16leService.svc/Test?Name=%C3%A9", "", nil)
	require.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, "application/json; charset=utf-16LE", resp.Header.Get("Content-Type"))
	b := body(t, resp)
	assert.Equal(t, "{\x00\"\x00", b[:4])
	assert.Contains(t, b, "\xE9\x00\"\x00}\x00")
}

// A webHttpBinding endpoint refuses a request charset outside its table with an empty 400.
func TestWebHTTPRefusesLatin1Requests(t *testing.T) {
	h := newTestHost(t, profile.NetFx)
	resp := do(h, "POST", "/0/ServiceModel/UsrEncodingUtf16leService.svc/Echo", "{\"Text\":\"\xE9\"}", nil,
		"Content-Type: application/json; charset=iso-8859-1")
	assert.Equal(t, 400, resp.StatusCode)
	assert.Empty(t, body(t, resp))
}

// The net flavor does not host custom encodings: the endpoints are not started (the default net
// site does not register them, so they are challenged like any unregistered path) and a net site
// that configures one makes the host refuse to start.
func TestF11NetRefusesCustomEncodings(t *testing.T) {
	h := newTestHost(t, profile.Net)
	resp := do(h, "GET", "/ServiceModel/UsrEncodingService.svc/Test?Name=M%FCller", "", nil)
	assert.NotEqual(t, 200, resp.StatusCode)
	s, err := site.Load("../../harness/doctor/testdata/sites/net-custom-encoding", site.FlavorNet)
	require.NoError(t, err)
	_, err = New(Config{Flavor: profile.Net, Site: s})
	require.Error(t, err)
	assert.Contains(t, err.Error(), ".NET Framework only")
	assert.Contains(t, err.Error(), "Terrasoft.WebHost.dll.config:")
}

func TestCharsetFaultsRewriteTheLabelOrTheBytes(t *testing.T) {
	for _, tc := range []struct {
		fault     faults.Name
		ct, bytes string
	}{
		{faults.CharsetMislabelled, "application/json; charset=utf-8", "M\xFCller"},
		{faults.CharsetUTF8AsLatin1, "application/json; charset=iso-8859-1", "Müller"},
		{faults.CharsetMissing, "application/json", "M\xFCller"},
		{faults.CharsetQuoted, `application/json; charset="iso-8859-1"`, "M\xFCller"},
		{faults.CharsetBindingLost, "application/json; charset=utf-8", "M\uFFFDller"},
	} {
		h := newTestHost(t, profile.NetFx, tc.fault)
		resp := do(h, "GET", "/0/ServiceModel/UsrEncodingService.svc/Test?Name=M%FCller", "", nil)
		assert.Equal(t, tc.ct, resp.Header.Get("Content-Type"), tc.fault)
		assert.Equal(t, `{"TestResult":"`+tc.bytes+`"}`, body(t, resp), tc.fault)
	}
}
