package datacontract

import (
	"unicode/utf8"
)

const hexDigits = "0123456789abcdef"

// appendString writes s as a JSON string the way DCJS's XmlJsonWriter does: "\/"
// always, ECMAScript-6 short forms, lowercase \u escapes for other controls,
// U+0085, U+2028, U+2029, U+FFFE, U+FFFF and every UTF-16 surrogate unit (so
// characters above U+FFFF become escaped pairs); everything else raw UTF-8.
// Lone surrogates, which Go strings can only carry as WTF-8 bytes (ED A0..BF xx),
// are written as their \udxxx unit so a decoded .NET string survives a round trip.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '/' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			b = appendASCIIEscape(b, c)
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			if u, ok := wtf8Surrogate(s[i:]); ok {
				b = appendU(b, u)
				size = 3
			} else {
				b = append(b, "\uFFFD"...)
			}
			i += size
			start = i
			continue
		}
		if !needsEscape(r) {
			i += size
			continue
		}
		b = append(b, s[start:i]...)
		b = appendRuneEscape(b, r)
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

func needsEscape(r rune) bool {
	return r == 0x85 || r == 0x2028 || r == 0x2029 || r == 0xFFFE || r == 0xFFFF || r >= 0x10000
}

func appendRuneEscape(b []byte, r rune) []byte {
	if r >= 0x10000 {
		r -= 0x10000
		b = appendU(b, 0xD800+uint16(r>>10))
		return appendU(b, 0xDC00+uint16(r&0x3FF))
	}
	return appendU(b, uint16(r))
}

func appendASCIIEscape(b []byte, c byte) []byte {
	switch c {
	case '"':
		return append(b, '\\', '"')
	case '\\':
		return append(b, '\\', '\\')
	case '/':
		return append(b, '\\', '/')
	case '\b':
		return append(b, '\\', 'b')
	case '\t':
		return append(b, '\\', 't')
	case '\n':
		return append(b, '\\', 'n')
	case '\f':
		return append(b, '\\', 'f')
	case '\r':
		return append(b, '\\', 'r')
	}
	return appendU(b, uint16(c))
}

func appendU(b []byte, u uint16) []byte {
	return append(b, '\\', 'u', hexDigits[u>>12], hexDigits[u>>8&0xF], hexDigits[u>>4&0xF], hexDigits[u&0xF])
}

// wtf8Surrogate decodes the 3-byte generalized-UTF-8 form of a surrogate unit.
func wtf8Surrogate(s string) (uint16, bool) {
	if len(s) < 3 || s[0] != 0xED || s[1] < 0xA0 || s[1] > 0xBF || s[2] < 0x80 || s[2] > 0xBF {
		return 0, false
	}
	return 0xD000 | uint16(s[1]&0x3F)<<6 | uint16(s[2]&0x3F), true
}

// appendWTF8 appends a UTF-16 unit that may be a lone surrogate.
func appendWTF8(b []byte, u uint16) []byte {
	if u >= 0xD800 && u <= 0xDFFF {
		return append(b, 0xED, 0xA0|byte(u>>6&0x1F), 0x80|byte(u&0x3F))
	}
	return utf8.AppendRune(b, rune(u))
}
