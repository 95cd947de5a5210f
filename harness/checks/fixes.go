package checks

// fixes holds each runtime check's "How to fix" paragraph, word for word as in docs/checks.md
// (TestFixTextsMatchCatalogue keeps them equal), so reports can show the fix next to a failure
// without shipping the catalogue.
var fixes = map[string]string{
	AuthLogin: "Keep `BPMCSRF` out of blanket HttpOnly settings; check `UseCsrfToken`; make sure the login page and clients judge `Code`. " +
		"If the run's credentials are wrong, pass the right ones with `--user` and `--password-env`.",
	AuthSessionRequired: "Let unauthenticated calls end in 401/302, never in a 200 page: remove proxy rules or custom error pages that " +
		"rewrite the status; make sure the service is not registered for anonymous access by mistake.",
	AuthSessionCall: "For refusals: configure a shared session store (Redis) for all nodes, check cookie paths and the load balancer's " +
		"affinity. For 404: install the package, compile the configuration, restart the application (F14).",
	CSRFHeaderRequired: "Set `UseCsrfToken` to `true` (netfx `Web.config`, net `Terrasoft.WebHost.dll.config`) and keep " +
		"`DisableCsrfTokenValidationForPaths` to the shipped list.",
	AnonAccess: "Restore every registration (`svccheck doctor` on the site directory names the missing one, file and line); after an " +
		"update, re-apply them and restart the application.",
	ContractResponseSchema: "Restore the `BodyStyle` of the `[WebInvoke]` attribute (or its `[return: MessageParameter]` name); if the " +
		"contract changed on purpose, update the spec and every client.",
}
