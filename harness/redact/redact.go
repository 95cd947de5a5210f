// Package redact keeps secrets out of everything svccheck prints or writes. Secrets are removed twice:
// by position (Cookie/Set-Cookie values, BPMCSRF and Authorization headers, password members of JSON
// bodies) and by value (every password and cookie value the run has seen, wherever it turns up).
package redact

import (
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Mask replaces every secret.
const Mask = "[redacted]"

// minSecret is the shortest value redacted by value: shorter ones would mangle ordinary text.
const minSecret = 6

// Redactor collects secrets during a run and scrubs text with them; safe for concurrent use.
type Redactor struct {
	mu      sync.RWMutex
	secrets []string
	public  map[string]bool
}

// New returns a Redactor; public values (user names) are never redacted by value even when a
// password equals them, so reports stay readable.
func New(public ...string) *Redactor {
	r := &Redactor{public: map[string]bool{}}
	for _, p := range public {
		r.public[p] = true
	}
	return r
}

// Add registers an incidental secret (a cookie value, a token) and the forms it takes on the wire.
// Values shorter than minSecret are left alone: they would mangle ordinary text.
func (r *Redactor) Add(secret string) {
	if len(secret) >= minSecret {
		r.add(secret)
	}
}

// AddPassword registers a password whatever its length, with the forms it takes on the wire: a
// password must never show, even a short one. Only a password equal to a public name (the user
// name) stays, since hiding it would hide the user name everywhere.
func (r *Redactor) AddPassword(password string) {
	if password != "" {
		r.add(password)
	}
}

// add registers a value and its encoded forms (JSON string, HTML, URL query and path escapes), so an
// echo in a body, a page or a Location header is caught too.
func (r *Redactor) add(secret string) {
	if r.public[secret] {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, form := range encodedForms(secret) {
		if !slices.Contains(r.secrets, form) {
			r.secrets = append(r.secrets, form)
		}
	}
	sort.Slice(r.secrets, func(i, j int) bool { return len(r.secrets[i]) > len(r.secrets[j]) })
}

func encodedForms(s string) []string {
	forms := []string{s, html.EscapeString(s), url.QueryEscape(s), url.PathEscape(s)}
	for _, escapeHTML := range []bool{true, false} {
		var b strings.Builder
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(escapeHTML)
		enc.Encode(s)
		quoted := strings.TrimSpace(b.String())
		forms = append(forms, quoted[1:len(quoted)-1], strings.ReplaceAll(quoted[1:len(quoted)-1], "/", `\/`))
	}
	return forms
}

// String removes every known secret from s.
func (r *Redactor) String(s string) string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	for _, sec := range r.secrets {
		s = strings.ReplaceAll(s, sec, Mask)
	}
	return s
}

// secretHeaders carry a secret as their whole value.
var secretHeaders = []string{"Bpmcsrf", "Authorization", "Proxy-Authorization", "X-Csrf-Token"}

// Header returns a copy of h with cookie values and secret headers masked.
func (r *Redactor) Header(h http.Header) http.Header {
	out := http.Header{}
	for k, vs := range h {
		ck := http.CanonicalHeaderKey(k)
		for _, v := range vs {
			switch {
			case ck == "Cookie":
				v = cookieValues.ReplaceAllString(v, "$1="+Mask)
			case ck == "Set-Cookie":
				v = setCookieValue.ReplaceAllString(v, "$1="+Mask)
			case isSecretHeader(ck):
				v = Mask
			}
			out.Add(k, r.String(v))
		}
	}
	return out
}

var (
	cookieValues   = regexp.MustCompile(`([^=;\s]+)=[^;]*`)
	setCookieValue = regexp.MustCompile(`^([^=;\s]+)=[^;]*`)
)

func isSecretHeader(k string) bool {
	for _, s := range secretHeaders {
		if s == k {
			return true
		}
	}
	return false
}

// Body returns a body as text with password-like JSON members masked and known secrets removed.
func (r *Redactor) Body(b []byte) string {
	var v any
	if json.Unmarshal(b, &v) == nil && maskMembers(v) {
		if out, err := json.Marshal(v); err == nil {
			b = out
		}
	}
	return r.String(string(b))
}

// maskMembers masks members whose name says they hold a secret; it reports whether it changed any.
func maskMembers(v any) bool {
	changed := false
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if isSecretName(k) {
				x[k], changed = Mask, true
				continue
			}
			changed = maskMembers(val) || changed
		}
	case []any:
		for _, e := range x {
			changed = maskMembers(e) || changed
		}
	}
	return changed
}

func isSecretName(k string) bool {
	l := strings.ToLower(k)
	return strings.Contains(l, "password") || strings.Contains(l, "secret") || l == "access_token" || l == "token"
}
