package datacontract

import (
	"encoding/hex"
	"strings"
)

// Guid is a System.Guid in the textual (RFC 4122) byte order; DCJS writes the
// lowercase "D" form, which Go has no standard type for.
type Guid [16]byte

// String gives the lowercase D form, exactly the wire text.
func (g Guid) String() string {
	var b [36]byte
	hex.Encode(b[0:8], g[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], g[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], g[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], g[8:10])
	b[23] = '-'
	hex.Encode(b[24:], g[10:])
	return string(b[:])
}

// ParseGuid accepts what new Guid(string) accepts for D, N, B and P forms, in any
// case, because clients may send any of them.
func ParseGuid(s string) (Guid, bool) {
	var g Guid
	s = trimXMLSpace(s)
	if len(s) == 38 && (s[0] == '{' && s[37] == '}' || s[0] == '(' && s[37] == ')') {
		s = s[1:37]
	}
	switch len(s) {
	case 32:
	case 36:
		if s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
			return g, false
		}
		s = s[0:8] + s[9:13] + s[14:18] + s[19:23] + s[24:]
	default:
		return g, false
	}
	if _, err := hex.Decode(g[:], []byte(s)); err != nil {
		return Guid{}, false
	}
	return g, true
}

// MustGuid parses a Guid literal in tests and fixtures; it panics on bad text.
func MustGuid(s string) Guid {
	g, ok := ParseGuid(s)
	if !ok {
		panic("datacontract: bad guid " + s)
	}
	return g
}

// Decimal is a System.Decimal kept as its canonical invariant text, so scale
// survives ("12.50" stays 12.50) without a big-decimal dependency. The zero value
// is 0. Unmarshal validates and normalizes input the way decimal.Parse does.
type Decimal string

// String returns the wire text, "0" for the zero value.
func (d Decimal) String() string {
	if d == "" {
		return "0"
	}
	return string(d)
}

// isZero tells EmitDefaultValue=false whether d equals default(decimal).
func (d Decimal) isZero() bool {
	return strings.Trim(string(d), "-0.") == ""
}

// ParseDecimal normalizes s as decimal.Parse(s, NumberStyles.Float) followed by
// ToString() would: sign, digits and point kept (trailing zeros are scale), an
// exponent folded into the scale. Values beyond decimal's 96-bit mantissa or
// scale 28 are refused rather than silently rounded.
func ParseDecimal(s string) (Decimal, bool) {
	s = trimXMLSpace(s)
	if !validFloatText(s) {
		return "", false
	}
	neg := false
	if s[0] == '+' || s[0] == '-' {
		neg = s[0] == '-'
		s = s[1:]
	}
	mant, exp := s, 0
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant = s[:i]
		e, ok := atoiSmall(s[i+1:])
		if !ok {
			return "", false
		}
		exp = e
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	digits := strings.TrimLeft(intPart+frac, "0")
	scale := len(frac) - exp
	if digits == "" {
		if scale < 0 {
			scale = 0
		}
		return finishDecimal("", scale, false)
	}
	for scale < 0 {
		digits += "0"
		scale++
	}
	return finishDecimal(digits, scale, neg)
}

func atoiSmall(s string) (int, bool) {
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
		if n > 1000 {
			return 0, false
		}
	}
	if neg {
		n = -n
	}
	return n, true
}

// maxDecimal is 2^96-1, the largest mantissa of System.Decimal.
const maxDecimal = "79228162514264337593543950335"

func finishDecimal(digits string, scale int, neg bool) (Decimal, bool) {
	for scale > 0 && (scale > 28 || len(digits) > len(maxDecimal) || len(digits) == len(maxDecimal) && digits > maxDecimal) {
		digits, scale = roundLastDigit(digits), scale-1
	}
	if len(digits) > len(maxDecimal) || len(digits) == len(maxDecimal) && digits > maxDecimal {
		return "", false
	}
	for len(digits) <= scale {
		digits = "0" + digits
	}
	out := digits[:len(digits)-scale]
	if scale > 0 {
		out += "." + digits[len(digits)-scale:]
	}
	if neg && strings.Trim(out, "0.") != "" {
		out = "-" + out
	}
	return Decimal(out), true
}

// roundLastDigit drops the last digit, rounding half up as decimal.Parse does
// when input has more precision than System.Decimal holds.
func roundLastDigit(digits string) string {
	last := digits[len(digits)-1]
	b := []byte(digits[:len(digits)-1])
	if last >= '5' {
		i := len(b) - 1
		for ; i >= 0 && b[i] == '9'; i-- {
			b[i] = '0'
		}
		if i < 0 {
			b = append([]byte{'1'}, b...)
		} else {
			b[i]++
		}
	}
	if len(b) == 0 {
		return "0"
	}
	return string(b)
}

// Char is a System.Char: one UTF-16 unit, written as a one-character string.
// A lone surrogate is a legal Char and is written as \udxxx.
type Char rune

// Dictionary is an ordered .NET Dictionary<K,V>. DCJS writes dictionaries as
// [{"Key":k,"Value":v},…] in insertion order; a Go map has no order, so contract
// tests that compare bytes need this slice form. nil is written as null.
type Dictionary[K comparable, V any] []DictionaryEntry[K, V]

// DictionaryEntry is one Key/Value element of a Dictionary (capitalized names, unlike KeyValuePair).
type DictionaryEntry[K comparable, V any] struct {
	Key   K
	Value V
}

// Get looks a key up; linear, as dictionaries on the wire are small.
func (d Dictionary[K, V]) Get(k K) (V, bool) {
	for _, e := range d {
		if e.Key == k {
			return e.Value, true
		}
	}
	var zero V
	return zero, false
}

func (Dictionary[K, V]) isDictionary() {}

// dictionaryType lets the decoder refuse duplicate keys as Dictionary.Add does.
type dictionaryType interface{ isDictionary() }

// KeyValuePair is a standalone System.Collections.Generic.KeyValuePair<K,V>; DCJS
// writes it with lowercase "key"/"value", unlike dictionary entries.
type KeyValuePair[K, V any] struct {
	Key   K `dc:"key"`
	Value V `dc:"value"`
}
