package checks

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/svccheck/svccheck/harness/spec"
	"github.com/svccheck/svccheck/harness/wire"
)

// Negative-input check IDs: requests a WCF service must refuse.
const (
	WCFRawRefused       = "wcf-raw-refused"
	WCFRequiredMember   = "wcf-required-member"
	WCFBodyLimit        = "wcf-body-limit"
	WCFMethodNotAllowed = "wcf-method-not-allowed"
	WCFUnknownOperation = "wcf-unknown-operation"
	WCFRequestShape     = "wcf-request-shape"
)

func negativeChecks() []Check {
	return []Check{
		{ID: WCFRawRefused, Title: "A JSON body sent as text/plain is refused (Raw format)", Severity: SevError,
			Applies: jsonBodyOp, Run: checkRawRefused},
		{ID: WCFRequiredMember, Title: "A request missing an IsRequired member is refused", Severity: SevError,
			Applies: func(o *spec.Operation) bool { return jsonBodyOp(o) && requiredPath(o) != nil }, Run: checkRequiredMember},
		{ID: WCFBodyLimit, Title: "A body over maxReceivedMessageSize is refused with 413", Severity: SevError,
			Applies: func(o *spec.Operation) bool { return jsonBodyOp(o) && o.MaxBody > 0 }, Run: checkBodyLimit},
		{ID: WCFMethodNotAllowed, Title: "The operation's URL with another method answers 405 with Allow", Severity: SevError,
			Applies: func(o *spec.Operation) bool { return o.Auth != spec.AuthLogin && !o.EndsSession }, Run: checkMethodNotAllowed},
		{ID: WCFUnknownOperation, Title: "An unknown operation of a service answers 404, not a page or a login", Severity: SevError,
			Applies: firstOfService, Run: checkUnknownOperation},
		{ID: WCFRequestShape, Title: "A Wrapped request whose body is not an object is refused", Severity: SevError,
			Applies: func(o *spec.Operation) bool {
				return jsonBodyOp(o) && o.BodyStyle.WrapsRequest() && bareProbe(o) != nil
			}, Run: checkRequestShape},
	}
}

// jsonBodyOp: a state-changing operation with a JSON example body; not login or logout, whose
// negative calls would disturb the run's own sessions.
func jsonBodyOp(o *spec.Operation) bool {
	return o.Auth != spec.AuthLogin && !o.EndsSession && strings.Contains(o.Example.ContentType, "json") && len(o.Example.Body) > 0
}

// firstOfService picks one workspace operation per spec, so service-level probes run once.
func firstOfService(o *spec.Operation) bool {
	for _, x := range o.Spec.Operations {
		if x.Route == spec.RouteWorkspace && x.Auth != spec.AuthLogin {
			return x == o
		}
	}
	return false
}

// probe sends a variant of the operation's legitimate request: same credentials, other method,
// URL, Content-Type or body. The body is UTF-8 text, sent in the operation's charset.
func probe(ctx context.Context, env *Env, op *spec.Operation, method, url, contentType string, body []byte) (*wire.Exchange, error) {
	contentType, body = encodeRequest(op, contentType, body)
	return probeRaw(ctx, env, op, method, url, contentType, body)
}

// probeRaw is probe with the body bytes and Content-Type sent exactly as given.
func probeRaw(ctx context.Context, env *Env, op *spec.Operation, method, url, contentType string, body []byte) (*wire.Exchange, error) {
	h := http.Header{}
	var cookies []*http.Cookie
	if op.Auth == spec.AuthCookie {
		s, lex, err := sessionFor(ctx, env, op)
		if err != nil {
			return lex, fmt.Errorf("cannot log in: %w", err)
		}
		h, cookies = s.Header(true), s.Cookies
	}
	if contentType != "" {
		h.Set("Content-Type", contentType)
	}
	return env.Client.Do(ctx, method, url, h, body, cookies)
}

// refused judges a negative probe: a 4xx (other than an auth refusal) passes.
func refused(ex *wire.Exchange, want string, field string) Outcome {
	switch {
	case ex.Status >= 400 && ex.Status < 500 && ex.Status != 401 && ex.Status != 403:
		return pass(fmt.Sprintf("refused with %s", describe(ex)), ex)
	case isRefusal(ex):
		return skip("the probe was refused for authentication ("+describe(ex)+"); see auth-session-call", ex)
	}
	return fail(fmt.Sprintf("%s was not refused: %s; %s (%s)", want, describe(ex), "WCF answers 400", field), ex)
}

// checkRawRefused resends the example as text/plain: WCF maps it to Raw and refuses it (F09).
func checkRawRefused(ctx context.Context, env *Env, op *spec.Operation) Outcome {
	ex, err := probe(ctx, env, op, op.Method, env.Target.URL(op), "text/plain", op.Example.Body)
	if err != nil {
		return broken(err, ex)
	}
	return refused(ex, "a JSON body labelled text/plain", "F09: the host reads bodies whatever their Content-Type")
}

// checkRequiredMember drops one member the request schema marks required (IsRequired) from the
// example: DataContractJsonSerializer refuses the body (F10).
func checkRequiredMember(ctx context.Context, env *Env, op *spec.Operation) Outcome {
	var body any
	if err := json.Unmarshal(op.Example.Body, &body); err != nil {
		return skip("the example body is not JSON")
	}
	path := requiredPath(op)
	if !dropMember(body, path) {
		return skip("the example has no member " + strings.Join(path, ".") + " to drop")
	}
	b, _ := json.Marshal(body)
	ex, err := probe(ctx, env, op, op.Method, env.Target.URL(op), op.Example.ContentType, b)
	if err != nil {
		return broken(err, ex)
	}
	return refused(ex, "a body without the required member "+strings.Join(path, "."), "F10: IsRequired is not enforced")
}

