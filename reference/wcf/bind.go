package wcf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strings"
)

// bindArgs collects parameter values: template variables converted from text, body parameters from
// the body in the format its Content-Type selects (wcf-wire.md §4–§5).
func bindArgs(r *http.Request, op *Operation, vals map[string]string, opt Options) (map[string]any, error) {
	args := map[string]any{}
	for _, p := range op.Params {
		for v, text := range vals {
			if strings.EqualFold(v, p.Name) {
				val, err := convert(p.Name, text, p.Type)
				if err != nil {
					return nil, err
				}
				args[p.Name] = val
			}
		}
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	params := op.bodyParams()
	if len(params) == 0 || len(bytes.TrimSpace(body)) == 0 {
		return args, nil
	}
	if !op.takesStream() && formatOf(r.Header.Get("Content-Type")) == "Json" {
		if body, err = decodeRequest(r.Header.Get("Content-Type"), body, opt); err != nil {
			return nil, err
		}
	}
	return args, bindBody(r.Header.Get("Content-Type"), body, op, params, args, opt)
}

// formatOf is WCF's Content-Type → message format table (wcf-wire.md §4).
func formatOf(contentType string) string {
	mt, _, _ := mime.ParseMediaType(contentType)
	switch mt {
	case "application/json", "text/json":
		return "Json"
	case "application/xml", "text/xml", "application/rss+xml", "application/atom+xml", "text/html":
		return "Xml"
	}
	return "Raw"
}

// RequireJSON refuses request bodies that WCF would not read as JSON, with WCF's own message.
func RequireJSON(contentType string) error {
	if f := formatOf(contentType); f != "Json" {
		return formatError(f, "'Xml', 'Json'")
	}
	return nil
}

func formatError(found, expected string) error {
	if strings.Contains(expected, ",") {
		return fmt.Errorf("The incoming message has an unexpected message format '%s'. The expected message formats for the operation are %s.", found, expected)
	}
	return fmt.Errorf("The incoming message has an unexpected message format '%s'. The expected message format for the operation is %s.", found, expected)
}

func bindBody(contentType string, body []byte, op *Operation, params []Param, args map[string]any, opt Options) error {
	format := formatOf(contentType)
	switch {
	case op.takesStream():
		if format != "Raw" {
			return formatError(format, "'Raw'")
		}
		args[params[0].Name] = io.Reader(bytes.NewReader(body))
		return nil
	case format == "Raw":
		return formatError("Raw", "'Xml', 'Json'")
	case format == "Xml":
		return errors.New("XML request bodies are not read by this reference host (see docs/flavors.md)")
	}
	if !op.BodyStyle.WrapsRequest() || (opt.LenientWrapped && body[0] != '{') {
		v := reflect.New(params[0].Type)
		if err := opt.DC.Unmarshal(body, v.Interface()); err != nil {
			return err
		}
		args[params[0].Name] = v.Elem().Interface()
		return nil
	}
	return bindWrapped(body, params, args, opt)
}

// bindWrapped reads {"p1":v1,"p2":v2} through a struct built for the parameter list, so member
// matching, leniency and error paths are the serializer's own.
func bindWrapped(body []byte, params []Param, args map[string]any, opt Options) error {
	fields := make([]reflect.StructField, len(params))
	for i, p := range params {
		fields[i] = reflect.StructField{Name: fmt.Sprintf("P%d", i), Type: nullable(p.Type), Tag: reflect.StructTag(fmt.Sprintf(`dc:%q`, p.Name))}
	}
	v := reflect.New(reflect.StructOf(fields))
	if err := opt.DC.Unmarshal(body, v.Interface()); err != nil {
		return err
	}
	for i, p := range params {
		if f := v.Elem().Field(i); !f.IsZero() || f.Type() == p.Type {
			args[p.Name] = fromNullable(f, p.Type)
		}
	}
	return nil
}

// bindError answers a request that could not be bound: 413 past the body limit, else 400.
func bindError(w http.ResponseWriter, err error, opt Options) {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		w.WriteHeader(http.StatusRequestEntityTooLarge)
		return
	}
	var cs *charsetError
	if errors.As(err, &cs) {
		w.WriteHeader(opt.Text.charsetStatus()) // the encoder's ProtocolException: empty body
		return
	}
	RequestError(w, err)
}

// nullable is the type that can tell a missing or null member from a value: a pointer, unless
// the type already has a nil (WCF passes null for a missing parameter, wcf-wire.md §5.1).
func nullable(t reflect.Type) reflect.Type {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		return t
	}
	return reflect.PointerTo(t)
}

func fromNullable(v reflect.Value, t reflect.Type) any {
	if v.Type() != t {
		return v.Elem().Interface()
	}
	return v.Interface()
}
