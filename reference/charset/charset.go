// Package charset is svccheck's one place for text encodings: looking a charset up by its IANA
// name (golang.org/x/text, ianaindex first so ISO-8859-1 stays Latin-1 and never becomes
// windows-1252), strict and lossy conversion, the label WCF writes in Content-Type, and query-string
// percent-encoding of a charset's bytes. Both the reference host and the harness use it, so the two
// sides can never disagree about what a name means.
package charset

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/transform"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/unicode"
)

// Charset is one resolved charset.
type Charset struct {
	// Name is the preferred MIME name ("ISO-8859-1", "windows-1251", "UTF-16LE").
	Name string
	enc  encoding.Encoding
}

// UTF8 is the charset of every webHttpBinding reply without writeEncoding.
var UTF8 = &Charset{Name: "UTF-8", enc: unicode.UTF8}

// Lookup resolves a charset label: ianaindex.MIME, then ianaindex.IANA, then the WHATWG names
// (htmlindex knows cp1251). A name x/text registers but cannot convert is an error too, since
// nothing byte-exact can be done with it.
func Lookup(name string) (*Charset, error) {
	n := strings.TrimSpace(name)
	if n == "" {
		return nil, errors.New("empty charset name")
	}
	var enc encoding.Encoding
	for _, idx := range []*ianaindex.Index{ianaindex.MIME, ianaindex.IANA} {
		if e, err := idx.Encoding(n); err == nil && e != nil {
			enc = e
			break
		}
	}
	if enc == nil {
		if e, err := htmlindex.Get(n); err == nil && e != nil {
			enc = e
		}
	}
	if enc == nil {
		return nil, fmt.Errorf("unknown charset %q (not an IANA name x/text can convert)", name)
	}
	return &Charset{Name: preferredName(enc, n), enc: enc}, nil
}

func preferredName(enc encoding.Encoding, fallback string) string {
	for _, idx := range []*ianaindex.Index{ianaindex.MIME, ianaindex.IANA} {
		if m, err := idx.Name(enc); err == nil && m != "" {
			return m
		}
	}
	return fallback
}

// MustLookup is Lookup for names fixed in the code.
func MustLookup(name string) *Charset {
	c, err := Lookup(name)
	if err != nil {
		panic(err)
	}
	return c
}

// Same reports whether two labels name the same charset ("latin1" and "ISO-8859-1" do).
func Same(a, b string) bool {
	ca, err1 := Lookup(a)
	cb, err2 := Lookup(b)
	if err1 != nil || err2 != nil {
		return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
	}
	return ca.Name == cb.Name
}

// IsUTF8 reports UTF-8.
func (c *Charset) IsUTF8() bool { return c.Name == "UTF-8" }

// IsUnicode reports UTF-8 and the UTF-16 forms: the only charsets stock webHttpBinding speaks
// (wcf-wire.md §8.1). Everything else needs a custom text encoder, which is netfx only.
func (c *Charset) IsUnicode() bool {
	switch c.Name {
	case "UTF-8", "UTF-16", "UTF-16LE", "UTF-16BE":
		return true
	}
	return false
}

// Label is the charset parameter WCF writes: TextEncoderDefaults' "utf-16LE"/"utf-16BE" for
// webHttpBinding's UTF-16 writeEncodings, Encoding.HeaderName (the lower-case MIME name) otherwise.
func (c *Charset) Label() string {
	switch c.Name {
	case "UTF-16LE":
		return "utf-16LE"
	case "UTF-16BE":
		return "utf-16BE"
	}
	return strings.ToLower(c.Name)
}

// String is the preferred MIME name.
func (c *Charset) String() string { return c.Name }

// InvalidError says where bytes stop being valid in a charset.
type InvalidError struct {
	Charset string
	Offset  int
	Bytes   []byte // up to four bytes from Offset
}

func (e *InvalidError) Error() string {
	return fmt.Sprintf("byte %d (% X) is not valid %s", e.Offset, e.Bytes, e.Charset)
}

// Decode converts bytes in c to UTF-8 text, strictly: a sequence the charset does not define is an
// *InvalidError naming its offset, never a silent U+FFFD.
func (c *Charset) Decode(b []byte) (string, error) {
	if c.IsUTF8() {
		if !utf8.Valid(b) {
			off := firstInvalidUTF8(b)
			return "", &InvalidError{c.Name, off, clip(b[off:])}
		}
		return string(b), nil
	}
	if be, isUTF16 := c.utf16Order(b); isUTF16 {
		if off := utf16Invalid(b, be); off >= 0 {
			return "", &InvalidError{c.Name, off, clip(b[off:])}
		}
	}
	out, err := c.enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", &InvalidError{c.Name, 0, clip(b)}
	}
	if bytes.IndexRune(out, utf8.RuneError) >= 0 && !c.encodesReplacement() {
		off := c.offsetOf(b)
		return "", &InvalidError{c.Name, off, clip(b[off:])}
	}
	return string(out), nil
}