// checkBodyLimit sends a JSON body one byte over the declared maxReceivedMessageSize.
func checkBodyLimit(ctx context.Context, env *Env, op *spec.Operation) Outcome {
	pad := int(op.MaxBody) + 1 - len(`{"svccheckPadding":""}`)
	body := []byte(`{"svccheckPadding":"` + strings.Repeat("x", max(pad, 0)) + `"}`)
	ex, err := probe(ctx, env, op, op.Method, env.Target.URL(op), op.Example.ContentType, body)
	if err != nil {
		return broken(err, ex)
	}
	ex.ReqBody = ex.ReqBody[:64] // the transcript needs the start, not 10 MB
	if ex.Status == http.StatusRequestEntityTooLarge || ex.Status == http.StatusBadRequest {
		return pass(fmt.Sprintf("a %d-byte body was refused with %s", len(body), describe(ex)), ex)
	}
	return fail(fmt.Sprintf("a %d-byte body (limit %d) got %s: maxReceivedMessageSize is not enforced, expected 413", len(body), op.MaxBody, describe(ex)), ex)
}

// checkMethodNotAllowed calls the URL with a method the operation does not take: 405 with an
// Allow header naming the right one (wcf-wire.md §6).
func checkMethodNotAllowed(ctx context.Context, env *Env, op *spec.Operation) Outcome {
	other := http.MethodPut
	if op.Method == http.MethodPut {
		other = http.MethodPatch
	}
	ex, err := probe(ctx, env, op, other, env.Target.URL(op), "application/json", []byte("{}"))
	if err != nil {
		return broken(err, ex)
	}
	if isRefusal(ex) {
		return skip("the probe was refused for authentication ("+describe(ex)+")", ex)
	}
	if ex.Status != http.StatusMethodNotAllowed {
		return fail(fmt.Sprintf("%s on a %s operation got %s, expected 405 Method Not Allowed", other, op.Method, describe(ex)), ex)
	}
	if allow := ex.Header.Get("Allow"); !strings.Contains(allow, op.Method) {
		return fail(fmt.Sprintf("405 without %s in Allow (%q)", op.Method, allow), ex)
	}
	return pass("405 with Allow: "+ex.Header.Get("Allow"), ex)
}

// checkUnknownOperation calls an operation the service does not have, next to a real one: WCF's
// 404 "Endpoint not found", never a 200 page (F14, F17).
func checkUnknownOperation(ctx context.Context, env *Env, op *spec.Operation) Outcome {
	base := op.Example.Path[:strings.LastIndex(op.Example.Path, "/")+1]
	url := env.Target.Path(op.Route, base+"SvccheckNoSuchOperation")
	ex, err := probe(ctx, env, op, http.MethodGet, url, "", nil)
	if err != nil {
		return broken(err, ex)
	}
	switch {
	case ex.Status == http.StatusNotFound:
		return pass("404 for an unknown operation", ex)
	case is2xx(ex):
		return fail("an unknown operation answered "+describe(ex)+": a catch-all page hides missing services from clients (F14, F17)", ex)
	case isRefusal(ex) && op.Auth != spec.AuthCookie:
		return pass("an unknown anonymous operation is challenged like any unregistered path: "+describe(ex), ex)
	}
	return fail("expected 404 for an unknown operation, got "+describe(ex), ex)
}

// checkRequestShape sends the first wrapped member's value bare: WCF refuses a Wrapped request
// whose root is not an object.
func checkRequestShape(ctx context.Context, env *Env, op *spec.Operation) Outcome {
	ex, err := probe(ctx, env, op, op.Method, env.Target.URL(op), op.Example.ContentType, bareProbe(op))
	if err != nil {
		return broken(err, ex)
	}
	return refused(ex, "a bare value sent to a "+op.BodyStyle.String()+" operation", "the host binds unwrapped bodies")
}

// bareProbe is the first wrapped member's value of the example, when it is not an object: an
// object would be read by WCF as a wrapper with unknown members, which proves nothing.
func bareProbe(op *spec.Operation) []byte {
	var members map[string]json.RawMessage
	if json.Unmarshal(op.Example.Body, &members) != nil || len(members) == 0 {
		return nil
	}
	first := members[slices.Sorted(maps.Keys(members))[0]]
	if bytes.HasPrefix(bytes.TrimSpace(first), []byte("{")) {
		return nil
	}
	return first
}

// requiredPath finds the first required property of the JSON request schema, depth first: the
// member path to drop.
func requiredPath(o *spec.Operation) []string {
	if o.Op.RequestBody == nil || o.Op.RequestBody.Value == nil {
		return nil
	}
	mt := o.Op.RequestBody.Value.Content.Get("application/json")
	if mt == nil || mt.Schema == nil {
		return nil
	}
	return firstRequired(mt.Schema.Value, nil, 0)
}

func firstRequired(s *openapi3.Schema, path []string, depth int) []string {
	if s == nil || depth > 8 {
		return nil
	}
	if len(s.Required) > 0 {
		return append(append([]string(nil), path...), s.Required[0])
	}
	for _, name := range slices.Sorted(maps.Keys(s.Properties)) {
		if p := firstRequired(s.Properties[name].Value, append(path, name), depth+1); p != nil {
			return p
		}
	}
	return nil
}

// dropMember deletes the member at path from a decoded JSON value.
func dropMember(v any, path []string) bool {
	obj, ok := v.(map[string]any)
	if !ok || len(path) == 0 {
		return false
	}
	if len(path) == 1 {
		_, found := obj[path[0]]
		delete(obj, path[0])
		return found
	}
	return dropMember(obj[path[0]], path[1:])
}
