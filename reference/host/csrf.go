package host

import (
	"crypto/subtle"
	"net/http"
	"slices"
	"strings"

	"github.com/svccheck/svccheck/reference/faults"
)

// csrfOK applies Creatio's CSRF rule (creatio-wire.md §4): for checked methods the BPMCSRF header
// must equal the session's token, unless protection is off or the path is exempt.
func (h *Host) csrfOK(r *http.Request, sess *session) bool {
	if !h.prof.CSRFEnabled || h.faults.Has(faults.CSRFOff) {
		return true
	}
	if !slices.Contains(h.prof.CSRFMethods, r.Method) || h.csrfExempt(r.URL.Path) {
		return true
	}
	got := r.Header.Get(csrfCookie)
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(sess.csrf)) == 1
}

// csrfExempt matches DisableCsrfTokenValidationForPaths fragments as case-insensitive substrings (§10 row 16).
func (h *Host) csrfExempt(p string) bool {
	lp := strings.ToLower(p)
	for _, frag := range h.prof.CSRFExemptPaths {
		if frag != "" && strings.Contains(lp, strings.ToLower(frag)) {
			return true
		}
	}
	return false
}
