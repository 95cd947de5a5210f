package datacontract

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type dmaInner struct {
	MyDataMember string `dc:"MyDataMember"`
}

type dma1 struct {
	P1            string    `dc:"P1"`
	P2            int       `dc:"xyz"`
	P3            bool      `dc:"P3,order=2"`
	Order100      bool      `dc:"Order100,order=100"`
	OrderMaxValue bool      `dc:"OrderMaxValue,order=2147483647"`
	P4            string    `dc:"P4,required"`
	P5            int       `dc:"P5"`
	Another       *dmaInner `dc:"MyDataMemberInAnotherNamespace"`
	Hidden        string
}

type enumMembers struct {
	F1 int32
	P1 int32
}

type withDTO struct {
	ModifiedTime DateTimeOffset
}

// TestSpecVectors pins the wcf-wire.md §10 examples E1–E12 (server zone UTC).
func TestSpecVectors(t *testing.T) {
	utc := time.Date(2013, 1, 2, 3, 4, 5, 6e6, time.UTC)
	tests := []struct {
		name string
		in   any
		want string
	}{
		{"E1 bytes", []byte{1, 2}, `[1,2]`},
		{"E1 nil bytes", []byte(nil), `null`},
		{"E2 slash", Char('/'), `"\/"`},
		{"E2 backslash", Char('\\'), `"\\"`},
		{"E2 quote", Char('"'), `"\""`},
		{"E2 apostrophe", Char('\''), `"'"`},
		{"E3 nul", Char(0), `"\u0000"`},
		{"E3 us", Char(0x1f), `"\u001f"`},
		{"E3 nel", Char(0x85), `"\u0085"`},
		{"E3 ls", Char(0x2028), `"\u2028"`},
		{"E3 surrogate", Char(0xD800), `"\ud800"`},
		{"E3 fffe", Char(0xFFFE), `"\ufffe"`},
		{"E4 controls", "\b\t\n\v\f\r", `"\b\t\n\u000b\f\r"`},
		{"E5 -1.2", -1.2, `-1.2`},
		{"E5 0", 0.0, `0`},
		{"E5 -0", math.Copysign(0, -1), `-0`},
		{"E5 max", math.MaxFloat64, `1.7976931348623157E+308`},
		{"E6 1h2m3s", TimeSpan(TicksPerHour + 2*TicksPerMinute + 3*TicksPerSecond), `"PT1H2M3S"`},
		{"E6 max", TimeSpan(math.MaxInt64), `"P10675199DT2H48M5.4775807S"`},
		{"E7 utc", DateTime{Time: utc, Kind: Utc}, `"\/Date(1357095845006)\/"`},
		{"E8 dict", Dictionary[string, int]{{"one", 1}, {"two", 2}}, `[{"Key":"one","Value":1},{"Key":"two","Value":2}]`},
		{"E9 kvp", KeyValuePair[string, any]{"key1", "key1value"}, `{"key":"key1","value":"key1value"}`},
		{"E10 order", dma1{P1: "abc", P2: 12, P3: true, Order100: true, P4: "a", P5: 10, Another: &dmaInner{"Test"}},
			`{"MyDataMemberInAnotherNamespace":{"MyDataMember":"Test"},"P1":"abc","P4":"a","P5":10,"xyz":12,"P3":true,"Order100":true,"OrderMaxValue":false}`},
		{"E11 enums", enumMembers{F1: 2, P1: 1}, `{"F1":2,"P1":1}`},
		{"E11 flags", 1 | 8, `9`},
		{"E12 dto", withDTO{DateTimeOffset{utc}}, `{"ModifiedTime":{"DateTime":"\/Date(1357095845006)\/","OffsetMinutes":0}}`},
		{"epsilon", math.SmallestNonzeroFloat64, `4.94065645841247E-324`},
		{"1.5e-7", 1.5e-7, `1.5E-07`},
		{"1e-5", 1e-5, `1E-05`},
		{"1e-4", 1e-4, `0.0001`},
		{"1e15", 1e15, `1E+15`},
		{"1e14", 1e14, `100000000000000`},
		{"float max", float32(math.MaxFloat32), `3.40282347E+38`},
		{"emoji", "😀", `"\ud83d\ude00"`},
		{"nan", math.NaN(), `NaN`},
		{"inf", math.Inf(-1), `-INF`},
		{"guid", MustGuid("2054FD3E-E118-476A-9962-1A882BE51860"), `"2054fd3e-e118-476a-9962-1a882be51860"`},
		{"decimal", Decimal("12.50"), `12.50`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Marshal(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(got))
		})
	}
}
