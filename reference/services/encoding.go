package services

import "github.com/svccheck/svccheck/reference/wcf"

// EncodingService describes one echo service of the default netfx site whose endpoint speaks a
// non-UTF-8 charset (or UTF-16 through webHttpBinding's writeEncoding). The charset itself is the
// site's business (bindings.config), as on a real Creatio; Charset here only documents it.
type EncodingService struct {
	Class, Namespace, Charset string
}

// EncodingServices are the netfx-only echo services, one per charset the issue asks for: the
// Academy's UsrEncodingService (ISO-8859-1, creatio-wire.md §7) and siblings for windows-1251,
// KOI8-R, ISO-2022-JP, UTF-16LE and UTF-16BE.
var EncodingServices = []EncodingService{
	{"UsrEncodingService", "Terrasoft.Configuration.UsrEncodingServiceNamespace", "ISO-8859-1"},
	{"UsrEncoding1251Service", "Terrasoft.Configuration.UsrEncodingServiceNamespace", "windows-1251"},
	{"UsrEncodingKoi8rService", "Terrasoft.Configuration.UsrEncodingServiceNamespace", "KOI8-R"},
	{"UsrEncodingIso2022jpService", "Terrasoft.Configuration.UsrEncodingServiceNamespace", "ISO-2022-JP"},
	{"UsrEncodingUtf16leService", "Terrasoft.Configuration.UsrEncodingServiceNamespace", "UTF-16LE"},
	{"UsrEncodingUtf16beService", "Terrasoft.Configuration.UsrEncodingServiceNamespace", "UTF-16BE"},
}

// Encoding returns the echo services. Each has the documented Test(string Name) — GET, Wrapped,
// JSON: Test?Name=Müller → {"TestResult":"Müller"} — and Echo(string Text), the same echo through a
// POST body, so both the query string and the body cross the endpoint's encoder.
func Encoding() []*wcf.Service {
	out := make([]*wcf.Service, len(EncodingServices))
	for i, e := range EncodingServices {
		out[i] = &wcf.Service{Namespace: e.Namespace, Class: e.Class, Operations: []*wcf.Operation{
			json(&wcf.Operation{Name: "Test", Method: "GET", BodyStyle: wcf.Wrapped, Params: nameParam, Result: typeString, Handler: echoArg("Name")}),
			json(&wcf.Operation{Name: "Echo", BodyStyle: wcf.Wrapped, Params: []wcf.Param{{Name: "Text", Type: typeString}},
				Result: typeString, Handler: echoArg("Text")}),
		}}
	}
	return out
}

func echoArg(name string) func(*wcf.Call) (wcf.Reply, error) {
	return func(c *wcf.Call) (wcf.Reply, error) { return wcf.Reply{Result: c.Args[name]}, nil }
}
