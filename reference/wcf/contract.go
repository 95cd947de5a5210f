// Package wcf dispatches requests to service operations the way WCF's WebHttp behaviour does
// (wcf-wire.md §2–§6): operations are declared like [WebInvoke] attributes, matched by template and
// method, fed from the query string or a Wrapped/Bare body, and answered in WCF's shapes and error pages.
package wcf

import (
	"context"
	"fmt"
	"net/http"
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

// Args carries an operation's parameter values by name, as WCF bound them.
type Args map[string]string

// Handler is an operation's implementation: it returns the reply value or an error that the
// dispatcher turns into WCF's 400 Request Error page (or a WebFault's own status).
type Handler func(ctx context.Context, args Args) (any, error)

// Operation is one [WebInvoke]/[WebGet] method of a service contract.
type Operation struct {
	// Name is the operation name: the default UriTemplate and the <Name>Result member derive from it.
	Name string
	// Method is WebInvoke.Method; empty means POST as in WCF.
	Method string
	// BodyStyle is WebInvoke.BodyStyle.
	BodyStyle BodyStyle
	// Params are the string parameters in declaration order.
	Params []string
	// ResultName renames <Name>Result, as [return: MessageParameter(Name=…)] does.
	ResultName string
	// Handler implements the operation.
	Handler Handler
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

// Service is a [ServiceContract] class: the unit that URLs, config files and registrations name.
type Service struct {
	// Namespace and Class form the full type name that config files use.
	Namespace, Class string
	// Operations are the contract's operations.
	Operations []*Operation
}

// FullName is the full .NET type name, the key of services.config and AnonymousRoutes.
func (s *Service) FullName() string { return s.Namespace + "." + s.Class }

// Validate refuses contracts WCF would refuse at start-up, so a broken demo never serves half its operations.
func (s *Service) Validate() error {
	seen := map[string]bool{}
	for _, op := range s.Operations {
		key := op.HTTPMethod() + " " + strings.ToLower(op.Name)
		if seen[key] {
			return fmt.Errorf("service %s: two operations answer %s (MultipleOperationsInContractWithPathMethod)", s.FullName(), key)
		}
		seen[key] = true
		if op.Handler == nil {
			return fmt.Errorf("service %s: operation %s has no handler", s.FullName(), op.Name)
		}
		if op.BodyStyle == Bare && op.HTTPMethod() != http.MethodGet && len(op.Params) > 1 {
			return fmt.Errorf("service %s: operation %s: Bare allows at most one body parameter (AtMostOneRequestBodyParameterAllowedForUnwrappedMessages)", s.FullName(), op.Name)
		}
	}
	return nil
}
