// Package spec loads OpenAPI documents with kin-openapi and reads svccheck's extension vocabulary
// (docs/spec-extensions.md), turning each operation into what the checks need: how it authenticates,
// where it is routed, how WCF wraps it, and an example request.
package spec

import (
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/svccheck/svccheck/reference/charset"
	"github.com/svccheck/svccheck/reference/wcf"
)

// Auth is how an operation authenticates; it decides which checks apply.
type Auth string

// The auth classes: x-svccheck-auth values, or derived from the standard security requirement.
const (
	AuthCookie    Auth = "cookie"    // needs the forms cookie (and BPMCSRF for unsafe methods)
	AuthAnonymous Auth = "anonymous" // registered for anonymous access
	AuthLogin     Auth = "login"     // AuthService.svc/Login itself
)

// Route says whether a path lives in the workspace application (under /0 on netfx) or at the site root.
type Route string

// The route bases: x-svccheck-route values.
const (
	RouteWorkspace Route = "workspace"
	RouteRoot      Route = "root"
)

// Spec is one loaded document.
type Spec struct {
	// File is the name the user gave (or specs/NAME for bundled specs); every error names it.
	File string
	Doc  *openapi3.T
	// SHA256 is the hex digest of the file's bytes, so reports say exactly which contract was checked.
	SHA256 string
	// Operations in document order (paths sorted, then methods).
	Operations []*Operation
}

// Operation is one operation of a spec, with the extensions resolved.
type Operation struct {
	Spec *Spec
	// Line is the line of the operation's method key in File, for findings and SARIF.
	Line   int
	ID     string // operationId, or "METHOD path" when absent
	Method string
	Path   string // as written in the spec: flavor-neutral, without /0
	Auth   Auth
	Route  Route
	// BodyStyle is x-wcf-body-style (WCF's default Bare when absent).
	BodyStyle wcf.BodyStyle
	// ResultMember wraps the return value in Wrapped replies: x-wcf-result, or <x-wcf-operation>Result.
	ResultMember string
	// Charset of request and reply bodies (x-svccheck-charset, default utf-8); always a name
	// reference/charset resolves.
	Charset string
	// Flavors the operation exists on (x-svccheck-flavors); empty means both. A custom-encoding
	// service is netfx only, so its checks must not run against net.
	Flavors []string
	// Echo names the parameter whose value the operation returns unchanged (x-svccheck-echo): the
	// charset checks send probe text through it.
	Echo string
	// OutParams are the out parameters a Wrapped reply carries after the result (x-wcf-out-params).
	OutParams []string
	// MaxBody is the endpoint's maxReceivedMessageSize when the spec states it
	// (x-wcf-max-received-message-size); 0 when unknown.
	MaxBody int64
	// ExpectStatus is the status a correct call gets: the lowest declared 2xx, else the only
	// declared status (operations that always fault, e.g. with WebFaultException).
	ExpectStatus int
	// EndsSession marks operations that end the caller's session (x-svccheck-ends-session): checks
	// give them a login of their own so the shared one survives.
	EndsSession bool
	// Example is the request built from the spec's examples.
	Example  Example
	PathItem *openapi3.PathItem
	Op       *openapi3.Operation
}

// Example is a request assembled from parameter and body examples.
type Example struct {
	// Path is the operation's path with path parameters filled in.
	Path        string
	Query       map[string]string
	Body        []byte
	ContentType string
}

// Unsafe reports whether the method changes state, so CSRF protection applies (creatio-wire.md §4.2).
func (o *Operation) Unsafe() bool {
	switch o.Method {
	case "GET", "HEAD", "OPTIONS", "TRACE":
		return false
	}
	return true
}

// RunsOn reports whether the operation exists on a flavor (x-svccheck-flavors).
func (o *Operation) RunsOn(flavor string) bool {
	if len(o.Flavors) == 0 {
		return true
	}
	for _, f := range o.Flavors {
		if f == flavor {
			return true
		}
	}
	return false
}

// Text is the operation's charset, resolved.
func (o *Operation) Text() *charset.Charset {
	c, err := charset.Lookup(o.Charset)
	if err != nil {
		return charset.UTF8 // cannot happen: the loader refused unknown names
	}
	return c
}

// CustomCharset reports a charset outside UTF-8/UTF-16: a custom text encoding, netfx only.
func (o *Operation) CustomCharset() bool { return !o.Text().IsUnicode() }

// QueryCharset is the charset of the query string: the custom encoding's (the Academy example
// reads ISO-8859-1 query strings), else UTF-8 — webHttpBinding's UriTemplate reads UTF-8 even when
// bodies are UTF-16.
func (o *Operation) QueryCharset() *charset.Charset {
	if o.CustomCharset() {
		return o.Text()
	}
	return charset.UTF8
}

// Name is how reports refer to the operation: "METHOD /path".
func (o *Operation) Name() string { return o.Method + " " + o.Path }
