package spec

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"
)

// LoadPaths loads the specs named on the command line: files, or directories whose *.yaml, *.yml
// and *.json files are all loaded, in name order.
// A file named twice (directly or through its directory) is loaded once; an operationId used by two
// documents is refused, since results, baselines and waivers are keyed by it.
func LoadPaths(paths []string) ([]*Spec, error) {
	var out []*Spec
	seen := map[string]bool{}
	for _, p := range paths {
		files, err := expand(p)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			if abs, _ := filepath.Abs(f); seen[abs] {
				continue
			} else {
				seen[abs] = true
			}
			data, err := readSpec(f)
			if err != nil {
				return nil, err
			}
			s, err := Parse(f, data)
			if err != nil {
				return nil, err
			}
			out = append(out, s)
		}
	}
	return out, uniqueIDs(out)
}

// MaxSpecSize bounds one spec file; a larger one (or a device, a FIFO) is refused, not read.
const MaxSpecSize = 32 << 20

func readSpec(f string) ([]byte, error) {
	st, err := os.Stat(f)
	switch {
	case err != nil:
		return nil, &Error{File: f, Code: CodeRead, Msg: err.Error()}
	case !st.Mode().IsRegular():
		return nil, &Error{File: f, Code: CodeRead, Msg: "not a regular file"}
	case st.Size() > MaxSpecSize:
		return nil, &Error{File: f, Code: CodeRead, Msg: fmt.Sprintf("%d bytes: larger than the %d a spec may be", st.Size(), MaxSpecSize)}
	}
	data, err := os.ReadFile(f)
	if err != nil {
		return nil, &Error{File: f, Code: CodeRead, Msg: err.Error()}
	}
	return data, nil
}

// uniqueIDs refuses an operationId defined in two documents, naming both places.
func uniqueIDs(specs []*Spec) error {
	where := map[string]*Operation{}
	for _, s := range specs {
		for _, o := range s.Operations {
			if prev, dup := where[o.ID]; dup {
				return &Error{File: s.File, Line: o.Line, Code: CodeInvalid,
					Msg: fmt.Sprintf("operationId %q is already used at %s:%d; operation IDs must be unique across specs", o.ID, prev.Spec.File, prev.Line)}
			}
			where[o.ID] = o
		}
	}
	return nil
}

func expand(p string) ([]string, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, &Error{File: p, Code: CodeRead, Msg: "cannot read spec: " + errors.Unwrap(err).Error()}
	}
	if !st.IsDir() {
		return []string{p}, nil
	}
	var files []string
	for _, pat := range []string{"*.yaml", "*.yml", "*.json"} {
		m, _ := filepath.Glob(filepath.Join(p, pat))
		files = append(files, m...)
	}
	if len(files) == 0 {
		return nil, &Error{File: p, Code: CodeRead, Msg: "directory holds no *.yaml, *.yml or *.json spec"}
	}
	sort.Strings(files)
	return files, nil
}

// LoadFS loads every *.yaml of a file system (the bundled specs), naming them prefix/NAME.
func LoadFS(fsys fs.FS, prefix string) ([]*Spec, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	var out []*Spec
	for _, n := range names {
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		s, err := Parse(prefix+"/"+n, data)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, uniqueIDs(out)
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// Parse loads one document: YAML syntax, OpenAPI validity (kin-openapi), then the extensions.
func Parse(name string, data []byte) (*Spec, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		e := &Error{File: name, Code: CodeSyntax, Msg: "not valid YAML or JSON: " + err.Error()}
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			e.Line, _ = strconv.Atoi(m[1])
		}
		return nil, e
	}
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = false
	doc, err := loader.LoadFromData(data)
	if err != nil {
		return nil, &Error{File: name, Code: CodeInvalid, Msg: "not an OpenAPI 3 document: " + err.Error()}
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, &Error{File: name, Code: CodeInvalid, Msg: "invalid OpenAPI document: " + err.Error()}
	}
	sum := sha256.Sum256(data)
	s := &Spec{File: name, Doc: doc, SHA256: hex.EncodeToString(sum[:])}
	if err := misplacedExtensions(s, &root); err != nil {
		return nil, err
	}
	lines := operationLines(&root)
	for _, path := range doc.Paths.InMatchingOrder() {
		item := doc.Paths.Value(path)
		for _, method := range methods(item) {
			op, err := newOperation(s, path, method, item, lines[method+" "+path])
			if err != nil {
				return nil, err
			}
			s.Operations = append(s.Operations, op)
		}
	}
	sort.SliceStable(s.Operations, func(i, j int) bool { return s.Operations[i].Line < s.Operations[j].Line })
	return s, nil
}

// methods lists an item's operations in a fixed order.
func methods(item *openapi3.PathItem) []string {
	var out []string
	for m := range item.Operations() {
		out = append(out, m)
	}
	sort.Strings(out)
	return out
}

// operationLines maps "METHOD path" to the line of the method key, from the YAML node tree.
func operationLines(root *yaml.Node) map[string]int {
	out := map[string]int{}
	paths := mapValue(root, "paths")
	if paths == nil {
		return out
	}
	for i := 0; i+1 < len(paths.Content); i += 2 {
		path, item := paths.Content[i].Value, paths.Content[i+1]
		for j := 0; j+1 < len(item.Content); j += 2 {
			out[strings.ToUpper(item.Content[j].Value)+" "+path] = item.Content[j].Line
		}
	}
	return out
}

func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// errAt builds an extension or example error located at an operation.
func errAt(s *Spec, line int, path, code, format string, args ...any) *Error {
	return &Error{File: s.File, Line: line, Path: path, Code: code, Msg: fmt.Sprintf(format, args...)}
}