// DecodeLossy is what a .NET decoder with the default replacement fallback does: undefined bytes
// become U+FFFD.
func (c *Charset) DecodeLossy(b []byte) string {
	if c.IsUTF8() {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	out, err := c.enc.NewDecoder().Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(out)
}

// Encode converts text to c strictly: a character c cannot represent is an error.
func (c *Charset) Encode(s string) ([]byte, error) {
	if c.IsUTF8() {
		return []byte(s), nil
	}
	b, err := c.enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		return nil, fmt.Errorf("%q cannot be written in %s: %w", firstUnencodable(c, s), c.Name, err)
	}
	return b, nil
}

// EncodeLossy is .NET's Encoding.GetBytes with the default replacement fallback: characters the
// charset lacks become '?'.
func (c *Charset) EncodeLossy(s string) []byte {
	if b, err := c.Encode(s); err == nil {
		return b
	}
	var sb strings.Builder
	for _, r := range s {
		if c.CanEncode(string(r)) {
			sb.WriteRune(r)
		} else {
			sb.WriteByte('?')
		}
	}
	b, _ := c.Encode(sb.String())
	return b
}

// CanEncode reports whether every character of s exists in c.
func (c *Charset) CanEncode(s string) bool {
	_, err := c.Encode(s)
	return err == nil
}

func firstUnencodable(c *Charset, s string) string {
	for _, r := range s {
		if _, err := c.enc.NewEncoder().Bytes([]byte(string(r))); err != nil {
			return string(r)
		}
	}
	return s
}

// utf16Order tells a UTF-16 charset's byte order (UTF-16 without a suffix: its BOM, else big-endian).
func (c *Charset) utf16Order(b []byte) (bigEndian, isUTF16 bool) {
	switch strings.ToUpper(c.Name) {
	case "UTF-16LE":
		return false, true
	case "UTF-16BE":
		return true, true
	case "UTF-16":
		return !(len(b) >= 2 && b[0] == 0xFF && b[1] == 0xFE), true
	}
	return false, false
}

// encodesReplacement: a charset that can carry U+FFFD itself (the UTF-16 forms) may legitimately
// decode to it.
func (c *Charset) encodesReplacement() bool {
	_, err := c.enc.NewEncoder().Bytes([]byte("\uFFFD"))
	return err == nil
}

// offsetOf finds the input offset of the first byte that decodes to U+FFFD, in one pass: the
// decoder is fed one more byte at a time until it makes progress, so each step decodes exactly
// one character and the step's start is the offset.
func (c *Charset) offsetOf(b []byte) int {
	dec := c.enc.NewDecoder()
	dst := make([]byte, 4*utf8.UTFMax)
	off := 0
	for off < len(b) {
		n, bad := step(dec, dst, b, off)
		if bad || n == 0 {
			return off
		}
		off += n
	}
	return off
}

// step decodes the character at b[off:], returning the bytes it took and whether it was U+FFFD.
func step(dec transform.Transformer, dst, b []byte, off int) (int, bool) {
	for end := off + 1; end <= len(b); end++ {
		nDst, nSrc, err := dec.Transform(dst, b[off:end], end == len(b))
		if nSrc > 0 {
			return nSrc, bytes.IndexRune(dst[:nDst], utf8.RuneError) >= 0
		}
		if err != transform.ErrShortSrc {
			return 0, true
		}
	}
	return 0, true
}

// utf16Invalid returns the offset of the first code unit UTF-16 cannot decode — a lone surrogate or
// an odd trailing byte — or -1: .NET's validating decoder refuses both, where x/text substitutes.
func utf16Invalid(b []byte, bigEndian bool) int {
	unit := func(i int) uint16 {
		if bigEndian {
			return uint16(b[i])<<8 | uint16(b[i+1])
		}
		return uint16(b[i+1])<<8 | uint16(b[i])
	}
	for i := 0; i < len(b); i += 2 {
		if i+1 >= len(b) {
			return i
		}
		switch u := unit(i); {
		case u >= 0xD800 && u < 0xDC00:
			if i+3 >= len(b) || unit(i+2) < 0xDC00 || unit(i+2) >= 0xE000 {
				return i
			}
			i += 2
		case u >= 0xDC00 && u < 0xE000:
			return i
		}
	}
	return -1
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

func clip(b []byte) []byte {
	if len(b) > 4 {
		return b[:4]
	}
	return b
}
