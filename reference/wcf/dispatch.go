package wcf

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"sort"
	"strings"
)

// Options change one dispatch; the host derives them from its seeded faults.
type Options struct {
	// BareResult answers Wrapped operations with the bare value (the unwrapped-result fault).
	BareResult bool
}

// Serve dispatches a request whose path below the service is opPath (e.g. "GetContactIdByName").
// Operations use WCF's default UriTemplate: literal match ignoring case, parameters from the query
// string for GET and from the body otherwise (wcf-wire.md §3.1).
func (s *Service) Serve(w http.ResponseWriter, r *http.Request, opPath string, opt Options) {
	var allow []string
	for _, op := range s.Operations {
		if !strings.EqualFold(op.Name, opPath) {
			continue
		}
		if op.HTTPMethod() == r.Method {
			s.invoke(w, r, op, opt)
			return
		}
		allow = append(allow, op.HTTPMethod())
	}
	if len(allow) == 0 {
		NotFound(w)
		return
	}
	sort.Strings(allow)
	MethodNotAllowed(w, strings.Join(allow, ", "))
}

func (s *Service) invoke(w http.ResponseWriter, r *http.Request, op *Operation, opt Options) {
	args, err := bind(r, op)
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			w.WriteHeader(http.StatusRequestEntityTooLarge)
			return
		}
		RequestError(w, err)
		return
	}
	ret, err := op.Handler(r.Context(), args)
	if err != nil {
		RequestError(w, err)
		return
	}
	var reply any = ret
	if op.BodyStyle.WrapsResponse() && !opt.BareResult {
		reply = map[string]any{op.ResultMember(): ret}
	}
	WriteJSON(w, http.StatusOK, reply)
}

// bind collects parameter values: the query string for GET (names match ignoring case), the body otherwise.
func bind(r *http.Request, op *Operation) (Args, error) {
	args := Args{}
	if op.HTTPMethod() == http.MethodGet {
		q := r.URL.Query()
		for _, p := range op.Params {
			for k, v := range q {
				if strings.EqualFold(k, p) && len(v) > 0 {
					args[p] = v[0]
				}
			}
		}
		return args, nil
	}
	if err := RequireJSON(r.Header.Get("Content-Type")); err != nil {
		return nil, err
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	return bindBody(body, op)
}

// RequireJSON applies WCF's Content-Type → format table (wcf-wire.md §4): only Json is implemented
// for contract operations, and Raw is refused with WCF's own message.
func RequireJSON(contentType string) error {
	mt, _, _ := mime.ParseMediaType(contentType)
	switch mt {
	case "application/json", "text/json":
		return nil
	case "application/xml", "text/xml", "application/rss+xml", "application/atom+xml", "text/html":
		return errors.New("XML request bodies are not served by this reference host")
	}
	return errors.New("The incoming message has an unexpected message format 'Raw'. The expected message formats for the operation are 'Xml', 'Json'.")
}

func bindBody(body []byte, op *Operation) (Args, error) {
	args := Args{}
	if len(strings.TrimSpace(string(body))) == 0 {
		return args, nil
	}
	if !op.BodyStyle.WrapsRequest() {
		if len(op.Params) == 1 {
			var v string
			if err := json.Unmarshal(body, &v); err != nil {
				return nil, fmt.Errorf("$: %v", err)
			}
			args[op.Params[0]] = v
		}
		return args, nil
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(body, &members); err != nil {
		return nil, fmt.Errorf("$: the body of a wrapped request must be a JSON object: %v", err)
	}
	for _, p := range op.Params {
		raw, ok := members[p] // member names are case-sensitive (wcf-wire.md §5.1)
		if !ok || string(raw) == "null" {
			continue
		}
		var v string
		if err := json.Unmarshal(raw, &v); err != nil {
			return nil, fmt.Errorf("$.%s: expected a string: %v", p, err)
		}
		args[p] = v
	}
	return args, nil
}

// WriteJSON writes a reply as WCF's JSON encoder does for these shapes: compact, '/' escaped as '\/'
// and the utf-8 Content-Type label (wcf-wire.md §2, §7.6).
func WriteJSON(w http.ResponseWriter, status int, v any) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		RequestError(w, err)
		return
	}
	out := strings.ReplaceAll(strings.TrimSuffix(b.String(), "\n"), "/", `\/`)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	io.WriteString(w, out)
}
