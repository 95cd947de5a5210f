package spec

import "github.com/getkin/kin-openapi/openapi3"

// Formats are the string formats svccheck validates, beyond JSON Schema's own: WCF's DateTime text
// (after JSON unescaping, "/Date(ms[±hhmm])/") and Guid in .NET's "D" form. Checks pass them to
// kin-openapi per validation, so nothing is registered process-wide.
func Formats() openapi3.SchemaValidationOption {
	return openapi3.WithStringFormatValidators(map[string]openapi3.StringFormatValidator{
		"wcf-date": openapi3.NewRegexpFormatValidator(`^/Date\(-?[0-9]+([+-][0-9]{4})?\)/$`),
		"uuid":     openapi3.NewRegexpFormatValidator(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`),
	})
}
