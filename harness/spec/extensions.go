package spec

import (
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/svccheck/svccheck/reference/charset"
	"github.com/svccheck/svccheck/reference/profile"
	"github.com/svccheck/svccheck/reference/wcf"
)

// Extension names (docs/spec-extensions.md). Unknown x-svccheck-*/x-wcf-* keys are errors, so a typo
// never silently changes what is checked.
const (
	extAuth        = "x-svccheck-auth"
	extRoute       = "x-svccheck-route"
	extCharset     = "x-svccheck-charset"
	extEndsSession = "x-svccheck-ends-session"
	extBodyStyle   = "x-wcf-body-style"
	extOperation   = "x-wcf-operation"
	extResult      = "x-wcf-result"
	extOutParams   = "x-wcf-out-params"
	extMaxBody     = "x-wcf-max-received-message-size"
	extFlavors     = "x-svccheck-flavors"
	extEcho        = "x-svccheck-echo"
)

var knownExt = map[string]bool{extAuth: true, extRoute: true, extCharset: true, extEndsSession: true,
	extBodyStyle: true, extOperation: true, extResult: true, extOutParams: true, extMaxBody: true,
	extFlavors: true, extEcho: true}

var bodyStyles = map[string]wcf.BodyStyle{"Bare": wcf.Bare, "Wrapped": wcf.Wrapped,
	"WrappedRequest": wcf.WrappedRequest, "WrappedResponse": wcf.WrappedResponse}

// newOperation resolves one operation's extensions and example request.
func newOperation(s *Spec, path, method string, item *openapi3.PathItem, line int) (*Operation, error) {
	op := item.GetOperation(method)
	o := &Operation{Spec: s, Line: line, ID: op.OperationID, Method: method, Path: path, PathItem: item, Op: op,
		Route: RouteWorkspace, Charset: "utf-8"}
	if o.ID == "" {
		o.ID = o.Name()
	}
	jp := "paths." + path + "." + strings.ToLower(method)
	ext := extReader{s: s, line: line, jp: jp, ext: op.Extensions}
	if err := ext.unknown(); err != nil {
		return nil, err
	}
	var err error
	if o.Auth, err = authOf(s, op, ext); err != nil {
		return nil, err
	}
	route, err := ext.oneOf(extRoute, string(RouteWorkspace), string(RouteWorkspace), string(RouteRoot))
	if err != nil {
		return nil, err
	}
	o.Route = Route(route)
	style, err := ext.oneOf(extBodyStyle, "Bare", "Bare", "Wrapped", "WrappedRequest", "WrappedResponse")
	if err != nil {
		return nil, err
	}
	o.BodyStyle = bodyStyles[style]
	name, err := ext.str(extOperation, path[strings.LastIndex(path, "/")+1:])
	if err != nil {
		return nil, err
	}
	if o.ResultMember, err = ext.str(extResult, name+"Result"); err != nil {
		return nil, err
	}
	if o.Charset, err = ext.str(extCharset, "utf-8"); err != nil {
		return nil, err
	}
	if _, err := charset.Lookup(o.Charset); err != nil {
		return nil, errAt(s, line, jp+"."+extCharset, CodeExtension, "%v", err)
	}
	if o.Flavors, err = ext.strings(extFlavors); err != nil {
		return nil, err
	}
	for _, f := range o.Flavors {
		if _, err := profile.ParseFlavor(f); err != nil {
			return nil, errAt(s, line, jp+"."+extFlavors, CodeExtension, "%v", err)
		}
	}
	if o.Echo, err = ext.str(extEcho, ""); err != nil {
		return nil, err
	}
	if o.EndsSession, err = ext.boolean(extEndsSession); err != nil {
		return nil, err
	}
	if o.OutParams, err = ext.strings(extOutParams); err != nil {
		return nil, err
	}
	if o.MaxBody, err = ext.integer(extMaxBody); err != nil {
		return nil, err
	}
	if o.ExpectStatus, err = expectStatus(o); err != nil {
		return nil, err
	}
	if o.Example, err = buildExample(o); err != nil {
		return nil, err
	}
	return o, nil
}

// authOf reads x-svccheck-auth, or derives it from the standard security requirement: none → anonymous,
// an apiKey cookie scheme → cookie.
func authOf(s *Spec, op *openapi3.Operation, ext extReader) (Auth, error) {
	if _, ok := ext.ext[extAuth]; ok {
		a, err := ext.oneOf(extAuth, "", string(AuthCookie), string(AuthAnonymous), string(AuthLogin))
		return Auth(a), err
	}
	reqs := s.Doc.Security
	if op.Security != nil {
		reqs = *op.Security
	}
	if len(reqs) == 0 {
		return AuthAnonymous, nil
	}
	for _, req := range reqs {
		if len(req) == 0 {
			return AuthAnonymous, nil
		}
		for name := range req {
			if isCookieScheme(s.Doc, name) {
				return AuthCookie, nil
			}
		}
	}
	return "", errAt(s, ext.line, ext.jp+".security", CodeExtension,
		"cannot tell how the operation authenticates: use an apiKey scheme in a cookie, security: [] or %s", extAuth)
}

func isCookieScheme(doc *openapi3.T, name string) bool {
	if doc.Components == nil {
		return false
	}
	ref := doc.Components.SecuritySchemes[name]
	return ref != nil && ref.Value != nil && ref.Value.Type == "apiKey" && ref.Value.In == "cookie"
}

