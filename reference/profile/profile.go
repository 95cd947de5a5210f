// Package profile holds the behaviour settings of the reference host that the wire reference marks
// unconfirmed (creatio-wire.md §10). Each is a setting with the documented default, so a user who
// measures a real deployment can match it instead of the host guessing silently.
package profile

import (
	"fmt"
	"net/http"
	"time"

	"github.com/svccheck/svccheck/reference/wcf"
)

// Flavor names the two ways Creatio hosts web services; most wire differences hang off it.
type Flavor string

// The two flavors: .NET Framework under IIS (workspace under /0) and ASP.NET Core (no /0).
const (
	NetFx Flavor = "netfx"
	Net   Flavor = "net"
)

// Flavors lists every flavor, in the order runs use when none is chosen.
var Flavors = []Flavor{NetFx, Net}

// ParseFlavor turns user input into a Flavor, so every command rejects a typo the same way.
func ParseFlavor(s string) (Flavor, error) {
	switch Flavor(s) {
	case NetFx, Net:
		return Flavor(s), nil
	}
	return "", fmt.Errorf("unknown flavor %q: want netfx or net", s)
}

// WorkspacePrefix is the path alias of the workspace application: custom services live under it.
func (f Flavor) WorkspacePrefix() string {
	if f == NetFx {
		return "/0"
	}
	return ""
}

// LoginPage is where forms authentication sends an unauthenticated browser (creatio-wire.md §1).
func (f Flavor) LoginPage() string {
	if f == NetFx {
		return "/Login/NuiLogin.aspx"
	}
	return "/Login/Login.html"
}

// Unauth is the answer to an unauthenticated request on one kind of route (§10 rows 17–18).
type Unauth struct {
	// Status for ordinary requests: 302 (redirect to the login page) or 401.
	Status int
	// XHRStatus for requests carrying X-Requested-With: XMLHttpRequest.
	XHRStatus int
}

// Profile is every unconfirmed behaviour of one host, with the row of creatio-wire.md §10 it comes from.
type Profile struct {
	Flavor Flavor
	// LoginUserType is the UserType member of a successful login reply (row 3).
	LoginUserType string
	// LoginFailureStatus is the HTTP status of a wrong-password answer; Code is 1 either way (row 1).
	LoginFailureStatus int
	// LoginFailureExceptionType is Exception.Type of a failed login (row 2).
	LoginFailureExceptionType string
	// CookiePath is the Path of .ASPXAUTH and BPMLOADER (row 6).
	CookiePath string
	// CookieSameSite is the SameSite attribute of login cookies; zero means not sent (row 7).
	CookieSameSite http.SameSite
	// CookieSecure sets Secure on login cookies (row 7).
	CookieSecure bool
	// RootRouteStatus answers workspace routes requested without /0 on netfx (row 9); 0 when not applicable.
	RootRouteStatus int
	// AliasRouteStatus answers /0/… routes on net (row 8); 0 when not applicable.
	AliasRouteStatus int
	// CaseInsensitiveRoutes makes rest/ServiceModel prefixes match in any case (row 10).
	CaseInsensitiveRoutes bool
	// CSRFEnabled issues the BPMCSRF cookie and checks the header (row 14, UseCsrfToken).
	CSRFEnabled bool
	// CSRFFailureStatus answers a missing or wrong BPMCSRF header (row 11).
	CSRFFailureStatus int
	// CSRFMethods are the methods whose requests are checked (row 12).
	CSRFMethods []string
	// CSRFExemptPaths are DisableCsrfTokenValidationForPaths fragments, matched as case-insensitive substrings (row 16).
	CSRFExemptPaths []string
	// UnauthSvc answers unauthenticated ServiceModel/*.svc calls (row 17).
	UnauthSvc Unauth
	// UnauthRest answers unauthenticated /rest calls (row 18).
	UnauthRest Unauth
	// UnauthExceptionType is ExceptionType in the 401 JSON envelope (row 17).
	UnauthExceptionType string
	// SessionTimeout is the sliding lifetime of a login (netfx /0 forms timeout="60").
	SessionTimeout time.Duration
	// MaxSessions bounds the session store; the oldest session is dropped beyond it.
	MaxSessions int
	// MaxBodyBytes caps every request body before any binding limit applies: ASP.NET's
	// maxRequestLength (netfx Web.config httpRuntime maxRequestLength="102400" KiB, creatio-wire.md §6.1).
	MaxBodyBytes int64
	// TimeZone is the server's zone: Local and Unspecified DateTimes carry its offset and shift with
	// it (wcf-wire.md §7.7). UTC, as in a Linux container; a Windows IIS host runs in local time.
	TimeZone *time.Location
	// WrappedVoidBody is the reply of a Wrapped void operation (wcf-wire.md §5.2, unconfirmed).
	WrappedVoidBody string
	// Text is how text encodings behave where no source pins it down: the Content-Type of a custom
	// encoding's reply (§10 row 27), how its query strings are read, the status of an unknown
	// request charset (docs/charsets.md).
	Text wcf.TextSettings
}

// Default is the documented default profile of a flavor (creatio-wire.md §10).
func Default(f Flavor) *Profile {
	p := &Profile{
		Flavor:                    f,
		LoginUserType:             "General",
		LoginFailureStatus:        http.StatusOK,
		LoginFailureExceptionType: "System.Security.SecurityException",
		CookiePath:                "/",
		CaseInsensitiveRoutes:     true,
		CSRFEnabled:               true,
		CSRFMethods:               []string{http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete},
		UnauthRest:                Unauth{Status: http.StatusFound, XHRStatus: http.StatusUnauthorized},
		UnauthExceptionType:       "System.InvalidOperationException",
		SessionTimeout:            60 * time.Minute,
		MaxSessions:               10000,
		MaxBodyBytes:              100 << 20,
		TimeZone:                  time.UTC,
		WrappedVoidBody:           "{}",
		Text:                      wcf.DefaultText,
	}
	if f == NetFx {
		p.RootRouteStatus = http.StatusNotFound
		p.CSRFFailureStatus = http.StatusUnauthorized
		p.CSRFExemptPaths = []string{"/AuthService.svc/SsoLogin", "AuthService.svc/Login"}
		p.UnauthSvc = Unauth{Status: http.StatusUnauthorized, XHRStatus: http.StatusUnauthorized}
	} else {
		p.AliasRouteStatus = http.StatusNotFound
		p.CookieSameSite = http.SameSiteLaxMode
		p.CSRFFailureStatus = http.StatusForbidden
		p.CSRFExemptPaths = []string{"/AuthService.svc/SsoLogin", "AuthService.svc/Login", "msg/negotiate",
			"AuthService.svc", "SSPLogin", "MsgUtilService.svc", "/msg", "/ssp/rest/TestDBDataService/BatchDataQuery",
			"ServiceModel/CspViolationService.svc"}
		p.UnauthSvc = Unauth{Status: http.StatusFound, XHRStatus: http.StatusUnauthorized}
	}
	return p
}
