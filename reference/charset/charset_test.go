package charset

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLookupKeepsLatin1AndFindsWHATWGNames(t *testing.T) {
	for in, want := range map[string]string{"ISO-8859-1": "ISO-8859-1", "latin1": "ISO-8859-1", "iso-8859-1": "ISO-8859-1",
		"windows-1251": "windows-1251", "cp1251": "windows-1251", "KOI8-R": "KOI8-R", "ISO-2022-JP": "ISO-2022-JP",
		"utf-16LE": "UTF-16LE", "UTF-16BE": "UTF-16BE", "utf-8": "UTF-8"} {
		c, err := Lookup(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, c.Name, in)
	}
	_, err := Lookup("x-no-such")
	assert.Error(t, err)
}

// F11 and F21 byte vectors.
func TestEncodeIsByteExact(t *testing.T) {
	for _, tc := range []struct {
		cs, text string
		want     []byte
	}{
		{"ISO-8859-1", "Müller", []byte{0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72}},
		{"windows-1251", "Иван", []byte{0xC8, 0xE2, 0xE0, 0xED}},
		{"KOI8-R", "Иван", []byte{0xE9, 0xD7, 0xC1, 0xCE}},
		{"UTF-16LE", "{", []byte{0x7B, 0x00}},
		{"UTF-16BE", "{", []byte{0x00, 0x7B}},
		{"ISO-2022-JP", "カナ", []byte("\x1b$B%+%J\x1b(B")},
	} {
		c := MustLookup(tc.cs)
		b, err := c.Encode(tc.text)
		require.NoError(t, err, tc.cs)
		assert.Equal(t, tc.want, b, tc.cs)
		back, err := c.Decode(b)
		require.NoError(t, err, tc.cs)
		assert.Equal(t, tc.text, back, tc.cs)
	}
}

func TestStrictDecodeNamesTheOffset(t *testing.T) {
	_, err := UTF8.Decode([]byte{0x4D, 0xFC, 0x6C})
	var ie *InvalidError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, 1, ie.Offset)
	_, err = MustLookup("windows-1251").Decode([]byte{'a', 0x98})
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, 1, ie.Offset)
}

func TestEncodeLossyUsesQuestionMark(t *testing.T) {
	assert.Equal(t, []byte("M?ller"), MustLookup("windows-1251").EncodeLossy("Müller"))
	_, err := MustLookup("ISO-8859-1").Encode("Иван")
	assert.Error(t, err)
}

func TestQueryEscapeUsesTheCharsetsBytes(t *testing.T) {
	q, err := QueryEscape("Müller", MustLookup("ISO-8859-1"))
	require.NoError(t, err)
	assert.Equal(t, "M%FCller", q)
	q, _ = QueryEscape("Müller x", UTF8)
	assert.Equal(t, "M%C3%BCller+x", q)
}

func TestMojibake(t *testing.T) {
	meant, ok := Mojibake("MÃ¼ller")
	assert.True(t, ok)
	assert.Equal(t, "Müller", meant)
	_, ok = Mojibake("Müller")
	assert.False(t, ok)
	_, ok = Mojibake("plain")
	assert.False(t, ok)
	assert.True(t, MojibakeIn([]byte("Müller"), MustLookup("ISO-8859-1")))
	assert.False(t, MojibakeIn([]byte{0x4D, 0xFC}, MustLookup("ISO-8859-1")))
}

func TestSameAndLabel(t *testing.T) {
	assert.True(t, Same("latin1", "ISO-8859-1"))
	assert.False(t, Same("utf-8", "ISO-8859-1"))
	assert.Equal(t, "iso-8859-1", MustLookup("ISO-8859-1").Label())
	assert.Equal(t, "utf-16LE", MustLookup("utf-16le").Label())
}

// Strict decoding is linear: a large body with a bad byte at its end is judged quickly (a former
// version decoded growing prefixes, quadratic in the body size).
func TestStrictDecodeOfLargeBodiesIsLinear(t *testing.T) {
	b := append(bytes.Repeat([]byte{0xE0}, 2<<20), 0x98)
	_, err := MustLookup("windows-1251").Decode(b)
	var ie *InvalidError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, 2<<20, ie.Offset)
}

// UTF-16 that x/text would quietly repair — a lone surrogate, an odd trailing byte — is invalid,
// as it is to .NET's validating decoder.
func TestInvalidUTF16IsRefused(t *testing.T) {
	for name, tc := range map[string]struct {
		cs   string
		b    []byte
		want int
	}{
		"odd length LE":      {"UTF-16LE", []byte{'a', 0, 'b'}, 2},
		"lone high LE":       {"UTF-16LE", []byte{'a', 0, 0x00, 0xD8, 'b', 0}, 2},
		"lone low BE":        {"UTF-16BE", []byte{0, 'a', 0xDC, 0x00}, 2},
		"high at the end BE": {"UTF-16BE", []byte{0, 'a', 0xD8, 0x3D}, 2},
		"pair is fine LE":    {"UTF-16LE", []byte{0x3D, 0xD8, 0x00, 0xDE}, -1},
	} {
		_, err := MustLookup(tc.cs).Decode(tc.b)
		if tc.want < 0 {
			assert.NoError(t, err, name)
			continue
		}
		var ie *InvalidError
		require.ErrorAs(t, err, &ie, name)
		assert.Equal(t, tc.want, ie.Offset, name)
	}
}
