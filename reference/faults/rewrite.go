package faults

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// node is a JSON value that keeps member order, so a rewritten reply differs from the original
// only where a fault says.
type node struct {
	keys  []string // object member names; nil for arrays and scalars
	kids  []*node  // object members or array items
	obj   bool
	arr   bool
	value any // scalar: string, json.Number, bool or nil
}

// RewriteJSON applies the reply faults of s to a JSON body; a body that is not JSON is returned as is.
func (s Set) RewriteJSON(body []byte) []byte {
	if !s.RewritesReplies() {
		return body
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	n, err := parseNode(dec)
	if err != nil {
		return body
	}
	s.rewrite(n)
	var b bytes.Buffer
	writeNode(&b, n)
	return b.Bytes()
}

// RewritesReplies reports whether a fault of s changes JSON reply bodies.
func (s Set) RewritesReplies() bool {
	return s[ISODates] || s[CamelCaseMembers] || s[SimpleDictionaries] || s[BackingFields] || s[EmitDefaultFalse]
}

func (s Set) rewrite(n *node) {
	for _, k := range n.kids {
		s.rewrite(k)
	}
	switch {
	case n.arr && s[SimpleDictionaries] && isKeyValueArray(n):
		toObject(n)
	case n.obj:
		s.rewriteMembers(n)
	case s[ISODates]:
		if str, ok := n.value.(string); ok {
			n.value = isoDate(str)
		}
	}
}

func (s Set) rewriteMembers(n *node) {
	var keys []string
	var kids []*node
	for i, k := range n.keys {
		if s[EmitDefaultFalse] && isDefault(n.kids[i]) {
			continue
		}
		if s[CamelCaseMembers] && k != "__type" {
			r := []rune(k)
			r[0] = unicode.ToLower(r[0])
			k = string(r)
		}
		if s[BackingFields] && k != "__type" {
			k = "<" + k + ">k__BackingField"
		}
		keys, kids = append(keys, k), append(kids, n.kids[i])
	}
	n.keys, n.kids = keys, kids
}

func isDefault(n *node) bool {
	switch v := n.value.(type) {
	case nil:
		return !n.obj && !n.arr
	case string:
		return v == ""
	case bool:
		return !v
	case json.Number:
		f, err := v.Float64()
		return err == nil && f == 0
	}
	return false
}

func isKeyValueArray(n *node) bool {
	for _, k := range n.kids {
		if !k.obj || len(k.keys) != 2 || k.keys[0] != "Key" || k.keys[1] != "Value" {
			return false
		}
	}
	return len(n.kids) > 0
}

func toObject(n *node) {
	var keys []string
	var kids []*node
	for _, kv := range n.kids {
		keys, kids = append(keys, fmt.Sprint(kv.kids[0].value)), append(kids, kv.kids[1])
	}
	*n = node{obj: true, keys: keys, kids: kids}
}

var wcfDate = regexp.MustCompile(`^/Date\((-?\d+)([+-]\d{4})?\)/$`)

// isoDate turns "/Date(ms)/" into what System.Text.Json writes: RFC 3339 in UTC.
func isoDate(s string) any {
	m := wcfDate.FindStringSubmatch(s)
	if m == nil {
		return s
	}
	ms, _ := strconv.ParseInt(m[1], 10, 64)
	return time.UnixMilli(ms).UTC().Format("2006-01-02T15:04:05.000Z07:00")
}

func parseNode(dec *json.Decoder) (*node, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		n := &node{obj: true}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return nil, err
			}
			v, err := parseNode(dec)
			if err != nil {
				return nil, err
			}
			n.keys, n.kids = append(n.keys, k.(string)), append(n.kids, v)
		}
		_, err = dec.Token()
		return n, err
	case json.Delim('['):
		n := &node{arr: true}
		for dec.More() {
			v, err := parseNode(dec)
			if err != nil {
				return nil, err
			}
			n.kids = append(n.kids, v)
		}
		_, err = dec.Token()
		return n, err
	}
	return &node{value: tok}, nil
}

func writeNode(w io.Writer, n *node) {
	switch {
	case n.obj:
		io.WriteString(w, "{")
		for i, k := range n.keys {
			if i > 0 {
				io.WriteString(w, ",")
			}
			writeString(w, k)
			io.WriteString(w, ":")
			writeNode(w, n.kids[i])
		}
		io.WriteString(w, "}")
	case n.arr:
		io.WriteString(w, "[")
		for i, k := range n.kids {
			if i > 0 {
				io.WriteString(w, ",")
			}
			writeNode(w, k)
		}
		io.WriteString(w, "]")
	default:
		if s, ok := n.value.(string); ok {
			writeString(w, s)
			return
		}
		b, _ := json.Marshal(n.value)
		w.Write(b)
	}
}

// writeString keeps WCF's "\/" so only the fault's own change shows.
func writeString(w io.Writer, s string) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	io.WriteString(w, strings.ReplaceAll(strings.TrimSuffix(b.String(), "\n"), "/", `\/`))
}
