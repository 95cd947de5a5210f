package checks

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"mime"
	"slices"
	"strings"

	"github.com/svccheck/svccheck/harness/spec"
	"github.com/svccheck/svccheck/reference/charset"
)

// WCF reply check IDs.
const (
	WCFReplyShape  = "wcf-reply-shape"
	WCFContentType = "wcf-content-type"
)

func wcfChecks() []Check {
	return []Check{
		{ID: WCFReplyShape, Title: "The reply has the body style's shape: {\"<Op>Result\":…} for Wrapped, the bare value for Bare", Severity: SevError,
			Applies: func(o *spec.Operation) bool { return hasJSONReply(o) && o.ExpectStatus < 300 }, Run: checkReplyShape},
		{ID: WCFContentType, Title: "A JSON reply is labelled application/json with the operation's charset", Severity: SevError,
			Applies: hasJSONReply, Run: checkContentType},
	}
}

// checkReplyShape compares the reply with the declared body style (F07): Wrapped and
// WrappedResponse replies are objects with exactly the result member and the out parameters;
// Bare and WrappedRequest replies are the value itself.
func checkReplyShape(ctx context.Context, env *Env, op *spec.Operation) Outcome {
	ex, err := env.legitimate(ctx, op)
	if err != nil {
		return broken(err, ex)
	}
	var value any
	text, _, terr := replyText(ex, op)
	if ex.Status != op.ExpectStatus || terr != nil || json.Unmarshal([]byte(text), &value) != nil {
		return skip("no JSON "+fmt.Sprint(op.ExpectStatus)+" answer to judge ("+describe(ex)+")", ex)
	}
	obj, isObj := value.(map[string]any)
	want := append([]string{op.ResultMember}, op.OutParams...)
	if op.BodyStyle.WrapsResponse() {
		if got := slices.Sorted(maps.Keys(obj)); !isObj || !slices.Equal(got, slices.Sorted(slices.Values(want))) {
			return fail(fmt.Sprintf("the operation is %s, so the reply must be an object with exactly %s; got %s: clients reading response.%s get nothing (F07)",
				op.BodyStyle, strings.Join(want, ", "), shapeOf(value), op.ResultMember), ex)
		}
		return pass("wrapped in "+strings.Join(want, ", ")+" as "+op.BodyStyle.String()+" requires", ex)
	}
	if _, wrapped := obj[op.ResultMember]; isObj && wrapped && len(obj) == 1 {
		return fail(fmt.Sprintf("the operation is %s, but the reply is wrapped in {%q:…}: clients expecting the bare value get an object", op.BodyStyle, op.ResultMember), ex)
	}
	return pass("the bare value, as "+op.BodyStyle.String()+" requires", ex)
}

// checkContentType requires application/json and the charset the operation speaks (utf-8 unless
// x-svccheck-charset says otherwise): clients pick their parser and decoder from this header.
func checkContentType(ctx context.Context, env *Env, op *spec.Operation) Outcome {
	ex, err := env.legitimate(ctx, op)
	if err != nil {
		return broken(err, ex)
	}
	if ex.Status != op.ExpectStatus || len(ex.Body) == 0 {
		return skip("no "+fmt.Sprint(op.ExpectStatus)+" answer with a body to judge ("+describe(ex)+")", ex)
	}
	ct := ex.Header.Get("Content-Type")
	mt, params, err := mime.ParseMediaType(ct)
	switch {
	case err != nil:
		return fail(fmt.Sprintf("Content-Type %q does not parse: %v", ct, err), ex)
	case mt != "application/json":
		return fail(fmt.Sprintf("expected Content-Type application/json, got %q: clients choose their parser by it (F17)", ct), ex)
	case !charset.Same(params["charset"], op.Charset):
		return fail(fmt.Sprintf("expected charset=%s in Content-Type, got %q (F21)", op.Charset, ct), ex)
	}
	return pass("Content-Type "+ct, ex)
}

// shapeOf describes a JSON value briefly for a reason text.
func shapeOf(v any) string {
	switch x := v.(type) {
	case map[string]any:
		return "an object with members " + strings.Join(slices.Sorted(maps.Keys(x)), ", ")
	case []any:
		return "an array"
	case string:
		return "a bare string"
	case nil:
		return "null"
	}
	return "a bare " + fmt.Sprintf("%T", v)
}
