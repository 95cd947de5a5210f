package checks

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"mime"
	"slices"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/svccheck/svccheck/harness/session"
	"github.com/svccheck/svccheck/harness/spec"
	"github.com/svccheck/svccheck/harness/wire"
	"github.com/svccheck/svccheck/reference/charset"
)

// replies memoises each operation's legitimate call per target, so the checks that judge the same
// answer (shape, content type, schema, data contract) cost one request, not one each — and an
// operation with side effects runs once.
type replies struct {
	mu sync.Mutex
	m  map[*spec.Operation]*replyEntry
}

type replyEntry struct {
	once sync.Once
	ex   *wire.Exchange
	err  error
}

// legitimate returns the answer to the request a correct client sends, made once per operation.
func (env *Env) legitimate(ctx context.Context, op *spec.Operation) (*wire.Exchange, error) {
	env.replies.mu.Lock()
	if env.replies.m == nil {
		env.replies.m = map[*spec.Operation]*replyEntry{}
	}
	e := env.replies.m[op]
	if e == nil {
		e = &replyEntry{}
		env.replies.m[op] = e
	}
	env.replies.mu.Unlock()
	e.once.Do(func() { e.ex, e.err = legitimateCall(ctx, env, op) })
	return e.ex, e.err
}

// legitimateCall sends the request a correct client sends: with a session and the CSRF header for
// cookie operations, the run's credentials for login, nothing for anonymous ones.
func legitimateCall(ctx context.Context, env *Env, op *spec.Operation) (*wire.Exchange, error) {
	switch op.Auth {
	case spec.AuthLogin:
		_, ex, err := env.Sessions.Fresh(ctx, env.Identity)
		if _, isLogin := err.(*session.LoginError); isLogin {
			err = nil // a refused login is auth-login's finding; its reply can still be judged
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

// replyText decodes a body with the charset its Content-Type declares — or, without one, the
// operation's charset — never assuming UTF-8 (kin-openapi would: go-notes.md "Charset trap").
// The text is what every data check and the schema validation see.
func replyText(ex *wire.Exchange, op *spec.Operation) (string, *charset.Charset, error) {
	cs := op.Text()
	if label := declaredCharset(ex); label != "" {
		c, err := charset.Lookup(label)
		if err != nil {
			return "", cs, err
		}
		cs = c
	}
	text, err := cs.Decode(ex.Body)
	return text, cs, err
}

// declaredCharset is the charset parameter of the answer's Content-Type, "" when there is none.
func declaredCharset(ex *wire.Exchange) string {
	_, params, err := mime.ParseMediaType(ex.Header.Get("Content-Type"))
	if err != nil {
		return ""
	}
	return params["charset"]
}

// jsonReply is a legitimate answer decoded for the data checks: the value inside the WCF wrapper
// and the schema it must match.
type jsonReply struct {
	ex     *wire.Exchange
	value  any
	path   string // JSON path of value in the body: "$" or "$.<Op>Result"
	schema *openapi3.Schema
}

// decodeReply fetches the legitimate answer and unwraps it; a non-nil Outcome means there is
// nothing to judge (or the shape itself is wrong, which is wcf-reply-shape's finding: skip).
func decodeReply(ctx context.Context, env *Env, op *spec.Operation) (*jsonReply, *Outcome) {
	ex, err := env.legitimate(ctx, op)
	if err != nil {
		o := broken(err, ex)
		return nil, &o
	}
	schema := jsonSchema(op, op.ExpectStatus)
	mt, _, _ := mime.ParseMediaType(ex.Header.Get("Content-Type"))
	var value any
	text, cs, terr := replyText(ex, op)
	switch {
	case ex.Status != op.ExpectStatus:
		o := skip(fmt.Sprintf("no %d answer to judge (%s); the auth checks say why", op.ExpectStatus, describe(ex)), ex)
		return nil, &o
	case terr != nil:
		o := skip("the body cannot be decoded ("+terr.Error()+"); "+CharsetValidBytes+" says why", ex)
		return nil, &o
	case mt != "application/json" || json.Unmarshal([]byte(text), &value) != nil:
		o := skip("the answer is not JSON (read as "+cs.Name+"); wcf-content-type says why", ex)
		return nil, &o
	}
	r := &jsonReply{ex: ex, value: value, path: "$", schema: schema}
	if op.BodyStyle.WrapsResponse() && op.ExpectStatus < 300 {
		obj, _ := value.(map[string]any)
		name, found := op.ResultMember, false
		r.value, found = obj[name]
		if !found && len(obj) == 1 {
			name = slices.Sorted(maps.Keys(obj))[0] // a renamed wrapper is wcf-reply-shape's finding; judge what is inside
			r.value, found = obj[name], true
		}
		if !found {
			o := skip("the reply is not wrapped in "+op.ResultMember+"; wcf-reply-shape says why", ex)
			return nil, &o
		}
		r.path = "$." + name
	}
	return r, nil
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

// hasJSONReply says an operation's expected answer is JSON with a schema: the data checks apply.
func hasJSONReply(o *spec.Operation) bool { return jsonSchema(o, o.ExpectStatus) != nil }
