package doctor

import (
	"fmt"
	"strings"

	"github.com/svccheck/svccheck/reference/site"
)

// CSRF rule IDs (field case F16).
const (
	// CSRFOff: UseCsrfToken=false.
	CSRFOff = "DOC-CSRF-001"
	// CSRFNotBool: UseCsrfToken is not true/false.
	CSRFNotBool = "DOC-CSRF-002"
	// CSRFBroadExemption: a DisableCsrfTokenValidationForPaths fragment exempts a whole route family.
	CSRFBroadExemption = "DOC-CSRF-003"
)

var _ = register(
	Rule{CSRFOff, SeverityWarning, "CSRF protection switched off"},
	Rule{CSRFNotBool, SeverityWarning, "UseCsrfToken is not a boolean"},
	Rule{CSRFBroadExemption, SeverityWarning, "CSRF exemption covers a whole route family"},
)

// probePaths stand for whole families of state-changing routes; an exemption fragment contained in
// one of them (substring match, creatio-wire.md §10 row 16) switches CSRF off for all of them.
var probePaths = []string{
	"/0/rest/usranyservice/anymethod",
	"/0/servicemodel/usranyservice.svc/anymethod",
	"/0/dataservice/json/syncreply/insertquery",
	"/0/odata/contact",
}

func checkCSRF(s *site.Site) []Finding {
	get, file := settingsOf(s)
	var out []Finding
	if st := get("UseCsrfToken"); st.Present {
		v, ok := site.ParseBool(st.Value)
		switch {
		case !ok:
			out = append(out, finding(CSRFNotBool, st.Pos, "UseCsrfToken",
				fmt.Sprintf("UseCsrfToken=%q is not true or false; svccheck assumes true, Creatio may not", st.Value),
				`Set value="true".`))
		case !v:
			out = append(out, finding(CSRFOff, st.Pos, "UseCsrfToken",
				"UseCsrfToken=false switches CSRF protection off: cookie sessions can be ridden by other sites, and clients expecting the BPMCSRF cookie break",
				`Set value="true"; exempt single paths with DisableCsrfTokenValidationForPaths, or use OAuth/Basic for integrations.`))
		}
	}
	if st := get("DisableCsrfTokenValidationForPaths"); st.Present {
		for _, frag := range strings.Split(st.Value, ",") {
			if f := strings.ToLower(strings.TrimSpace(frag)); f != "" && coversFamily(f) {
				out = append(out, finding(CSRFBroadExemption, st.Pos, strings.TrimSpace(frag),
					fmt.Sprintf("DisableCsrfTokenValidationForPaths fragment %q matches every path of a route family (matching is by substring), exempting it from CSRF checks in %s", strings.TrimSpace(frag), file),
					"Replace the fragment by the exact service path, e.g. ServiceModel/UsrMyService.svc/MyMethod."))
			}
		}
	}
	return out
}

func coversFamily(frag string) bool {
	for _, p := range probePaths {
		if strings.Contains(p, frag) {
			return true
		}
	}
	return false
}

func settingsOf(s *site.Site) (func(string) site.Setting, string) {
	if s.Flavor == site.FlavorNet {
		return s.Net.Setting, site.DllConfigPath
	}
	return s.Netfx.WebConfig.Setting, site.WebConfigPath
}
