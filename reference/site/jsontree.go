package site

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// JSONNode is a JSON value with the line it starts on. Objects keep member order so findings come
// out in file order.
type JSONNode struct {
	Kind    byte // '{', '[', '"', or 'v' for numbers, booleans and null
	Str     string
	Members []JSONMember
	Items   []*JSONNode
	Line    int
}

// JSONMember is one key of an object with the line of the key.
type JSONMember struct {
	Key   string
	Line  int
	Value *JSONNode
}

// Get returns the member value for key (exact, then case-insensitive as .NET configuration keys
// are), or nil.
func (n *JSONNode) Get(key string) *JSONNode {
	if n == nil || n.Kind != '{' {
		return nil
	}
	for _, m := range n.Members {
		if m.Key == key {
			return m.Value
		}
	}
	for _, m := range n.Members {
		if equalFoldASCII(m.Key, key) {
			return m.Value
		}
	}
	return nil
}

func equalFoldASCII(a, b string) bool { return bytes.EqualFold([]byte(a), []byte(b)) }

// parseJSON reads an appsettings-style file. .NET's JSON configuration provider accepts comments
// and trailing commas, so they are blanked out first (keeping every newline, so lines stay right).
func parseJSON(file string, raw []byte) (*JSONNode, error) {
	data := relaxJSON(stripBOM(raw))
	p := &jsonParser{file: file, data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	p.dec.UseNumber()
	n, err := p.value()
	if err != nil {
		return nil, err
	}
	if _, err := p.dec.Token(); !errors.Is(err, io.EOF) {
		return nil, &ParseError{file, p.line(), "end of file after the top-level JSON value"}
	}
	return n, nil
}

type jsonParser struct {
	file string
	data []byte
	dec  *json.Decoder
	off  int64
}

func (p *jsonParser) line() int { return lineAt(p.data, skipJSONSpace(p.data, p.off)) }

func (p *jsonParser) token() (json.Token, int, error) {
	p.off = p.dec.InputOffset()
	line := p.line()
	tok, err := p.dec.Token()
	if err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, lineAt(p.data, se.Offset), &ParseError{p.file, lineAt(p.data, se.Offset), "valid JSON: " + se.Error()}
		}
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, line, &ParseError{p.file, line, "valid JSON: " + err.Error()}
	}
	return tok, line, nil
}

func (p *jsonParser) value() (*JSONNode, error) {
	tok, line, err := p.token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			return p.object(line)
		}
		if t == '[' {
			return p.array(line)
		}
		return nil, &ParseError{p.file, line, fmt.Sprintf("a JSON value, got %q", t)}
	case string:
		return &JSONNode{Kind: '"', Str: t, Line: line}, nil
	default:
		return &JSONNode{Kind: 'v', Str: fmt.Sprint(t), Line: line}, nil
	}
}

func (p *jsonParser) object(line int) (*JSONNode, error) {
	n := &JSONNode{Kind: '{', Line: line}
	for p.dec.More() {
		tok, kl, err := p.token()
		if err != nil {
			return nil, err
		}
		key, _ := tok.(string)
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		n.Members = append(n.Members, JSONMember{Key: key, Line: kl, Value: v})
	}
	_, _, err := p.token() // '}'
	return n, err
}

func (p *jsonParser) array(line int) (*JSONNode, error) {
	n := &JSONNode{Kind: '[', Line: line}
	for p.dec.More() {
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		n.Items = append(n.Items, v)
	}
	_, _, err := p.token() // ']'
	return n, err
}

func skipJSONSpace(data []byte, off int64) int64 {
	for off < int64(len(data)) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}

// relaxJSON blanks // and /* */ comments and trailing commas outside strings, preserving length
// and newlines.
func relaxJSON(in []byte) []byte {
	b := append([]byte(nil), in...)
	inStr := false
	lastComma := -1
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case inStr:
			if c == '\\' {
				i++
			} else if c == '"' {
				inStr = false
			}
		case c == '"':
			inStr, lastComma = true, -1
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			for ; i < len(b) && b[i] != '\n'; i++ {
				b[i] = ' '
			}
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			j := bytes.Index(b[i+2:], []byte("*/"))
			end := len(b)
			if j >= 0 {
				end = i + 2 + j + 2
			}
			for ; i < end; i++ {
				if b[i] != '\n' {
					b[i] = ' '
				}
			}
			i--
		case c == ',':
			lastComma = i
		case c == '}' || c == ']':
			if lastComma >= 0 {
				b[lastComma] = ' '
			}
			lastComma = -1
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
		default:
			lastComma = -1
		}
	}
	return b
}
