package interop

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	dc "github.com/svccheck/svccheck/reference/datacontract"
)

// encCase: .NET serializes `val` declared as `cs`; Go must write the same bytes
// for goV and read .NET's bytes back to `back` (goV when nil).
type encCase struct {
	name string
	cs   string
	val  string
	goV  any
	back any
	want string // optional pin from wcf-wire.md, checked in addition to .NET
}

// decCase: .NET reads json as `cs` and writes it again; Go must agree — same
// bytes after its own round trip, or an error on both sides.
type decCase struct {
	name string
	cs   string
	json string
	into func() any
}

const csProgram = `using System;
using System.IO;
using System.Text;
using System.Collections.Generic;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
%s
public static class Program {
  static readonly Type[] Known = { typeof(MyApp.Shapes.Circle), typeof(MyApp.Shapes.Square) };
  static void Out(string name, string status, byte[] b) { Console.WriteLine(name + "\t" + status + "\t" + Convert.ToBase64String(b)); }
  static void Err(string name, Exception e) { Out(name, "ERR", Encoding.UTF8.GetBytes(e.GetType().Name + ": " + e.Message)); }
  static byte[] Write<T>(T value) {
    var s = new DataContractJsonSerializer(typeof(T), Known);
    var ms = new MemoryStream(); s.WriteObject(ms, value); return ms.ToArray();
  }
  static void Enc<T>(string name, Func<T> value) {
    try { Out(name, "OK", Write<T>(value())); } catch (Exception e) { Err(name, e); }
  }
  static void Dec<T>(string name, string b64) {
    try {
      var s = new DataContractJsonSerializer(typeof(T), Known);
      var v = (T)s.ReadObject(new MemoryStream(Convert.FromBase64String(b64)));
      Out(name, "OK", Write<T>(v));
    } catch (Exception e) { Err(name, e); }
  }
  static double D(ulong bits) { return BitConverter.Int64BitsToDouble(unchecked((long)bits)); }
  static float F(uint bits) { return BitConverter.ToSingle(BitConverter.GetBytes(bits), 0); }
  public static void Main() {
%s  }
}
`

type result struct {
	ok   bool
	body []byte
}

// runMono compiles the generated program once per process and runs it; Mono
// picks up TZ from the environment like Go's time.Local does.
func runMono(t *testing.T, encs []encCase, decs []decCase) map[string]result {
	var calls strings.Builder
	for _, c := range encs {
		fmt.Fprintf(&calls, "    Enc<%s>(%q, () => %s);\n", c.cs, c.name, c.val)
	}
	for _, c := range decs {
		fmt.Fprintf(&calls, "    Dec<%s>(%q, %q);\n", c.cs, c.name, base64.StdEncoding.EncodeToString([]byte(c.json)))
	}
	return runMonoProgram(t, "Program", fmt.Sprintf(csProgram, csTypes, calls.String()))
}

// TestInterop is the differential test against Mono's DataContractJsonSerializer.
func TestInterop(t *testing.T) {
	if os.Getenv("SVCCHECK_INTEROP") != "1" {
		t.Skip("set SVCCHECK_INTEROP=1 (needs mono-devel); run via make interop")
	}
	opt := dc.Options{Location: time.Local, KnownTypes: registry()}
	encs, decs := encCases(), decCases()
	res := runMono(t, encs, decs)
	zone, off := time.Now().Zone()
	if tz := os.Getenv("TZ"); tz != "" && tz != "UTC" {
		require.NotZero(t, off, "TZ=%s resolved to UTC: is the zone database (tzdata) installed?", tz)
	}
	t.Logf("TZ=%s (%s, %+d s): %d encode cases, %d decode cases", os.Getenv("TZ"), zone, off, len(encs), len(decs))
	for _, c := range encs {
		t.Run("enc/"+c.name, func(t *testing.T) { checkEnc(t, opt, c, res[c.name]) })
	}
	for _, c := range decs {
		t.Run("dec/"+c.name, func(t *testing.T) { checkDec(t, opt, c, res[c.name]) })
	}
}

