package checks

import (
	"context"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/svccheck/svccheck/harness/spec"
)

// Data-contract check IDs.
const (
	ContractResponseSchema = "contract-response-schema"
)

func contractChecks() []Check {
	return []Check{
		{ID: ContractResponseSchema, Title: "The reply's value matches the spec's schema", Severity: SevError,
			Applies: hasJSONReply, Run: checkResponseSchema},
	}
}

// checkResponseSchema validates the legitimate answer — the value inside the WCF wrapper for
// Wrapped replies — against the spec's schema with kin-openapi. The schema describes the return
// value, not the wrapper (docs/spec-extensions.md).
func checkResponseSchema(ctx context.Context, env *Env, op *spec.Operation) Outcome {
	r, o := decodeReply(ctx, env, op)
	if o != nil {
		return *o
	}
	if err := r.schema.VisitJSON(r.value, openapi3.MultiErrors(), spec.Formats()); err != nil {
		return fail(r.path+" does not match the spec's schema: "+oneLine(err.Error()), r.ex)
	}
	return pass("the reply matches the schema", r.ex)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
