package wcf

import (
	"fmt"
	"net/url"
	"strings"
)

// template is a parsed UriTemplate: path segments (literals, {var}, a final {*rest}) and query
// variables (wcf-wire.md §3). Compound segments and {var=default} are not supported here.
type template struct {
	segs  []segment
	query []queryVar
}

type segment struct {
	lit      string // literal text ("" for a trailing slash)
	variable string // {variable}; "" for a literal
	wildcard bool   // {*variable}: the rest of the path
}

type queryVar struct{ name, variable string }

type tvar struct {
	name   string
	inPath bool
}

func parseTemplate(s string) (*template, error) {
	path, query, _ := strings.Cut(strings.TrimPrefix(s, "/"), "?")
	t := &template{}
	for i, raw := range strings.Split(path, "/") {
		seg, err := parseSegment(raw)
		if err != nil {
			return nil, err
		}
		if seg.wildcard && i != strings.Count(path, "/") {
			return nil, fmt.Errorf("template %q: {*%s} must be the last segment", s, seg.variable)
		}
		t.segs = append(t.segs, seg)
	}
	if query == "" {
		return t, nil
	}
	for _, pair := range strings.Split(query, "&") {
		name, val, _ := strings.Cut(pair, "=")
		if !strings.HasPrefix(val, "{") || !strings.HasSuffix(val, "}") || name == "" {
			return nil, fmt.Errorf("template %q: query part %q must be name={variable}", s, pair)
		}
		t.query = append(t.query, queryVar{name: name, variable: val[1 : len(val)-1]})
	}
	return t, nil
}

func parseSegment(raw string) (segment, error) {
	if !strings.HasPrefix(raw, "{") {
		if strings.ContainsAny(raw, "{}") {
			return segment{}, fmt.Errorf("compound segment %q is not supported", raw)
		}
		return segment{lit: raw}, nil
	}
	if !strings.HasSuffix(raw, "}") || strings.Contains(raw, "=") {
		return segment{}, fmt.Errorf("segment %q: expected {variable} or {*variable}", raw)
	}
	name := raw[1 : len(raw)-1]
	if strings.ContainsAny(name, "{}") {
		return segment{}, fmt.Errorf("compound segment %q is not supported", raw)
	}
	if strings.HasPrefix(name, "*") {
		return segment{variable: name[1:], wildcard: true}, nil
	}
	return segment{variable: name}, nil
}

// vars lists the template's variables.
func (t *template) vars() []tvar {
	var out []tvar
	for _, s := range t.segs {
		if s.variable != "" {
			out = append(out, tvar{name: s.variable, inPath: true})
		}
	}
	for _, q := range t.query {
		out = append(out, tvar{name: q.variable})
	}
	return out
}

// binds reports whether a parameter is bound by the template (names compare ignoring case).
func (t *template) binds(param string) bool {
	for _, v := range t.vars() {
		if strings.EqualFold(v.name, param) {
			return true
		}
	}
	return false
}

// shape is the template with literals lower-cased and variables blanked: equal shapes collide.
func (t *template) shape() string {
	parts := make([]string, len(t.segs))
	for i, s := range t.segs {
		parts[i] = strings.ToLower(s.lit)
		if s.variable != "" {
			parts[i] = "{}"
		}
	}
	return strings.Join(parts, "/")
}

// match binds a request path (below the service, no leading slash, still escaped) and query.
// Literals and query names compare ignoring case (wcf-wire.md §3.2).
func (t *template) match(escapedPath string, q url.Values) (map[string]string, bool) {
	got := strings.Split(escapedPath, "/")
	vals := map[string]string{}
	for i, s := range t.segs {
		if s.wildcard {
			rest, err := url.PathUnescape(strings.Join(got[i:], "/"))
			vals[s.variable] = rest
			return t.matchQuery(vals, q), err == nil
		}
		if i >= len(got) {
			return nil, false
		}
		v, err := url.PathUnescape(got[i])
		if err != nil {
			return nil, false
		}
		switch {
		case s.variable != "" && v != "":
			vals[s.variable] = v
		case s.variable == "" && strings.EqualFold(s.lit, v):
		default:
			return nil, false
		}
	}
	if len(got) != len(t.segs) {
		return nil, false
	}
	return t.matchQuery(vals, q), true
}

func (t *template) matchQuery(vals map[string]string, q url.Values) map[string]string {
	for _, qv := range t.query {
		for k, v := range q {
			if strings.EqualFold(k, qv.name) && len(v) > 0 {
				vals[qv.variable] = v[0]
			}
		}
	}
	return vals
}
