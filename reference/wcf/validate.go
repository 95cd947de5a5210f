package wcf

import (
	"net/http"
	"reflect"
	"strings"
)

// Validate parses the templates and refuses contracts WCF would refuse at start-up (wcf-wire.md §2),
// so a broken contract stops the host instead of serving half its operations.
func (s *Service) Validate() error {
	seen := map[string]string{}
	for _, op := range s.Operations {
		fail := func(key, msg string) error {
			return &ContractError{Service: s.FullName(), Operation: op.Name, Key: key, Msg: msg}
		}
		t, err := parseTemplate(op.Template())
		if err != nil {
			return fail("UriTemplateInvalid", err.Error())
		}
		op.tmpl = t
		if op.Handler == nil {
			return fail("NoHandler", "the operation has no implementation")
		}
		if err := s.checkOperation(op, fail); err != nil {
			return err
		}
		key := op.HTTPMethod() + " " + t.shape()
		if other, dup := seen[key]; dup {
			return fail("MultipleOperationsInContractWithPathMethod", "same method and template as "+other)
		}
		seen[key] = op.Name
	}
	return nil
}

func (s *Service) checkOperation(op *Operation, fail func(key, msg string) error) error {
	params := map[string]Param{}
	for _, p := range op.Params {
		params[strings.ToLower(p.Name)] = p
	}
	for _, v := range op.tmpl.vars() {
		p, ok := params[strings.ToLower(v.name)]
		switch {
		case !ok:
			return fail("UriTemplateMissingVar", "template variable {"+v.name+"} has no parameter")
		case v.inPath && p.Type.Kind() != reflect.String:
			return fail("UriTemplatePathVarMustBeString", "path variable {"+v.name+"} must bind a string parameter")
		case !v.inPath && !convertible(p.Type):
			return fail("UriTemplateQueryVarMustBeConvertible", "query variable {"+v.name+"} has a type QueryStringConverter cannot convert")
		}
	}
	body := op.bodyParams()
	switch {
	case op.HTTPMethod() == http.MethodGet && len(body) > 0:
		return fail("GETCannotHaveBody", "a GET operation cannot have body parameter "+body[0].Name)
	case !op.BodyStyle.WrapsRequest() && len(body) > 1:
		return fail("AtMostOneRequestBodyParameterAllowedForUnwrappedMessages", "a Bare request allows one body parameter")
	case !op.BodyStyle.WrapsResponse() && len(op.outParams()) > 0:
		return fail("OnlyReturnValueBodyParameterAllowedForUnwrappedMessages", "a Bare reply cannot carry out parameters")
	}
	for _, p := range body {
		if p.Type == StreamType && (len(body) > 1 || op.BodyStyle.WrapsRequest()) {
			return fail("InvalidStreamInRequestMessage", "a Stream parameter must be the only, unwrapped body parameter")
		}
	}
	return nil
}

// takesStream reports whether the operation reads the raw body (Raw format only).
func (o *Operation) takesStream() bool {
	for _, p := range o.bodyParams() {
		if p.Type == StreamType {
			return true
		}
	}
	return false
}
