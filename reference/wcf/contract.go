// Package wcf dispatches requests to service operations the way WCF's WebHttp behaviour does
// (wcf-wire.md §2–§6): operations are declared like [WebInvoke] attributes, matched by UriTemplate
// and method, fed from the template's variables and a Wrapped/Bare body, and answered in WCF's
// shapes, content types and error pages. Bodies are read and written by reference/datacontract.
package wcf

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
)

// BodyStyle is WebMessageBodyStyle: whether request and reply are wrapped in an object (wcf-wire.md §5.1).
type BodyStyle int

// The four body styles, in WCF's enum order. Bare is WCF's default.
const (
	Bare BodyStyle = iota
	Wrapped
	WrappedRequest
	WrappedResponse
)

// String gives the name WCF uses, which the specs' x-wcf-body-style extension also uses.
func (b BodyStyle) String() string {
	return [...]string{"Bare", "Wrapped", "WrappedRequest", "WrappedResponse"}[b]
}

// WrapsRequest reports whether request bodies are objects with one member per parameter.
func (b BodyStyle) WrapsRequest() bool { return b == Wrapped || b == WrappedRequest }

// WrapsResponse reports whether replies are {"<Op>Result":…} objects.
func (b BodyStyle) WrapsResponse() bool { return b == Wrapped || b == WrappedResponse }

// Format is WebMessageFormat. Xml is WCF's default for both directions (wcf-wire.md §2).
type Format int

// The message formats of RequestFormat/ResponseFormat.
const (
	Xml Format = iota
	Json
)

// Param is one parameter of an operation.
type Param struct {
	// Name is the parameter name, or its [MessageParameter(Name=…)] rename: the wire name.
	Name string
	// Type is the Go type the value binds to: string, integers, bool, datacontract types, structs
	// with dc tags, or Stream for a raw body.
	Type reflect.Type
	// Out marks an out parameter: not read from the request, written after the result.
	Out bool
}

// StreamType is the type of a System.IO.Stream parameter: the operation takes the raw body.
var StreamType = reflect.TypeFor[io.Reader]()

// Call is what a handler receives: the bound parameter values by name.
type Call struct {
	Ctx  context.Context
	Args map[string]any
}

// Reply is what a handler returns: the return value (nil for void) and out parameter values.
type Reply struct {
	Result any
	Out    map[string]any
}

// Handler implements an operation. An error that is a *WebFault answers with its status and detail;
// any other error is WCF's 400 Request Error page.
type Handler func(*Call) (Reply, error)

// Operation is one [WebInvoke]/[WebGet] method of a service contract.
type Operation struct {
	// Name is the operation name: the default UriTemplate and the <Name>Result member derive from it.
	Name string
	// Method is WebInvoke.Method; empty means POST as in WCF.
	Method string
	// UriTemplate is WebInvoke.UriTemplate; empty means WCF's default (wcf-wire.md §3.1).
	UriTemplate string
	// BodyStyle is WebInvoke.BodyStyle.
	BodyStyle BodyStyle
	// RequestFormat and ResponseFormat are WebInvoke's; Xml is WCF's default.
	RequestFormat, ResponseFormat Format
	// Params in declaration order.
	Params []Param
	// Result is the return type; nil means void.
	Result reflect.Type
	// ResultName renames <Name>Result, as [return: MessageParameter(Name=…)] does.
	ResultName string
	// Handler implements the operation.
	Handler Handler

	tmpl *template
}

// HTTPMethod is the method the operation answers, applying WCF's POST default.
func (o *Operation) HTTPMethod() string {
	if o.Method == "" {
		return http.MethodPost
	}
	return o.Method
}

// ResultMember is the reply member that wraps the return value.
func (o *Operation) ResultMember() string {
	if o.ResultName != "" {
		return o.ResultName
	}
	return o.Name + "Result"
}

// Template is the effective UriTemplate: the declared one or WCF's default.
func (o *Operation) Template() string {
	if o.UriTemplate != "" {
		return o.UriTemplate
	}
	if o.HTTPMethod() != http.MethodGet {
		return o.Name
	}
	var q []string
	for _, p := range o.Params {
		if !p.Out {
			q = append(q, p.Name+"={"+p.Name+"}")
		}
	}
	if len(q) == 0 {
		return o.Name
	}
	return o.Name + "?" + strings.Join(q, "&")
}

// bodyParams are the parameters read from the body: not out, not bound by the template.
func (o *Operation) bodyParams() []Param {
	var out []Param
	for _, p := range o.Params {
		if !p.Out && !o.tmpl.binds(p.Name) {
			out = append(out, p)
		}
	}
	return out
}

func (o *Operation) outParams() []Param {
	var out []Param
	for _, p := range o.Params {
		if p.Out {
			out = append(out, p)
		}
	}
	return out
}

// Service is a [ServiceContract] class: the unit that URLs, config files and registrations name.
type Service struct {
	// Namespace and Class form the full type name that config files use.
	Namespace, Class string
	// Operations are the contract's operations.
	Operations []*Operation
}

// FullName is the full .NET type name, the key of services.config and AnonymousRoutes.
func (s *Service) FullName() string { return s.Namespace + "." + s.Class }

// ContractError is a contract WCF refuses when the service host opens; Key is WCF's resource key.
type ContractError struct {
	Service, Operation, Key, Msg string
}

func (e *ContractError) Error() string {
	return fmt.Sprintf("service %s, operation %s: %s (%s)", e.Service, e.Operation, e.Msg, e.Key)
}
