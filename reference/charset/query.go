package charset

import (
	"strings"
	"unicode/utf8"
)

// QueryEscape percent-encodes s for a query string in charset c: the charset's bytes, not UTF-8's
// ("Müller" in ISO-8859-1 is M%FCller, field case F11). Spaces become '+', as url.QueryEscape
// writes them; unreserved ASCII stays as is.
func QueryEscape(s string, c *Charset) (string, error) {
	b, err := c.Encode(s)
	if err != nil {
		return "", err
	}
	const hex = "0123456789ABCDEF"
	var sb strings.Builder
	for _, x := range b {
		switch {
		case x == ' ':
			sb.WriteByte('+')
		case unreserved(x):
			sb.WriteByte(x)
		default:
			sb.WriteByte('%')
			sb.WriteByte(hex[x>>4])
			sb.WriteByte(hex[x&15])
		}
	}
	return sb.String(), nil
}

func unreserved(x byte) bool {
	return x >= 'a' && x <= 'z' || x >= 'A' && x <= 'Z' || x >= '0' && x <= '9' || x == '-' || x == '_' || x == '.' || x == '~'
}

// Mojibake recognises UTF-8 bytes that were decoded as a single-byte charset (field case F21):
// text whose bytes in latin — ISO-8859-1 or windows-1252, the usual wrong guesses — form valid,
// non-ASCII UTF-8. It returns the text the writer meant ("MÃ¼ller" → "Müller").
func Mojibake(text string) (meant string, ok bool) {
	for _, name := range []string{"windows-1252", "ISO-8859-1"} {
		c := MustLookup(name)
		b, err := c.Encode(text)
		if err != nil || !utf8.Valid(b) || !hasMultibyte(b) {
			continue
		}
		return string(b), true
	}
	return "", false
}

// MojibakeIn reports whether body bytes that a label calls c are really UTF-8 (multi-byte sequences
// included) — "UTF-8 bytes labelled ISO-8859-1". c must not be a Unicode charset.
func MojibakeIn(body []byte, c *Charset) bool {
	return !c.IsUnicode() && utf8.Valid(body) && hasMultibyte(body)
}

func hasMultibyte(b []byte) bool {
	for _, x := range b {
		if x >= 0x80 {
			return true
		}
	}
	return false
}
