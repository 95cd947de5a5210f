package checks

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/svccheck/svccheck/harness/spec"
)

// DataContractJsonSerializer check IDs (wcf-wire.md §7): what a non-WCF serializer gets wrong.
const (
	DCDateFormat      = "dc-date-format"
	DCRequiredMembers = "dc-required-members"
	DCMemberCase      = "dc-member-case"
	DCDictionaryShape = "dc-dictionary-shape"
	DCBackingFields   = "dc-backing-fields"
)

func dataContractChecks() []Check {
	return []Check{
		{ID: DCDateFormat, Title: "DateTime values are written as \\/Date(ms±hhmm)\\/, not ISO 8601", Severity: SevError,
			Applies: schemaHas(func(s *openapi3.Schema) bool { return s.Format == "wcf-date" }), Run: dcCheck(dateFindings)},
		{ID: DCRequiredMembers, Title: "Every member the contract writes is present", Severity: SevError,
			Applies: schemaHas(func(s *openapi3.Schema) bool { return len(s.Required) > 0 }), Run: dcCheck(requiredFindings)},
		{ID: DCMemberCase, Title: "Member names are exactly the contract's (case-sensitive)", Severity: SevError,
			Applies: schemaHas(func(s *openapi3.Schema) bool { return len(s.Properties) > 0 }), Run: dcCheck(caseFindings)},
		{ID: DCDictionaryShape, Title: "Dictionaries are [{\"Key\":…,\"Value\":…}] arrays", Severity: SevError,
			Applies: schemaHas(isDictionary), Run: dcCheck(dictionaryFindings)},
		{ID: DCBackingFields, Title: "No <Name>k__BackingField member names ([Serializable] types) leak", Severity: SevError,
			Applies: hasJSONReply, Run: dcCheck(backingFieldFindings)},
	}
}

// finder lists what is wrong at one schema position of a reply, as "path: problem" texts.
type finder func(s *openapi3.Schema, v any, path string) []string

// dcCheck walks the legitimate reply along its schema and fails with every finding of f.
func dcCheck(f finder) func(context.Context, *Env, *spec.Operation) Outcome {
	return func(ctx context.Context, env *Env, op *spec.Operation) Outcome {
		r, o := decodeReply(ctx, env, op)
		if o != nil {
			return *o
		}
		var found []string
		walk(r.schema, r.value, r.path, 0, func(s *openapi3.Schema, v any, path string) {
			found = append(found, f(s, v, path)...)
		})
		if len(found) > 0 {
			sort.Strings(found)
			return fail(strings.Join(found, "; "), r.ex)
		}
		return pass("the reply follows the data contract", r.ex)
	}
}

// walk visits every value of a reply with the schema that describes it.
func walk(s *openapi3.Schema, v any, path string, depth int, visit func(*openapi3.Schema, any, string)) {
	if s == nil || depth > 32 {
		return
	}
	visit(s, v, path)
	switch x := v.(type) {
	case map[string]any:
		for name, prop := range s.Properties {
			if pv, ok := x[name]; ok && prop.Value != nil {
				walk(prop.Value, pv, path+"."+name, depth+1, visit)
			}
		}
	case []any:
		if s.Items != nil {
			for i, item := range x {
				walk(s.Items.Value, item, fmt.Sprintf("%s[%d]", path, i), depth+1, visit)
			}
		}
	}
}

// schemaHas applies a check to operations whose reply schema contains a matching schema.
func schemaHas(match func(*openapi3.Schema) bool) func(*spec.Operation) bool {
	return func(o *spec.Operation) bool {
		return hasJSONReply(o) && anySchema(jsonSchema(o, o.ExpectStatus), match, 0)
	}
}

func anySchema(s *openapi3.Schema, match func(*openapi3.Schema) bool, depth int) bool {
	if s == nil || depth > 16 {
		return false
	}
	if match(s) {
		return true
	}
	for _, p := range s.Properties {
		if anySchema(p.Value, match, depth+1) {
			return true
		}
	}
	return s.Items != nil && anySchema(s.Items.Value, match, depth+1)
}

var wcfDate = regexp.MustCompile(`^/Date\(-?[0-9]+([+-][0-9]{4})?\)/$`)

func dateFindings(s *openapi3.Schema, v any, path string) []string {
	str, ok := v.(string)
	if s.Format != "wcf-date" || !ok || wcfDate.MatchString(str) {
		return nil
	}
	return []string{fmt.Sprintf("%s is %q, not \\/Date(ms±hhmm)\\/: WCF clients cannot read it (F08)", path, str)}
}

func requiredFindings(s *openapi3.Schema, v any, path string) []string {
	obj, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	var out []string
	for _, name := range s.Required {
		if _, present := obj[name]; !present {
			out = append(out, fmt.Sprintf("%s lacks the member %q (EmitDefaultValue=false on a member clients rely on?)", path, name))
		}
	}
	return out
}

func caseFindings(s *openapi3.Schema, v any, path string) []string {
	obj, ok := v.(map[string]any)
	if !ok || len(s.Properties) == 0 {
		return nil
	}
	var out []string
	for got := range obj {
		if _, exact := s.Properties[got]; exact {
			continue
		}
		for want := range s.Properties {
			if strings.EqualFold(got, want) {
				out = append(out, fmt.Sprintf("%s has %q where the contract says %q: DataContract names are case-sensitive, so WCF clients read null", path, got, want))
			}
		}
	}
	return out
}

// isDictionary marks schemas of Dictionary<K,V>: x-wcf-dictionary, as docs/spec-extensions.md says.
func isDictionary(s *openapi3.Schema) bool {
	d, _ := s.Extensions["x-wcf-dictionary"].(bool)
	return d
}

func dictionaryFindings(s *openapi3.Schema, v any, path string) []string {
	if _, isObj := v.(map[string]any); isDictionary(s) && isObj {
		return []string{path + ` is a {"key":value} object; DataContractJsonSerializer writes dictionaries as [{"Key":…,"Value":…}] arrays`}
	}
	return nil
}

var backingField = regexp.MustCompile(`^<(.+)>k__BackingField$`)

func backingFieldFindings(_ *openapi3.Schema, v any, path string) []string {
	obj, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	var out []string
	for name := range obj {
		if m := backingField.FindStringSubmatch(name); m != nil {
			out = append(out, fmt.Sprintf("%s has %q: a [Serializable] type writes its auto-property's backing field; mark it [DataContract] with [DataMember] %s", path, name, m[1]))
		}
	}
	return out
}
