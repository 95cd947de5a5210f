package checks

import (
	"context"
	"fmt"
	"net/http"

	"github.com/svccheck/svccheck/harness/session"
	"github.com/svccheck/svccheck/harness/spec"
	"github.com/svccheck/svccheck/harness/wire"
)

// CSRF check IDs.
const (
	CSRFHeaderRequired = "csrf-header-required"
)

func csrfChecks() []Check {
	return []Check{
		{ID: CSRFHeaderRequired, Title: "A state-changing cookie-auth call without a valid BPMCSRF header is refused", Severity: SevError,
			Applies: func(o *spec.Operation) bool { return isCookieOp(o) && o.Unsafe() }, Run: checkCSRF},
	}
}

// checkCSRF sends the call with the session's cookies but no BPMCSRF header, then with a wrong one:
// both must be refused with 401 or 403 (the status differs by flavor, creatio-wire.md §10 row 11).
func checkCSRF(ctx context.Context, env *Env, op *spec.Operation) Outcome {
	s, lex, err := sessionFor(ctx, env, op)
	if err != nil {
		return broken(fmt.Errorf("cannot log in: %w", err), lex)
	}
	if s.CSRF == "" {
		return fail("the login set no BPMCSRF cookie, so nothing protects this call from cross-site requests (F16)", lex)
	}
	missing, err := call(ctx, env, op, s, false)
	if err != nil {
		return broken(err, missing)
	}
	if isLoginRedirect(missing) || (is2xx(missing) && isHTML(missing)) {
		return skip("the session itself was not accepted ("+describe(missing)+"), so CSRF cannot be judged; see auth-session-call", missing)
	}
	if !refusedForCSRF(missing) {
		return fail("a "+op.Method+" with the session cookie but without the BPMCSRF header was not refused: "+describe(missing)+" (CSRF protection off, F16)", missing)
	}
	wrong := &session.Session{Identity: s.Identity, Cookies: s.Cookies, CSRF: "svccheck-wrong-token"}
	bad, err := call(ctx, env, op, wrong, true)
	if err != nil {
		return broken(err, missing, bad)
	}
	if !refusedForCSRF(bad) {
		return fail("a wrong BPMCSRF header was accepted: "+describe(bad)+" (the header is checked for presence only)", missing, bad)
	}
	return pass(fmt.Sprintf("refused without the header (%d) and with a wrong one (%d)", missing.Status, bad.Status), missing, bad)
}

func refusedForCSRF(ex *wire.Exchange) bool {
	return ex.Status == http.StatusUnauthorized || ex.Status == http.StatusForbidden
}