// extReader reads typed extension values and reports mistakes at the operation's location.
type extReader struct {
	s    *Spec
	line int
	jp   string
	ext  map[string]any
}

func (r extReader) unknown() error {
	for k := range r.ext {
		if (strings.HasPrefix(k, "x-svccheck-") || strings.HasPrefix(k, "x-wcf-")) && !knownExt[k] {
			return errAt(r.s, r.line, r.jp+"."+k, CodeExtension, "unknown extension (see docs/spec-extensions.md)")
		}
	}
	return nil
}

func (r extReader) str(key, def string) (string, error) {
	v, ok := r.ext[key]
	if !ok {
		return def, nil
	}
	s, ok := v.(string)
	if !ok || s == "" {
		return "", errAt(r.s, r.line, r.jp+"."+key, CodeExtension, "expected a non-empty string, got %v", v)
	}
	return s, nil
}

func (r extReader) oneOf(key, def string, allowed ...string) (string, error) {
	s, err := r.str(key, def)
	if err != nil {
		return "", err
	}
	for _, a := range allowed {
		if s == a {
			return s, nil
		}
	}
	return "", errAt(r.s, r.line, r.jp+"."+key, CodeExtension, "expected one of %s, got %q", strings.Join(allowed, ", "), s)
}

func (r extReader) boolean(key string) (bool, error) {
	v, ok := r.ext[key]
	if !ok {
		return false, nil
	}
	b, ok := v.(bool)
	if !ok {
		return false, errAt(r.s, r.line, r.jp+"."+key, CodeExtension, "expected true or false, got %v", v)
	}
	return b, nil
}

func (r extReader) strings(key string) ([]string, error) {
	v, ok := r.ext[key]
	if !ok {
		return nil, nil
	}
	list, ok := v.([]any)
	var out []string
	for _, x := range list {
		s, isStr := x.(string)
		if !isStr || s == "" {
			ok = false
		}
		out = append(out, s)
	}
	if !ok {
		return nil, errAt(r.s, r.line, r.jp+"."+key, CodeExtension, "expected a list of names, got %v", v)
	}
	return out, nil
}

func (r extReader) integer(key string) (int64, error) {
	v, ok := r.ext[key]
	if !ok {
		return 0, nil
	}
	f, ok := v.(float64)
	if !ok || f < 1 || f != float64(int64(f)) {
		return 0, errAt(r.s, r.line, r.jp+"."+key, CodeExtension, "expected a positive whole number of bytes, got %v", v)
	}
	return int64(f), nil
}

// expectStatus is the status a correct call gets: the lowest declared 2xx, else the only declared one.
func expectStatus(o *Operation) (int, error) {
	var codes []int
	for k := range o.Op.Responses.Map() {
		if n, err := strconv.Atoi(k); err == nil {
			codes = append(codes, n)
		}
	}
	sort.Ints(codes)
	for _, c := range codes {
		if c >= 200 && c < 300 {
			return c, nil
		}
	}
	if len(codes) == 1 {
		return codes[0], nil
	}
	return 0, errAt(o.Spec, o.Line, "paths."+o.Path+"."+strings.ToLower(o.Method)+".responses", CodeInvalid,
		"declare a 2xx response, or exactly one status for an operation that always faults")
}

// misplacedExtensions refuses svccheck's extensions anywhere but on operations (and x-wcf-dictionary
// on schemas): one put on the document, a path item, a parameter, a request body or a response
// would otherwise be ignored without a word.
func misplacedExtensions(s *Spec, root *yaml.Node) error {
	check := func(where string, ext map[string]any) error {
		for k := range ext {
			if strings.HasPrefix(k, "x-svccheck-") || strings.HasPrefix(k, "x-wcf-") {
				return &Error{File: s.File, Line: keyLine(root, k), Path: where + "." + k, Code: CodeExtension,
					Msg: "svccheck's extensions belong on the operation object (docs/spec-extensions.md)"}
			}
		}
		return nil
	}
	if err := check("$", s.Doc.Extensions); err != nil {
		return err
	}
	for path, item := range s.Doc.Paths.Map() {
		if err := check("paths."+path, item.Extensions); err != nil {
			return err
		}
		for method, op := range item.Operations() {
			if err := operationParts(check, "paths."+path+"."+strings.ToLower(method), item, op); err != nil {
				return err
			}
		}
	}
	return nil
}

func operationParts(check func(string, map[string]any) error, jp string, item *openapi3.PathItem, op *openapi3.Operation) error {
	for _, p := range append(append(openapi3.Parameters{}, item.Parameters...), op.Parameters...) {
		if p.Value != nil {
			if err := check(jp+".parameters."+p.Value.Name, p.Value.Extensions); err != nil {
				return err
			}
		}
	}
	if op.RequestBody != nil && op.RequestBody.Value != nil {
		if err := check(jp+".requestBody", op.RequestBody.Value.Extensions); err != nil {
			return err
		}
	}
	for code, r := range op.Responses.Map() {
		if r.Value != nil {
			if err := check(jp+".responses."+code, r.Value.Extensions); err != nil {
				return err
			}
		}
	}
	return nil
}

// keyLine is the line of the first mapping key named key in the document (0 when not found).
func keyLine(n *yaml.Node, key string) int {
	if n == nil {
		return 0
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				return n.Content[i].Line
			}
		}
	}
	for _, c := range n.Content {
		if l := keyLine(c, key); l > 0 {
			return l
		}
	}
	return 0
}
