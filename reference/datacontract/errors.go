package datacontract

import "fmt"

// Code is a stable, machine-readable error class, so callers (checks, reports) can
// branch on the kind of failure without parsing messages.
type Code string

// Error codes. They are part of the API: reports and baselines key on them.
const (
	CodeSyntax          Code = "syntax"               // input is not JSON that DCJS reads
	CodeType            Code = "type_mismatch"        // JSON kind does not fit the Go/.NET type
	CodeRange           Code = "out_of_range"         // number, date or char outside the .NET type's range
	CodeRequired        Code = "required_missing"     // an IsRequired member is absent (DCJS refuses)
	CodeDate            Code = "invalid_date"         // DateTime text is not \/Date(ms[±hhmm])\/
	CodeFormat          Code = "invalid_format"       // Guid, TimeSpan, Decimal or number text malformed
	CodeUnknownType     Code = "unknown_type"         // __type names no known type, or a value's type is not known
	CodeUnsupported     Code = "unsupported_type"     // Go type with no DCJS equivalent (chan, func, complex)
	CodeNotEmitted      Code = "required_not_emitted" // required + omitdefault member holds its default
	CodeDuplicateKey    Code = "duplicate_key"        // dictionary key repeated (Dictionary.Add throws)
	CodeInvalidArgument Code = "invalid_argument"     // Unmarshal target is not a non-nil pointer
)

// Error is the only error type the package returns. Path is a JSON path such as
// $.Items[2].Birth so a report can point at the exact value, and Code is stable
// across releases (kin-openapi style), unlike Msg.
type Error struct {
	Path string
	Code Code
	Msg  string
}

// Error renders "path: message (code)" so logs stay readable without losing the code.
func (e *Error) Error() string {
	return fmt.Sprintf("%s: %s (%s)", e.Path, e.Msg, e.Code)
}

func newErr(path string, code Code, format string, args ...any) *Error {
	return &Error{Path: path, Code: code, Msg: fmt.Sprintf(format, args...)}
}
