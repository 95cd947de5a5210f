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
)

// catalogue describes every fault; the CLI prints it and unknown names are refused against it.
var catalogue = map[Name]string{
	AnonRegistrationLost: "anonymous services demand a session, as after a platform update (F12)",
	CSRFOff:              "the BPMCSRF header is not checked on state-changing calls (F16)",
	UnwrappedResult:      "Wrapped operations answer the bare value instead of {\"<Op>Result\":…} (F07)",
	LoginPage200:         "unauthenticated /rest calls get the HTML login page with status 200 (F04, F17)",
	CSRFCookieHTTPOnly:   "the BPMCSRF cookie is issued HttpOnly, so scripts cannot copy it into the header",
	SessionLost:          "sessions are forgotten right after login (no shared session store)",
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
