package scenario

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

func jsonCommand() Command {
	return Command{Name: "json", Args: "PATH VALUE", MinArgs: 2, MaxArgs: 2,
		Summary: "The JSON value at PATH ($, $.Member, Member.Inner, List[0]) of the last response equals VALUE: a JSON literal " +
			"(0, true, null, \"text\") when VALUE parses as one, otherwise a string.",
		Neg:     "the value differs (or PATH is absent)",
		Example: "json GetContactIdByNameResult 410006e1-ca4e-4502-a9ec-e54d922d2c00\njson Code 0\njson $.Message '\"\"'",
		Flags: func(fs *flag.FlagSet) func(*State, *testscript.TestScript, bool, []string) {
			return func(st *State, ts *testscript.TestScript, neg bool, args []string) {
				got, ok := jsonAt(ts, st, args[0])
				want := args[1]
				equal := ok && canonical(got) == canonicalWant(want)
				if equal == neg {
					ts.Fatalf("json %s: got %s, want %s%s", args[0], shown(st, got, ok), notIf(neg), want)
				}
			}
		}}
}

func jsonMatchCommand() Command {
	return Command{Name: "json-match", Args: "PATH REGEX", MinArgs: 2, MaxArgs: 2,
		Summary: "The JSON value at PATH matches the regular expression: a string's text, or the JSON text of any other value.",
		Neg:     "it does not match (or PATH is absent)",
		Example: "json-match GetContactIdByNameResult '^[0-9a-f-]{36}$'",
		Flags: func(fs *flag.FlagSet) func(*State, *testscript.TestScript, bool, []string) {
			return func(st *State, ts *testscript.TestScript, neg bool, args []string) {
				got, ok := jsonAt(ts, st, args[0])
				text := canonical(got)
				if s, isStr := got.(string); isStr {
					text = s
				}
				if (ok && compile(ts, args[1]).MatchString(text)) == neg {
					ts.Fatalf("json-match %s: got %s, want %smatch for %q", args[0], shown(st, got, ok), notIf(neg), args[1])
				}
			}
		}}
}

func shown(st *State, v any, ok bool) string {
	if !ok {
		return "no such member"
	}
	return clipText(st.red.String(canonical(v)))
}

// jsonAt decodes the last response and walks PATH; false when a step is missing.
func jsonAt(ts *testscript.TestScript, st *State, path string) (any, bool) {
	ex := st.lastOrFail(ts, "json")
	dec := json.NewDecoder(strings.NewReader(decodedBody(ts, ex)))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		ts.Fatalf("json: the body is not JSON (%v): %s", err, clipText(st.red.Body(ex.Body)))
	}
	steps, err := splitPath(path)
	if err != nil {
		ts.Fatalf("json: %v", err)
	}
	for _, s := range steps {
		switch x := v.(type) {
		case map[string]any:
			var found bool
			if v, found = x[s]; !found {
				return nil, false
			}
		case []any:
			i, err := strconv.Atoi(s)
			if err != nil || i < 0 || i >= len(x) {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// splitPath turns $.a.b[0] (or a.b[0]) into [a b 0].
func splitPath(p string) ([]string, error) {
	p = strings.TrimPrefix(strings.TrimPrefix(p, "$"), ".")
	if p == "" {
		return nil, nil
	}
	var out []string
	for _, part := range strings.Split(strings.ReplaceAll(p, "[", ".["), ".") {
		switch {
		case part == "":
		case strings.HasPrefix(part, "["):
			if !strings.HasSuffix(part, "]") {
				return nil, fmt.Errorf("bad path %q: unclosed [", p)
			}
			out = append(out, part[1:len(part)-1])
		default:
			out = append(out, part)
		}
	}
	return out, nil
}

// canonical renders a decoded value as compact JSON, so 0 and 0 compare equal whatever the spacing.
func canonical(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
	return strings.TrimSuffix(b.String(), "\n")
}

// canonicalWant reads VALUE as a JSON literal when it is one, else as a string.
func canonicalWant(s string) string {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err == nil && !dec.More() {
		return canonical(v)
	}
	return canonical(s)
}
