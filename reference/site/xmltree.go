package site

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/ianaindex"
)

// Node is one XML element with the line its start tag begins on. Config files are small, so a tree
// is simpler than streaming and lets checks look at siblings and parents.
type Node struct {
	Name     string
	Attrs    map[string]string
	Line     int
	Children []*Node
}

// Attr returns the attribute value; .NET configuration attribute names are case-sensitive, so the
// lookup is exact.
func (n *Node) Attr(name string) (string, bool) {
	if n == nil {
		return "", false
	}
	v, ok := n.Attrs[name]
	return v, ok
}

// Child returns the first child element with the given name, or nil.
func (n *Node) Child(name string) *Node {
	if n == nil {
		return nil
	}
	for _, c := range n.Children {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// Kids returns every child element with the given name, in document order.
func (n *Node) Kids(name string) []*Node {
	if n == nil {
		return nil
	}
	var out []*Node
	for _, c := range n.Children {
		if c.Name == name {
			out = append(out, c)
		}
	}
	return out
}

// Path follows a chain of first children, e.g. Path("system.serviceModel", "services").
func (n *Node) Path(names ...string) *Node {
	for _, name := range names {
		n = n.Child(name)
	}
	return n
}

// ParseError is a malformed input file; its text is "file:line: what was expected" so users can jump
// straight to the spot.
type ParseError struct {
	File string
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// stripBOM removes a UTF-8 byte order mark, which Visual Studio writes into config files.
func stripBOM(b []byte) []byte { return bytes.TrimPrefix(b, utf8BOM) }

// lineAt returns the 1-based line of byte offset off.
func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}

// parseXML builds the element tree of one config file. Comments, processing instructions, CRLF and
// tabs are tolerated; anything not well-formed is a ParseError naming file and line.
func parseXML(file string, raw []byte) (*Node, error) {
	data := stripBOM(raw)
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = charsetReader
	var root *Node
	var stack []*Node
	for {
		start := d.InputOffset()
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, xmlError(file, data, d, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &Node{Name: t.Name.Local, Attrs: map[string]string{}, Line: lineAt(data, skipSpace(data, start))}
			for _, a := range t.Attr {
				n.Attrs[a.Name.Local] = a.Value
			}
			if len(stack) == 0 {
				if root != nil {
					return nil, &ParseError{file, n.Line, "a single root element (found a second one)"}
				}
				root = n
			} else {
				p := stack[len(stack)-1]
				p.Children = append(p.Children, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
	if root == nil {
		return nil, &ParseError{file, 1, "an XML root element (file is empty)"}
	}
	return root, nil
}

func skipSpace(data []byte, off int64) int64 {
	for off < int64(len(data)) && strings.IndexByte(" \t\r\n", data[off]) >= 0 {
		off++
	}
	return off
}

func xmlError(file string, data []byte, d *xml.Decoder, err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return &ParseError{file, se.Line, "well-formed XML: " + se.Msg}
	}
	line, _ := d.InputPos()
	return &ParseError{file, line, "well-formed XML: " + err.Error()}
}

// charsetReader lets an XML declaration name a legacy charset (windows-1252 and friends) instead
// of failing the whole site.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	enc, err := ianaindex.IANA.Encoding(label)
	if err != nil || enc == nil {
		return nil, fmt.Errorf("unsupported charset %q", label)
	}
	return enc.NewDecoder().Reader(input), nil
}
