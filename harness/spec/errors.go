package spec

import "fmt"

// Error is a problem in a spec document, located by file and line (or JSON path) so the user can
// fix it without guessing; Code is stable for tests and tooling.
type Error struct {
	File string
	Line int    // 0 when unknown
	Path string // JSON path inside the document, e.g. paths./rest/X.get.x-wcf-body-style
	Code string
	Msg  string
}

// Error codes.
const (
	CodeRead      = "read"      // the file cannot be read
	CodeSyntax    = "syntax"    // not YAML/JSON
	CodeInvalid   = "invalid"   // not a valid OpenAPI document
	CodeExtension = "extension" // an x-svccheck/x-wcf value is wrong
	CodeExample   = "example"   // an example cannot be turned into a request
)

func (e *Error) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	if e.Path != "" {
		return fmt.Sprintf("%s: %s: %s", loc, e.Path, e.Msg)
	}
	return fmt.Sprintf("%s: %s", loc, e.Msg)
}
