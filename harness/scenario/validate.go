package scenario

import (
	"encoding/json"
	"flag"
	"fmt"
	"mime"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/rogpeppe/go-internal/testscript"

	"github.com/svccheck/svccheck/harness/spec"
)

func validateCommand() Command {
	return Command{Name: "validate", Args: "OPERATION-ID", MinArgs: 1, MaxArgs: 1,
		Summary: "The last response conforms to the spec operation (by operationId, from the run's --spec or the bundled specs): " +
			"its status is declared, and a JSON answer has WCF's wrapper for Wrapped operations ({\"<Op>Result\":…}, F07) and " +
			"a value matching the schema (kin-openapi).",
		Example: "validate UsrDemoService.GetContactIdByName",
		Flags: func(fs *flag.FlagSet) func(*State, *testscript.TestScript, bool, []string) {
			return func(st *State, ts *testscript.TestScript, _ bool, args []string) {
				op := findOperation(st.specs, args[0])
				if op == nil {
					ts.Fatalf("validate: no operation %q in the run's specs", args[0])
				}
				if err := conforms(decodedBody(ts, st.lastOrFail(ts, "validate")), st.last.Status, st.last.Header.Get("Content-Type"), op); err != nil {
					ts.Fatalf("validate %s: %s", args[0], st.red.String(err.Error()))
				}
				ts.Logf("the response conforms to %s (%s)", args[0], op.Spec.File)
			}
		}}
}

func findOperation(specs []*spec.Spec, id string) *spec.Operation {
	for _, s := range specs {
		for _, op := range s.Operations {
			if op.ID == id {
				return op
			}
		}
	}
	return nil
}

// conforms checks an answer against an operation; nil when it conforms.
func conforms(body string, status int, contentType string, op *spec.Operation) error {
	ref := op.Op.Responses.Status(status)
	if ref == nil {
		ref = op.Op.Responses.Default()
	}
	if ref == nil || ref.Value == nil {
		return fmt.Errorf("status %d is not declared by the operation", status)
	}
	mt := ref.Value.Content.Get("application/json")
	if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
		return nil
	}
	if m, _, _ := mime.ParseMediaType(contentType); m != "application/json" {
		return fmt.Errorf("expected Content-Type application/json, got %q", contentType)
	}
	var value any
	if err := json.Unmarshal([]byte(body), &value); err != nil {
		return fmt.Errorf("the body is not JSON: %v", err)
	}
	path := "$"
	if op.BodyStyle.WrapsResponse() {
		obj, _ := value.(map[string]any)
		inner, found := obj[op.ResultMember]
		if !found {
			return fmt.Errorf("the operation is %s but the reply is not wrapped in {%q:…} (F07)", op.BodyStyle, op.ResultMember)
		}
		value, path = inner, "$."+op.ResultMember
	}
	if err := mt.Schema.Value.VisitJSON(value, openapi3.MultiErrors()); err != nil {
		return fmt.Errorf("%s does not match the schema: %s", path, strings.Join(strings.Fields(err.Error()), " "))
	}
	return nil
}
