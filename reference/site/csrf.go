package site

import "strings"

// CSRF is the site's BPMCSRF configuration (creatio-wire.md §4.3).
type CSRF struct {
	// Enabled is UseCsrfToken; true when absent or not a boolean, as both shipped installs have it
	// (creatio-wire.md §10 row 14).
	Enabled bool
	// ExemptPaths are the DisableCsrfTokenValidationForPaths fragments, matched as case-insensitive
	// substrings (creatio-wire.md §10 row 16); Creatio's shipped list when the key is absent.
	ExemptPaths []string
	// EnabledAt is where UseCsrfToken was read (zero when absent).
	EnabledAt Pos
}

// Shipped DisableCsrfTokenValidationForPaths lists (creatio-wire.md §4.3).
var (
	NetfxCSRFExemptPaths = []string{"/AuthService.svc/SsoLogin", "AuthService.svc/Login"}
	NetCSRFExemptPaths   = []string{"/AuthService.svc/SsoLogin", "AuthService.svc/Login", "msg/negotiate", "AuthService.svc", "SSPLogin", "MsgUtilService.svc", "/msg", "/ssp/rest/TestDBDataService/BatchDataQuery", "ServiceModel/CspViolationService.svc"}
)

// CSRF reads UseCsrfToken and DisableCsrfTokenValidationForPaths from Web.config (netfx) or
// Terrasoft.WebHost.dll.config (net).
func (s *Site) CSRF() CSRF {
	get, shipped := s.Netfx.setting, NetfxCSRFExemptPaths
	if s.Flavor == FlavorNet {
		get, shipped = s.Net.Setting, NetCSRFExemptPaths
	}
	c := CSRF{Enabled: true, ExemptPaths: append([]string(nil), shipped...)}
	if st := get("UseCsrfToken"); st.Present {
		c.EnabledAt = st.Pos
		if v, ok := ParseBool(st.Value); ok {
			c.Enabled = v
		}
	}
	if st := get("DisableCsrfTokenValidationForPaths"); st.Present {
		c.ExemptPaths = splitList(st.Value, ",")
	}
	return c
}

func (n *Netfx) setting(key string) Setting { return n.WebConfig.Setting(key) }

// ParseBool reads a .NET boolean setting ("true"/"false", any case, surrounding spaces).
func ParseBool(v string) (value, ok bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	return false, false
}
