package datacontract

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type errItem struct {
	Birth DateTime `dc:"Birth"`
	N     int32    `dc:"N"`
}

type errDoc struct {
	ID    int32     `dc:"Id,required"`
	Items []errItem `dc:"Items"`
}

// TestDecodeErrors pins the path and the stable code of every decoding failure class.
func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, in, path string
		code           Code
	}{
		{"missing required", `{"Items":[]}`, "$.Id", CodeRequired},
		{"names are case-sensitive", `{"id":1}`, "$.Id", CodeRequired},
		{"iso date", `{"Id":1,"Items":[{},{},{"Birth":"2013-01-02T03:04:05Z"}]}`, "$.Items[2].Birth", CodeDate},
		{"int range", `{"Id":2147483648}`, "$.Id", CodeRange},
		{"int fraction", `{"Id":1.5}`, "$.Id", CodeFormat},
		{"null for int", `{"Id":null}`, "$.Id", CodeType},
		{"syntax", `{"Id":1,,}`, "$", CodeSyntax},
		{"array for int", `{"Id":[1]}`, "$.Id", CodeType},
		{"bad escape", `{"Id":1,"Items":[{"N":"\q"}]}`, "$.Items[0].N", CodeSyntax},
		{"trailing garbage", `{"Id":1} x`, "$", CodeSyntax},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var v errDoc
			err := Unmarshal([]byte(tc.in), &v)
			var de *Error
			require.True(t, errors.As(err, &de), "want *Error, got %v", err)
			assert.Equal(t, tc.path, de.Path)
			assert.Equal(t, tc.code, de.Code, de.Msg)
		})
	}
}

// TestLenientInput covers what DCJS accepts beyond strict JSON.
func TestLenientInput(t *testing.T) {
	tests := []struct{ name, in string }{
		{"number as string", `{"Id":"42"}`},
		{"exponent integer", `{"Id":4.2e1}`},
		{"trailing comma", `{"Id":42,}`},
		{"missing final brace", `{"Id":42`},
		{"unknown member", `{"Id":42,"Extra":{"a":[1,{}]}}`},
		{"unescaped date", `{"Id":42,"Items":[{"Birth":"/Date(0)/"}]}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var v errDoc
			require.NoError(t, Unmarshal([]byte(tc.in), &v))
			assert.Equal(t, int32(42), v.ID)
		})
	}
}

// TestServerZone shows why Options.Location exists: the same Unspecified value
// is written differently on a Moscow server and a UTC container.
func TestServerZone(t *testing.T) {
	msk, err := time.LoadLocation("Europe/Moscow")
	require.NoError(t, err)
	d := DateTime{Time: time.Date(2013, 1, 2, 3, 0, 0, 0, time.UTC)}
	utc, err := Marshal(d)
	require.NoError(t, err)
	assert.Equal(t, `"\/Date(1357095600000+0000)\/"`, string(utc))
	m, err := Options{Location: msk}.Marshal(d)
	require.NoError(t, err)
	assert.Equal(t, `"\/Date(1357081200000+0400)\/"`, string(m))
	_, err = Options{Location: msk}.Marshal(DateTime{})
	var de *Error
	require.ErrorAs(t, err, &de)
	assert.Equal(t, CodeRange, de.Code)
}

type rne struct {
	N int32 `dc:"N,required,omitdefault"`
}

func TestEncodeErrors(t *testing.T) {
	_, err := Marshal(rne{})
	var de *Error
	require.ErrorAs(t, err, &de)
	assert.Equal(t, CodeNotEmitted, de.Code)
	assert.Equal(t, "$.N", de.Path)
	_, err = Marshal(struct{ X any }{X: struct{ A int }{1}})
	require.ErrorAs(t, err, &de)
	assert.Equal(t, CodeUnknownType, de.Code)
	assert.Equal(t, "$.X", de.Path)
	_, err = Marshal(make(chan int))
	require.ErrorAs(t, err, &de)
	assert.Equal(t, CodeUnsupported, de.Code)
}
