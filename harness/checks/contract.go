package checks

import (
	"context"
	"encoding/json"
	"fmt"
	"mime"
	"strings"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/svccheck/svccheck/harness/session"
	"github.com/svccheck/svccheck/harness/spec"
	"github.com/svccheck/svccheck/harness/wire"
)

// Data-contract check IDs.
const (
	ContractResponseSchema = "contract-response-schema"
)

func contractChecks() []Check {
	return []Check{
		{ID: ContractResponseSchema, Title: "The reply is JSON in WCF's shape and its value matches the spec's schema", Severity: SevError,
			Applies: func(o *spec.Operation) bool { return jsonSchema(o, 200) != nil }, Run: checkResponseSchema},
	}
}

// jsonSchema is the schema of an operation's application/json answer with that status, if any.
func jsonSchema(o *spec.Operation, status int) *openapi3.Schema {
	r := o.Op.Responses.Status(status)
	if r == nil || r.Value == nil {
		return nil
	}
	mt := r.Value.Content.Get("application/json")
	if mt == nil || mt.Schema == nil {
		return nil
	}
	return mt.Schema.Value
}

// checkResponseSchema calls the operation as a legitimate client would, then checks the answer:
// JSON Content-Type, the {"<Op>Result":…} wrapper for Wrapped replies (F07), and the unwrapped value
// against the schema (kin-openapi). The schema describes the return value, not the wrapper
// (docs/spec-extensions.md).
func checkResponseSchema(ctx context.Context, env *Env, op *spec.Operation) Outcome {
	ex, err := legitimateCall(ctx, env, op)
	if err != nil {
		return broken(err, ex)
	}
	if ex.Status != 200 {
		return skip("no 200 answer to validate ("+describe(ex)+"); the auth checks say why", ex)
	}
	mt, _, _ := mime.ParseMediaType(ex.Header.Get("Content-Type"))
	if mt != "application/json" {
		return fail(fmt.Sprintf("expected Content-Type application/json, got %q", ex.Header.Get("Content-Type")), ex)
	}
	if !utf8.Valid(ex.Body) {
		return fail("the body is not valid UTF-8", ex)
	}
	var value any
	if err := json.Unmarshal(ex.Body, &value); err != nil {
		return fail("the body is not JSON: "+err.Error(), ex)
	}
	path := "$"
	if op.BodyStyle.WrapsResponse() {
		obj, ok := value.(map[string]any)
		inner, found := obj[op.ResultMember]
		if !ok || !found {
			return fail(fmt.Sprintf("the operation is %s but the reply is not wrapped in {%q:…}: clients reading response.%s get nothing (F07)",
				op.BodyStyle, op.ResultMember, op.ResultMember), ex)
		}
		value, path = inner, "$."+op.ResultMember
	}
	if err := jsonSchema(op, 200).VisitJSON(value, openapi3.MultiErrors()); err != nil {
		return fail(path+" does not match the spec's schema: "+oneLine(err.Error()), ex)
	}
	return pass("JSON reply matches the schema", ex)
}

// legitimateCall sends the request a correct client sends: with a session and the CSRF header for
// cookie operations, the run's credentials for login, nothing for anonymous ones.
func legitimateCall(ctx context.Context, env *Env, op *spec.Operation) (*wire.Exchange, error) {
	switch op.Auth {
	case spec.AuthLogin:
		_, ex, err := env.Sessions.Fresh(ctx, env.Identity)
		if _, isLogin := err.(*session.LoginError); isLogin {
			err = nil // a refused login is auth-login's finding; its reply can still be validated
		}
		return ex, err
	case spec.AuthCookie:
		s, lex, err := sessionFor(ctx, env, op)
		if err != nil {
			return lex, fmt.Errorf("cannot log in: %w", err)
		}
		return call(ctx, env, op, s, true)
	}
	return call(ctx, env, op, nil, false)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
