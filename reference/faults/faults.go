// Package faults lists the deployment faults the reference host can seed. Every conformance check
// must catch at least one of them (proven by a test), so the catalogue doubles as the checks' test plan.
package faults

import (
	"fmt"
	"sort"
	"strings"
)

// Name identifies a seeded fault on the command line and in tests.
type Name string

// The seeded faults. Each comment says which real failure it imitates.
const (
	// AnonRegistrationLost: an update overwrote the anonymous registration, so the service demands a session (F12).
	AnonRegistrationLost Name = "anon-registration-lost"
	// CSRFOff: the BPMCSRF header is no longer checked (F16).
	CSRFOff Name = "csrf-off"
	// UnwrappedResult: a Wrapped operation answers its bare value instead of {"<Op>Result":…} (F07).
	UnwrappedResult Name = "unwrapped-result"
	// LoginPage200: unauthenticated /rest calls get the HTML login page with status 200 (F04, F17).
	LoginPage200 Name = "login-page-200"
	// CSRFCookieHTTPOnly: BPMCSRF is issued HttpOnly (httpCookies httpOnlyCookies="true"), so page scripts cannot echo it.
	CSRFCookieHTTPOnly Name = "csrf-cookie-httponly"
	// SessionLost: the server forgets sessions right after login (web farm without a shared session store).
	SessionLost Name = "session-lost"

	// The faults below imitate a service re-hosted outside WCF (an ASP.NET Core controller with
	// System.Text.Json, a proxy, a SPA fallback): the wire differences wcf-wire.md §9 warns of.

	// WrappedBare: Bare replies come wrapped in {"<Op>Result":…}.
	WrappedBare Name = "wrapped-bare"
	// BareRequestAccepted: a Wrapped request whose body is not an object is bound to the first parameter.
	BareRequestAccepted Name = "bare-request-accepted"
	// RawAccepted: bodies of any Content-Type (text/plain, none) are read as JSON (F09).
	RawAccepted Name = "raw-accepted"
	// RequiredIgnored: a missing IsRequired member is not refused (F10).
	RequiredIgnored Name = "required-ignored"
	// NoBodyLimit: maxReceivedMessageSize is not enforced; oversized bodies are accepted.
	NoBodyLimit Name = "no-body-limit"
	// MethodIgnored: an operation answers any HTTP method instead of 405.
	MethodIgnored Name = "method-ignored"
	// SPAFallback: unknown operations answer 200 with an HTML page instead of 404 (F14, F17).
	SPAFallback Name = "spa-fallback"
	// JSONAsText: JSON replies are labelled text/plain.
	JSONAsText Name = "json-as-text"
	// ISODates: DateTime values are written as ISO 8601 text instead of "\/Date(ms)\/" (F08).
	ISODates Name = "iso-dates"
	// CamelCaseMembers: member names are camelCased, as System.Text.Json's web defaults do.
	CamelCaseMembers Name = "camel-case-members"
	// SimpleDictionaries: dictionaries are written as {"key":value} objects, not Key/Value arrays.
	SimpleDictionaries Name = "simple-dictionaries"
	// BackingFields: a [Serializable] type leaks <Name>k__BackingField member names.
	BackingFields Name = "backing-fields"
	// EmitDefaultFalse: members equal to their default are dropped, required ones included.
	EmitDefaultFalse Name = "emit-default-false"

	// The faults below break the text encoding of replies on custom-encoding endpoints (F11, F21):
	// what a proxy, a re-host or a hand-written encoder gets wrong.

	// CharsetMislabelled: the bytes are in the endpoint's charset, the label says utf-8.
	CharsetMislabelled Name = "charset-mislabelled"
	// CharsetUTF8AsLatin1: the reply is written as UTF-8 but keeps the endpoint's label (ISO-8859-1).
	CharsetUTF8AsLatin1 Name = "charset-utf8-as-latin1"
	// CharsetMissing: non-UTF-8 replies carry no charset parameter.
	CharsetMissing Name = "charset-missing"
	// CharsetQuoted: the charset parameter is a quoted string, charset="iso-8859-1".
	CharsetQuoted Name = "charset-quoted"
	// CharsetUTF8Only: request bodies are read as UTF-8 whatever their label or first bytes, so
	// UTF-16 requests fail (a UTF-8-only JSON stack).
	CharsetUTF8Only Name = "charset-utf8-only"
	// CharsetBindingLost: the customBinding registration is gone (an update replaced
	// bindings.config), so a custom-encoding endpoint speaks webHttpBinding's UTF-8 (F11, F12).
	CharsetBindingLost Name = "charset-binding-lost"
)

