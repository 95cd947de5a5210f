package checks

import (
	"context"

	"github.com/svccheck/svccheck/harness/spec"
)

// Anonymous-access check IDs.
const (
	AnonAccess = "anon-access"
)

func anonChecks() []Check {
	return []Check{
		{ID: AnonAccess, Title: "An anonymous operation answers without cookies, not with a login challenge", Severity: SevError,
			Applies: func(o *spec.Operation) bool { return o.Auth == spec.AuthAnonymous }, Run: checkAnon},
	}
}

// checkAnon calls with no cookies at all (F12, F13): a login challenge means the anonymous registration
// is missing or was overwritten by an update; a 404 or 500 points at the .svc file or services.config.
func checkAnon(ctx context.Context, env *Env, op *spec.Operation) Outcome {
	ex, err := call(ctx, env, op, nil, false)
	if err != nil {
		return broken(err, ex)
	}
	switch {
	case is2xx(ex) && isHTML(ex):
		return fail("answered "+describe(ex)+": an HTML page (the login page?) instead of data (F17)", ex)
	case is2xx(ex):
		return pass("answered without cookies: "+describe(ex), ex)
	case isRefusal(ex):
		return fail("demanded a login ("+describe(ex)+"): the anonymous registration is missing — overwritten by an update? Check the .svc file, services.config (http and https), Web.config <location> and AllowedLocations, or AnonymousRoutes on .NET (F12, F13)", ex)
	case ex.Status == 404:
		return fail("404: the .svc file or route is missing, or the service is not deployed (F14)", ex)
	case ex.Status >= 500:
		return fail(describe(ex)+": WCF could not activate the service — is it listed in the active services.config? (creatio-wire.md §5.2)", ex)
	}
	return fail("expected a 2xx answer without cookies, got "+describe(ex), ex)
}
