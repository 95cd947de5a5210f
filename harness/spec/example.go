package spec

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// buildExample assembles the request the checks send, from parameter and body examples. A required
// parameter or body without an example is an error: the checks would otherwise send a request the
// service must refuse, and report the service for it.
func buildExample(o *Operation) (Example, error) {
	ex := Example{Query: map[string]string{}}
	path := o.Path
	for _, ref := range append(append(openapi3.Parameters{}, o.PathItem.Parameters...), o.Op.Parameters...) {
		p := ref.Value
		v, ok := paramExample(p)
		jp := "paths." + o.Path + "." + strings.ToLower(o.Method) + ".parameters." + p.Name
		if !ok {
			if p.Required || p.In == openapi3.ParameterInPath {
				return ex, errAt(o.Spec, o.Line, jp, CodeExample, "required parameter has no example to send")
			}
			continue
		}
		switch p.In {
		case openapi3.ParameterInQuery:
			ex.Query[p.Name] = v
		case openapi3.ParameterInPath:
			path = strings.ReplaceAll(path, "{"+p.Name+"}", v)
		}
	}
	ex.Path = path
	return ex, bodyExample(o, &ex)
}

func paramExample(p *openapi3.Parameter) (string, bool) {
	v := p.Example
	if v == nil {
		for _, e := range p.Examples {
			if e.Value != nil {
				v = e.Value.Value
				break
			}
		}
	}
	if v == nil && p.Schema != nil && p.Schema.Value != nil {
		v = p.Schema.Value.Example
	}
	if v == nil {
		return "", false
	}
	switch x := v.(type) {
	case string:
		return x, true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	default:
		return fmt.Sprint(x), true
	}
}

func bodyExample(o *Operation, ex *Example) error {
	if o.Op.RequestBody == nil || o.Op.RequestBody.Value == nil {
		return nil
	}
	rb := o.Op.RequestBody.Value
	ct, media := "application/json", rb.Content.Get("application/json")
	if media == nil {
		for k, m := range rb.Content {
			ct, media = k, m
			break
		}
	}
	if media == nil {
		return nil
	}
	v := media.Example
	if v == nil {
		for _, e := range media.Examples {
			if e.Value != nil {
				v = e.Value.Value
				break
			}
		}
	}
	if v == nil && media.Schema != nil && media.Schema.Value != nil {
		v = media.Schema.Value.Example
	}
	if v == nil {
		if rb.Required && o.Auth != AuthLogin { // the login body is built from the run's credentials
			return errAt(o.Spec, o.Line, "paths."+o.Path+"."+strings.ToLower(o.Method)+".requestBody", CodeExample,
				"required request body has no example to send")
		}
		return nil
	}
	ex.ContentType = ct
	if str, isStr := v.(string); isStr && !strings.Contains(ct, "json") {
		ex.Body = []byte(str) // a raw (Stream) body is sent as written
		return nil
	}
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	ex.Body = body
	return nil
}