// catalogue describes every fault; the CLI prints it and unknown names are refused against it.
var catalogue = map[Name]string{
	AnonRegistrationLost: "anonymous services demand a session, as after a platform update (F12)",
	CSRFOff:              "the BPMCSRF header is not checked on state-changing calls (F16)",
	UnwrappedResult:      "Wrapped operations answer the bare value instead of {\"<Op>Result\":…} (F07)",
	LoginPage200:         "unauthenticated /rest calls get the HTML login page with status 200 (F04, F17)",
	CSRFCookieHTTPOnly:   "the BPMCSRF cookie is issued HttpOnly, so scripts cannot copy it into the header",
	SessionLost:          "sessions are forgotten right after login (no shared session store)",
	WrappedBare:          "Bare replies come wrapped in {\"<Op>Result\":…}",
	BareRequestAccepted:  "a Wrapped request whose body is not an object is accepted",
	RawAccepted:          "bodies of any Content-Type are read as JSON (F09)",
	RequiredIgnored:      "a request missing an IsRequired member is accepted (F10)",
	NoBodyLimit:          "maxReceivedMessageSize is not enforced",
	MethodIgnored:        "operations answer any HTTP method instead of 405",
	SPAFallback:          "unknown operations answer 200 with an HTML page instead of 404",
	JSONAsText:           "JSON replies are labelled text/plain",
	ISODates:             "DateTime values are written as ISO 8601 text, not \\/Date(ms)\\/ (F08)",
	CamelCaseMembers:     "member names are camelCased (System.Text.Json web defaults)",
	SimpleDictionaries:   "dictionaries are written as objects, not Key/Value arrays",
	BackingFields:        "a [Serializable] type leaks <Name>k__BackingField member names",
	EmitDefaultFalse:     "members equal to their default are dropped, required ones included",
	CharsetMislabelled:   "custom-encoding replies keep their bytes but are labelled charset=utf-8 (F11)",
	CharsetUTF8AsLatin1:  "custom-encoding replies are UTF-8 bytes labelled with the endpoint's charset, e.g. ISO-8859-1 (F21)",
	CharsetMissing:       "custom-encoding replies carry no charset parameter",
	CharsetQuoted:        "custom-encoding replies label the charset as a quoted string, charset=\"iso-8859-1\"",
	CharsetUTF8Only:      "request bodies are read as UTF-8 whatever their charset: UTF-16 requests are refused",
	CharsetBindingLost:   "custom-encoding endpoints lost their customBinding and speak UTF-8 (F11, F12)",
}

// Set is the faults switched on in one host; the zero value is a clean host.
type Set map[Name]bool

// Has reports whether a fault is switched on.
func (s Set) Has(n Name) bool { return s[n] }

// Parse builds a Set from names, refusing any name the catalogue does not know.
func Parse(names []string) (Set, error) {
	s := Set{}
	for _, n := range names {
		if _, ok := catalogue[Name(n)]; !ok {
			return nil, fmt.Errorf("unknown fault %q; known faults: %s", n, strings.Join(Known(), ", "))
		}
		s[Name(n)] = true
	}
	return s, nil
}

// Known lists every fault name, sorted, for usage text and errors.
func Known() []string {
	out := make([]string, 0, len(catalogue))
	for n := range catalogue {
		out = append(out, string(n))
	}
	sort.Strings(out)
	return out
}

// Describe returns a fault's one-line description, or "" for an unknown name.
func Describe(n Name) string { return catalogue[n] }