func checkEnc(t *testing.T, opt dc.Options, c encCase, r result) {
	require.NotNil(t, r.body, "no .NET result for %s", c.name)
	got, err := opt.Marshal(c.goV)
	if !r.ok {
		require.Error(t, err, ".NET refused (%s) but Go wrote %s", r.body, got)
		return
	}
	require.NoError(t, err, ".NET wrote %s", r.body)
	requireSameBytes(t, r.body, got)
	if c.want != "" {
		assert.Equal(t, c.want, string(got), "wcf-wire.md pin")
	}
	target := reflect.New(reflect.TypeOf(c.goV))
	want := c.goV
	if rv := reflect.ValueOf(c.goV); rv.Kind() == reflect.Pointer && rv.Elem().Kind() == reflect.Interface {
		target = reflect.New(rv.Elem().Type())
		want = rv.Elem().Interface()
	}
	require.NoError(t, opt.Unmarshal(r.body, target.Interface()), "decoding .NET's %s", r.body)
	if c.back != nil {
		want = c.back
	}
	got2 := target.Elem()
	if got2.Kind() == reflect.Interface {
		got2 = got2.Elem()
	}
	assert.True(t, same(reflect.ValueOf(want), got2), "decoded %#v, want %#v", got2.Interface(), want)
}

func checkDec(t *testing.T, opt dc.Options, c decCase, r result) {
	require.NotNil(t, r.body, "no .NET result for %s", c.name)
	v := c.into()
	err := opt.Unmarshal([]byte(c.json), v)
	if !r.ok { // .NET failed reading or writing the value back; Go must fail in one of them too
		if err == nil {
			_, err = opt.Marshal(reflect.ValueOf(v).Elem().Interface())
		}
		require.Error(t, err, ".NET refused %s: %s", c.json, r.body)
		t.Logf(".NET: %s | Go: %v", r.body, err)
		return
	}
	require.NoError(t, err, ".NET accepted %s and wrote %s", c.json, r.body)
	got, err := opt.Marshal(reflect.ValueOf(v).Elem().Interface())
	require.NoError(t, err)
	requireSameBytes(t, r.body, got)
}

// requireSameBytes fails with the first differing spot, not two huge strings.
func requireSameBytes(t *testing.T, net, got []byte) {
	t.Helper()
	if bytes.Equal(net, got) {
		return
	}
	i := 0
	for i < len(net) && i < len(got) && net[i] == got[i] {
		i++
	}
	lo := max(0, i-40)
	t.Fatalf("bytes differ from .NET at offset %d:\n .NET: …%s…\n   Go: …%s…", i, net[lo:min(len(net), i+40)], got[lo:min(len(got), i+40)])
}

var timeType = reflect.TypeFor[time.Time]()

// same is reflect.DeepEqual with instants compared by Equal plus offset (zone
// pointers differ between decoders) and NaN equal to NaN.
func same(a, b reflect.Value) bool {
	if !a.IsValid() || !b.IsValid() {
		return a.IsValid() == b.IsValid()
	}
	if a.Type() != b.Type() {
		return false
	}
	if a.Type() == timeType {
		ta, tb := a.Interface().(time.Time), b.Interface().(time.Time)
		_, oa := ta.Zone()
		_, ob := tb.Zone()
		return ta.Equal(tb) && oa == ob
	}
	switch a.Kind() {
	case reflect.Float32, reflect.Float64:
		fa, fb := a.Float(), b.Float()
		return fa == fb && math.Signbit(fa) == math.Signbit(fb) || math.IsNaN(fa) && math.IsNaN(fb)
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return same(a.Elem(), b.Elem())
	case reflect.Slice:
		if a.IsNil() != b.IsNil() {
			return false
		}
		fallthrough
	case reflect.Array:
		if a.Len() != b.Len() {
			return false
		}
		for i := 0; i < a.Len(); i++ {
			if !same(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if a.Type().Field(i).IsExported() && !same(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return false
		}
		for _, k := range a.MapKeys() {
			if !same(a.MapIndex(k), b.MapIndex(k)) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a.Interface(), b.Interface())
}

// csString spells a Go string as a C# literal unit by unit (WTF-8 lone surrogates included).
func csString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); {
		if len(s)-i >= 3 && s[i] == 0xED && s[i+1] >= 0xA0 {
			u := 0xD000 | uint16(s[i+1]&0x3F)<<6 | uint16(s[i+2]&0x3F)
			fmt.Fprintf(&b, `\u%04x`, u)
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		for _, u := range utf16.Encode([]rune{r}) {
			fmt.Fprintf(&b, `\u%04x`, u)
		}
		i += n
	}
	b.WriteByte('"')
	return b.String()
}
