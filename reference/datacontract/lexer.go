package datacontract

import (
	"unicode/utf8"
)

// lexer is a lenient JSON reader with the leniency of DCJS's XmlJsonReader:
// trailing commas before '}' and bare INF/NaN literals. It never panics on bad
// input; every error carries the current JSON path.
type lexer struct {
	data []byte
	pos  int
	path path
}

func (l *lexer) fail(code Code, format string, args ...any) error {
	return newErr(l.path.String(), code, format, args...)
}

func (l *lexer) syntax(what string) error {
	if l.pos >= len(l.data) {
		return l.fail(CodeSyntax, "unexpected end of input, expected %s", what)
	}
	return l.fail(CodeSyntax, "unexpected %q at offset %d, expected %s", l.data[l.pos], l.pos, what)
}

func (l *lexer) ws() {
	for l.pos < len(l.data) {
		switch l.data[l.pos] {
		case ' ', '\t', '\n', '\r':
			l.pos++
		default:
			return
		}
	}
}

// peek returns the next non-space byte, or 0 at the end.
func (l *lexer) peek() byte {
	l.ws()
	if l.pos >= len(l.data) {
		return 0
	}
	return l.data[l.pos]
}

func (l *lexer) expect(c byte) error {
	if l.peek() != c {
		return l.syntax(string(c))
	}
	l.pos++
	return nil
}

// literal reads an unquoted token (number, true, false, null, INF, NaN).
func (l *lexer) literal() (string, error) {
	l.ws()
	start := l.pos
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		if c == ',' || c == ']' || c == '}' || c == ':' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '[' || c == '{' {
			break
		}
		l.pos++
	}
	if start == l.pos {
		return "", l.syntax("a value")
	}
	return string(l.data[start:l.pos]), nil
}

// str reads a quoted string; lone surrogate escapes become WTF-8 bytes so that
// they re-encode to the same \udxxx escape.
func (l *lexer) str() (string, error) {
	if l.peek() != '"' {
		return "", l.syntax("a string")
	}
	l.pos++
	start := l.pos
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		if c == '"' {
			s := l.data[start:l.pos]
			if !utf8.Valid(s) {
				return "", l.fail(CodeSyntax, "invalid UTF-8 in string at offset %d", start)
			}
			l.pos++
			return string(s), nil
		}
		if c == '\\' {
			return l.strSlow(start)
		}
		l.pos++
	}
	return "", l.syntax(`closing "`)
}

func (l *lexer) strSlow(start int) (string, error) {
	b := make([]byte, 0, l.pos-start+16)
	b = append(b, l.data[start:l.pos]...)
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		switch {
		case c == '"':
			l.pos++
			if !utf8.Valid(l.data[start:l.pos]) {
				return "", l.fail(CodeSyntax, "invalid UTF-8 in string at offset %d", start)
			}
			return string(b), nil
		case c != '\\':
			b = append(b, c)
			l.pos++
			continue
		}
		if l.pos+1 >= len(l.data) {
			break
		}
		esc := l.data[l.pos+1]
		l.pos += 2
		switch esc {
		case '"', '\\', '/':
			b = append(b, esc)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			u, ok := l.hex4()
			if !ok {
				return "", l.fail(CodeSyntax, "bad \\u escape at offset %d", l.pos-2)
			}
			b = l.appendUnit(b, u)
		default:
			return "", l.fail(CodeSyntax, "bad escape \\%c at offset %d", esc, l.pos-2)
		}
	}
	return "", l.syntax(`closing "`)
}

// appendUnit joins a high surrogate with a following \u low surrogate.
func (l *lexer) appendUnit(b []byte, u uint16) []byte {
	if u >= 0xD800 && u < 0xDC00 && l.pos+6 <= len(l.data) && l.data[l.pos] == '\\' && l.data[l.pos+1] == 'u' {
		save := l.pos
		l.pos += 2
		if lo, ok := l.hex4(); ok && lo >= 0xDC00 && lo <= 0xDFFF {
			return utf8.AppendRune(b, 0x10000+(rune(u)-0xD800)<<10+(rune(lo)-0xDC00))
		}
		l.pos = save
	}
	return appendWTF8(b, u)
}

func (l *lexer) hex4() (uint16, bool) {
	if l.pos+4 > len(l.data) {
		return 0, false
	}
	var u uint16
	for _, c := range l.data[l.pos : l.pos+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		u = u<<4 | uint16(c)
	}
	l.pos += 4
	return u, true
}

// next consumes ',' or the closer after an element; done reports the closer.
// As in Mono's DCJS, a ',' directly before the closer is accepted, and so is
// the end of input in place of the root object's final '}'.
func (l *lexer) next(closer byte) (done bool, err error) {
	switch l.peek() {
	case ',':
		l.pos++
		if l.peek() == closer {
			l.pos++
			return true, nil
		}
		return false, nil
	case 0:
		if closer == '}' && len(l.path) == 0 && l.pos >= len(l.data) {
			return true, nil
		}
	case closer:
		l.pos++
		return true, nil
	}
	return false, l.syntax("',' or '" + string(closer) + "'")
}

// skip consumes one value of any kind, checking its syntax; depth bounds nesting.
func (l *lexer) skip(depth int) error {
	if depth > maxDepth {
		return l.fail(CodeSyntax, "nesting deeper than %d", maxDepth)
	}
	switch l.peek() {
	case '"':
		_, err := l.str()
		return err
	case '[':
		l.pos++
		if l.peek() == ']' {
			l.pos++
			return nil
		}
		for {
			if err := l.skip(depth + 1); err != nil {
				return err
			}
			if done, err := l.next(']'); done || err != nil {
				return err
			}
		}
	case '{':
		l.pos++
		if l.peek() == '}' {
			l.pos++
			return nil
		}
		for {
			if _, err := l.str(); err != nil {
				return err
			}
			if err := l.expect(':'); err != nil {
				return err
			}
			if err := l.skip(depth + 1); err != nil {
				return err
			}
			if done, err := l.next('}'); done || err != nil {
				return err
			}
		}
	}
	s, err := l.literal()
	if err != nil {
		return err
	}
	if s != "true" && s != "false" && s != "null" && !isNumberLiteral(s) {
		return l.fail(CodeSyntax, "invalid literal %q", s)
	}
	return nil
}

func isNumberLiteral(s string) bool {
	return validFloatText(s) || s == "INF" || s == "-INF" || s == "NaN"
}

// maxDepth bounds recursion so hostile input cannot exhaust the stack.
const maxDepth = 1000
