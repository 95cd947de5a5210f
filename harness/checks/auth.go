package checks

import (
	"context"
	"errors"
	"fmt"

	"github.com/svccheck/svccheck/harness/session"
	"github.com/svccheck/svccheck/harness/spec"
)

// Authentication check IDs.
const (
	AuthLogin           = "auth-login"
	AuthSessionRequired = "auth-session-required"
	AuthSessionCall     = "auth-session-call"
)

func authChecks() []Check {
	return []Check{
		{ID: AuthLogin, Title: "Login reports its outcome in Code and sets the session cookies", Severity: SevError,
			Applies: func(o *spec.Operation) bool { return o.Auth == spec.AuthLogin }, Run: checkLogin},
		{ID: AuthSessionRequired, Title: "A cookie-auth operation refuses calls without a session", Severity: SevError,
			Applies: isCookieOp, Run: checkSessionRequired},
		{ID: AuthSessionCall, Title: "A cookie-auth operation succeeds with a session and the BPMCSRF header", Severity: SevError,
			Applies: isCookieOp, Run: checkSessionCall},
	}
}

func isCookieOp(o *spec.Operation) bool { return o.Auth == spec.AuthCookie }

// checkLogin logs in with good and wrong credentials (F01, F02): success is 200 + Code 0 + .ASPXAUTH
// (HttpOnly) + BPMCSRF readable by scripts; a wrong password yields Code ≠ 0 and no auth cookie.
func checkLogin(ctx context.Context, env *Env, _ *spec.Operation) Outcome {
	s, ex, err := env.Sessions.Fresh(ctx, env.Identity)
	if err != nil {
		var le *session.LoginError
		if errors.As(err, &le) {
			return fail("login with the run's credentials failed: "+le.Error(), ex)
		}
		return broken(err, ex)
	}
	if auth := s.Cookie(".ASPXAUTH"); !auth.HttpOnly {
		return fail(".ASPXAUTH is not HttpOnly: page scripts could steal the session", ex)
	}
	csrf := s.Cookie("BPMCSRF")
	if csrf == nil {
		return fail("login set no BPMCSRF cookie: CSRF protection looks switched off (UseCsrfToken=false, F16)", ex)
	}
	if csrf.HttpOnly {
		return fail("BPMCSRF is HttpOnly: browser code cannot copy it into the BPMCSRF header", ex)
	}
	wrong := session.Identity{User: env.Identity.User, Password: env.Identity.Password + "-svccheck-wrong"}
	bad, wex, err := env.Sessions.Fresh(ctx, wrong)
	if bad != nil {
		return fail("a wrong password was accepted (Code 0 with an auth cookie)", ex, wex)
	}
	var le *session.LoginError
	if !errors.As(err, &le) {
		return broken(err, ex, wex)
	}
	for _, ck := range wex.Cookies() {
		if ck.Name == ".ASPXAUTH" && ck.Value != "" {
			return fail("a refused login still set an .ASPXAUTH cookie", ex, wex)
		}
	}
	if le.Code < 0 && wex.Status != 401 {
		return fail(fmt.Sprintf("a wrong password must answer 200 with Code ≠ 0 (or 401 on old builds), got %s", describe(wex)), ex, wex)
	}
	return pass("Code 0 with .ASPXAUTH and BPMCSRF; a wrong password gave "+le.Error(), ex, wex)
}

// checkSessionRequired calls without cookies: 401/403 or a redirect to the login page pass; a 200 login
// page (F04/F17) or any success fails.
func checkSessionRequired(ctx context.Context, env *Env, op *spec.Operation) Outcome {
	ex, err := call(ctx, env, op, nil, false)
	if err != nil {
		return broken(err, ex)
	}
	switch {
	case isRefusal(ex):
		return pass("refused without a session: "+describe(ex), ex)
	case is2xx(ex) && isHTML(ex):
		return fail("answered "+describe(ex)+" without a session: an HTML login page with a success status, which clients parse as data (F04, F17)", ex)
	case is2xx(ex):
		return fail("answered "+describe(ex)+" without a session: the operation is open to anonymous callers", ex)
	}
	return fail("expected 401, 403 or a redirect to the login page without a session, got "+describe(ex), ex)
}

// checkSessionCall calls with the session and the BPMCSRF header: it must succeed.
func checkSessionCall(ctx context.Context, env *Env, op *spec.Operation) Outcome {
	ex, err := env.legitimate(ctx, op)
	if err != nil {
		return broken(err, ex)
	}
	switch {
	case ex.Status == op.ExpectStatus && op.ExpectStatus >= 300:
		return pass(fmt.Sprintf("answered %s, the status the spec declares", describe(ex)), ex)
	case is2xx(ex) && !isHTML(ex):
		return pass("succeeded with a session: "+describe(ex), ex)
	case isRefusal(ex) || (is2xx(ex) && isHTML(ex)):
		return fail("the session from a successful login was not accepted: "+describe(ex)+" (sessions lost between requests? a web farm without a shared session store?)", ex)
	case ex.Status == 404:
		return fail("404 with a valid session: the service is not deployed, not compiled or the app was not restarted (F14)", ex)
	}
	return fail(fmt.Sprintf("expected %d with a session and the BPMCSRF header, got %s", op.ExpectStatus, describe(ex)), ex)
}
