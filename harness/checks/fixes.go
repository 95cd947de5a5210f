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
	ContractResponseSchema: "Restore the data contract the clients were built against (member names, types, `EmitDefaultValue`), or update the spec and every client if the change was on purpose.",
	WCFReplyShape:          "Restore the `BodyStyle` of the `[WebInvoke]` attribute (and its `[return: MessageParameter]` name); if the contract changed on purpose, update the spec and every client.",
	WCFContentType:         "Let WCF write the reply (`ResponseFormat = WebMessageFormat.Json`); remove proxies or handlers that rewrite `Content-Type`.",
	WCFRawRefused:          "Host the contract with WCF's webHttp behaviour; tell clients to send `Content-Type: application/json`.",
	WCFRequiredMember:      "Keep `IsRequired` on the data member and let DataContractJsonSerializer read the body; if the member became optional, drop `required` from the spec.",
	WCFBodyLimit:           "Restore the binding's `maxReceivedMessageSize` in bindings.config (http and https), or state the real limit in the spec.",
	WCFMethodNotAllowed:    "Declare the method in `[WebInvoke(Method = …)]`/`[WebGet]` and let WCF dispatch; remove catch-all routes.",
	WCFUnknownOperation:    "Let unknown paths end in 404: remove the fallback route or scope it to the UI paths.",
	WCFRequestShape:        "Keep `BodyStyle` as declared and send `{\"param\": value}`; if the contract is really Bare, declare `x-wcf-body-style: Bare` in the spec.",
	DCDateFormat:           "Serialize with DataContractJsonSerializer (WCF's webHttp) or emit the `\\/Date(…)\\/` form; if the contract changed on purpose, change the format in the spec and every client.",
	DCRequiredMembers:      "Remove `EmitDefaultValue=false` from members clients rely on, or drop them from the spec's `required` list if their absence is intended.",
	DCMemberCase:           "Serialize with the `[DataMember(Name = …)]` names (DataContractJsonSerializer), or turn off the naming policy of the re-host.",
	DCDictionaryShape:      "Keep the default dictionary format of DataContractJsonSerializer; if the object form is intended, describe it in the spec without `x-wcf-dictionary`.",
	DCBackingFields:        "Mark the type `[DataContract]` and its properties `[DataMember]`.",
	CharsetDeclared:        "Let the custom text encoder write the header (`application/json; charset=<name>`, no quotes); remove proxies or handlers that rewrite or drop `Content-Type`, and keep the `customTextMessageEncoding encoding` equal to what clients are told.",
	CharsetValidBytes:      "Make the label and the bytes agree: write the reply in the charset the `Content-Type` names, or name the charset the reply is really written in.",
	CharsetRoundTrip:       "Register the endpoint with its `customBinding` (`customTextMessageEncoding encoding=\"…\"`) in bindings.config and services.config, http and https; make every proxy pass bytes and `Content-Type` through unchanged.",
	CharsetMojibake:        "Find the step that decodes without the declared charset (the service's own HTTP client, a proxy, an import) and make it use the charset of the `Content-Type`; repair the stored text.",
	CharsetUTF16Request:    "Host the contract with WCF's webHttp (or a reader that honours the charset label and UTF-16 detection); tell clients to send UTF-16 without a byte order mark, or UTF-8.",
	CharsetCustomEncoding:  "On netfx: restore the `customBinding` with `customTextMessageEncoding` in bindings.config and the endpoint's `binding=\"customBinding\" bindingConfiguration=\"…\"` in services.config (http and https), then restart. On net: serve the operation as UTF-8 JSON, or keep the service on a .NET Framework site.",
}
