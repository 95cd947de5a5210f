package interop

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	dc "github.com/svccheck/svccheck/reference/datacontract"
	"github.com/svccheck/svccheck/reference/services"
)

// xmlCase: .NET's DataContractSerializer writes `val` declared as `cs`; Go must write the same
// bytes for goV. root/rootNs use the (type, rootName, rootNamespace) constructor; wrap emulates
// WCF's wrapped reply: an XmlDictionaryWriter with <{wrap}Response xmlns="http://tempuri.org/">
// open, the value written by a serializer rooted at {wrap}Result in that namespace.
type xmlCase struct {
	name, cs, val string
	goV           any
	root, rootNs  string
	wrap          string
}

const csXMLProgram = `using System;
using System.IO;
using System.Xml;
using System.Text;
using System.Collections.Generic;
using System.Runtime.Serialization;
%s
public static class Program {
  static void Out(string name, string status, byte[] b) { Console.WriteLine(name + "\t" + status + "\t" + Convert.ToBase64String(b)); }
  static void Err(string name, Exception e) { Out(name, "ERR", Encoding.UTF8.GetBytes(e.GetType().Name + ": " + e.Message)); }
  static void X<T>(string name, Func<T> value) {
    try { var ms = new MemoryStream(); new DataContractSerializer(typeof(T)).WriteObject(ms, value()); Out(name, "OK", ms.ToArray()); }
    catch (Exception e) { Err(name, e); }
  }
  static void XR<T>(string name, string root, string ns, Func<T> value) {
    try { var ms = new MemoryStream(); new DataContractSerializer(typeof(T), root, ns).WriteObject(ms, value()); Out(name, "OK", ms.ToArray()); }
    catch (Exception e) { Err(name, e); }
  }
  static void XW<T>(string name, string op, Func<T> value) {
    try {
      var ms = new MemoryStream();
      var w = XmlDictionaryWriter.CreateTextWriter(ms, Encoding.UTF8, false);
      w.WriteStartElement(op + "Response", "http://tempuri.org/");
      new DataContractSerializer(typeof(T), op + "Result", "http://tempuri.org/").WriteObject(w, value());
      w.WriteEndElement(); w.Flush();
      Out(name, "OK", ms.ToArray());
    } catch (Exception e) { Err(name, e); }
  }
  static double D(ulong bits) { return BitConverter.Int64BitsToDouble(unchecked((long)bits)); }
  static float F(uint bits) { return BitConverter.ToSingle(BitConverter.GetBytes(bits), 0); }
  public static void Main() {
%s  }
}
`

func xmlCases() []xmlCase {
	t0 := utcDate(2013, 1, 2, 3, 4, 5, 6)
	demo := `new Terrasoft.Configuration.UsrDemoService.Contact{Id=new Guid("11111111-2222-3333-4444-555555555555"), FirstName="Supervisor", Nick="sv", Birthday=new DateTime(1980,5,17,0,0,0,DateTimeKind.Utc), Balance=12.50m, Kind=Terrasoft.Configuration.UsrDemoService.ContactKind.Company, Tags=new Dictionary<string,string>{{"source","demo"},{"tier","gold"}}, Phones=new List<Terrasoft.Configuration.UsrDemoService.Phone>{new Terrasoft.Configuration.UsrDemoService.Phone{Number="+1 555 0100",Primary=true}, new Terrasoft.Configuration.UsrDemoService.Phone{Number="<2>"}}, ModifiedOn=new DateTime(2013,1,2,3,4,5,6,DateTimeKind.Utc)}`
	birthday := dc.DateTime{Time: utcDate(1980, 5, 17, 0, 0, 0, 0), Kind: dc.Utc}
	goDemo := services.Contact{Id: dc.MustGuid("11111111-2222-3333-4444-555555555555"), FirstName: "Supervisor", Nick: ptr("sv"), Birthday: &birthday,
		Balance: "12.50", Kind: services.KindCompany, Tags: dc.Dictionary[string, string]{{Key: "source", Value: "demo"}, {Key: "tier", Value: "gold"}},
		Phones: []services.Phone{{Number: "+1 555 0100", Primary: true}, {Number: "<2>"}}, ModifiedOn: dc.DateTime{Time: t0, Kind: dc.Utc}}
	const demoCS = "Terrasoft.Configuration.UsrDemoService."
	return []xmlCase{
		{name: "x_contact", cs: demoCS + "Contact", val: demo, goV: goDemo},
		{name: "x_contact_sparse", cs: demoCS + "Contact", val: "new " + demoCS + `Contact{FirstName=""}`, goV: services.Contact{}},
		{name: "x_contact_null", cs: demoCS + "Contact", val: "(" + demoCS + "Contact)null", goV: (*services.Contact)(nil)},
		{name: "x_contact_list", cs: "List<" + demoCS + "Contact>", val: "new List<" + demoCS + "Contact>{" + demo + ", null}", goV: []*services.Contact{&goDemo, nil}},
		{name: "x_error_info", cs: demoCS + "ErrorInfo", val: "new " + demoCS + `ErrorInfo{Code="NotFound",Message="no such contact"}`, goV: services.ErrorInfo{Code: "NotFound", Message: "no such contact"}},
		{name: "x_contact_kind", cs: demoCS + "ContactKind", val: demoCS + "ContactKind.Person", goV: services.KindPerson},
		{name: "x_contact_root_named", cs: demoCS + "Contact", val: demo, goV: goDemo, root: "GetContactXmlResult", rootNs: "http://tempuri.org/"},
		{name: "x_contact_wrapped", cs: demoCS + "Contact", val: demo, goV: goDemo, wrap: "GetContact"},
		{name: "x_contact_wrapped_null", cs: demoCS + "Contact", val: "(" + demoCS + "Contact)null", goV: (*services.Contact)(nil), wrap: "GetContact"},
		{name: "x_int_wrapped", cs: "int", val: "42", goV: int32(42), wrap: "Count"},
		{name: "x_string_wrapped", cs: "string", val: `"a&b"`, goV: "a&b", wrap: "Echo"},
		{name: "x_string_escapes", cs: "string", val: csString("a<b>c&d\"e'f\r\n\t\x00\x01\x1f\x7f\u0085\u2028\ufffe\uffff😀é日本 ]]>"), goV: "a<b>c&d\"e'f\r\n\t\x00\x01\x1f\x7f\u0085\u2028\ufffe\uffff😀é日本 ]]>"},
		{name: "x_string_empty", cs: "string", val: `""`, goV: ""},
		{name: "x_string_null", cs: "string", val: "(string)null", goV: (*string)(nil)},
		{name: "x_string_lone_surrogate", cs: "string", val: csString("x\xed\xa0\x80y"), goV: "x\xed\xa0\x80y"},
		{name: "x_bool", cs: "bool", val: "false", goV: false},
		{name: "x_long_min", cs: "long", val: "long.MinValue", goV: int64(-1 << 63)},
		{name: "x_nums", cs: "Svc.Nums", val: `new Svc.Nums{A=sbyte.MinValue,B=byte.MaxValue,C=short.MinValue,D=ushort.MaxValue,E=int.MinValue,F=uint.MaxValue,G=long.MinValue,H=ulong.MaxValue,I=-1.5f,J=1e300,K=decimal.MinValue}`,
			goV: Nums{A: -128, B: 255, C: -32768, D: 65535, E: -1 << 31, F: 1<<32 - 1, G: -1 << 63, H: 1<<64 - 1, I: -1.5, J: 1e300, K: "-79228162514264337593543950335"}},
		{name: "x_doubles", cs: "double[]", val: csDoubles(thresholdDoubles()), goV: thresholdDoubles()},
		{name: "x_doubles_random", cs: "double[]", val: csDoubles(randomDoubles()), goV: randomDoubles()},
		{name: "x_double_specials", cs: "double[]", val: "new double[]{double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, double.Epsilon, double.MaxValue}",
			goV: []float64{nan(), inf(1), inf(-1), negZero(), 4.9406564584124654e-324, 1.7976931348623157e308}},
		{name: "x_floats", cs: "float[]", val: csFloats(floatValues()), goV: floatValues()},
		{name: "x_decimals", cs: "decimal[]", val: `new decimal[]{0m, decimal.Parse("0.00"), -3.1415m, decimal.MaxValue, 0.0000001m}`, goV: []dc.Decimal{"0", "0.00", "-3.1415", "79228162514264337593543950335", "0.0000001"}},
		{name: "x_guid", cs: "Guid", val: `new Guid("2054FD3E-E118-476A-9962-1A882BE51860")`, goV: dc.MustGuid("2054fd3e-e118-476a-9962-1a882be51860")},
		{name: "x_date_utc", cs: "DateTime", val: "new DateTime(2013,1,2,3,4,5,6,DateTimeKind.Utc)", goV: dc.DateTime{Time: t0, Kind: dc.Utc}},
		{name: "x_date_local", cs: "DateTime", val: "new DateTime(2013,1,2,3,4,5,6,DateTimeKind.Local)", goV: dc.DateTime{Time: localDate(2013, 1, 2, 3, 4, 5, 6), Kind: dc.Local}},
		{name: "x_date_local_summer", cs: "DateTime", val: "new DateTime(2010,7,1,12,0,0,DateTimeKind.Local)", goV: dc.DateTime{Time: localDate(2010, 7, 1, 12, 0, 0, 0), Kind: dc.Local}},
		{name: "x_date_unspecified", cs: "DateTime", val: "new DateTime(2013,1,2,3,4,5,6)", goV: dc.DateTime{Time: t0, Kind: dc.Unspecified}},
		{name: "x_date_min", cs: "DateTime", val: "DateTime.MinValue", goV: dc.DateTime{}},
		{name: "x_date_ticks", cs: "DateTime", val: "new DateTime(2013,1,2,3,4,5,DateTimeKind.Utc).AddTicks(1234560)", goV: dc.DateTime{Time: t0.Add(-6*time.Millisecond + 123456*time.Microsecond), Kind: dc.Utc}},
		{name: "x_dates_struct", cs: "Svc.Dates", val: "new Svc.Dates{U=new DateTime(2000,2,29,0,0,0,DateTimeKind.Utc), L=new DateTime(2021,3,28,2,30,0,DateTimeKind.Local), S=new DateTime(1999,12,31,23,59,59,999)}",
			goV: Dates{U: dc.DateTime{Time: utcDate(2000, 2, 29, 0, 0, 0, 0), Kind: dc.Utc}, L: dc.DateTime{Time: localDate(2021, 3, 28, 2, 30, 0, 0), Kind: dc.Local}, S: dc.DateTime{Time: utcDate(1999, 12, 31, 23, 59, 59, 999)}}},
		{name: "x_timespans", cs: "TimeSpan[]", val: "new TimeSpan[]{TimeSpan.Zero, -new TimeSpan(1,2,3), TimeSpan.FromTicks(15), TimeSpan.FromDays(3), TimeSpan.MaxValue}",
			goV: []dc.TimeSpan{0, -dc.TimeSpan(dc.TicksPerHour + 2*dc.TicksPerMinute + 3*dc.TicksPerSecond), 15, 3 * dc.TicksPerDay, 1<<63 - 1}},
		{name: "x_dto", cs: "DateTimeOffset", val: "new DateTimeOffset(2013,1,2,3,4,5,6,TimeSpan.FromHours(5))", goV: dc.DateTimeOffset{Time: time.Date(2013, 1, 2, 3, 4, 5, 6e6, time.FixedZone("", 5*3600))}},
		{name: "x_nulls", cs: "Svc.Nulls", val: "new Svc.Nulls()", goV: Nulls{}},
		{name: "x_nulls_values", cs: "Svc.Nulls", val: `new Svc.Nulls{A=0,B=2.5,C="c",D=new int[]{1},E=new Dictionary<string,int>{{"k",1}},F=new Svc.Inner{MyDataMember=""},G=new DateTime(2013,1,2,3,4,5,6,DateTimeKind.Utc)}`,
			goV: Nulls{A: ptr(int32(0)), B: ptr(2.5), C: ptr("c"), D: []int32{1}, E: dc.Dictionary[string, int32]{{Key: "k", Value: 1}}, F: &Inner{}, G: &dc.DateTime{Time: t0, Kind: dc.Utc}}},
		{name: "x_nested_order", cs: "Svc.DMA_1", val: `new Svc.DMA_1{P1="abc",P2=12,P3=true,Order100=true,P4="a",P5=10,MyDataMemberInAnotherNamespace=new Svc.Inner{MyDataMember="Test"}}`,
			goV: DMA1{P1: "abc", P2: 12, P3: true, Order100: true, P4: "a", P5: 10, Another: &Inner{"Test"}}},
		{name: "x_list_contracts", cs: "List<Svc.Inner>", val: `new List<Svc.Inner>{new Svc.Inner{MyDataMember="a"}, null}`, goV: []*Inner{{"a"}, nil}},
		{name: "x_list_strings", cs: "List<string>", val: `new List<string>{"a",null,""}`, goV: []*string{ptr("a"), nil, ptr("")}},
		{name: "x_list_ints", cs: "int[]", val: "new int[]{1,-2}", goV: []int32{1, -2}},
		{name: "x_dict_strings", cs: "Dictionary<string,string>", val: `new Dictionary<string,string>{{"a","b"},{"c",null}}`, goV: dc.Dictionary[string, *string]{{Key: "a", Value: ptr("b")}, {Key: "c"}}},
		{name: "x_dict_map", cs: "Dictionary<int,bool>", val: `new Dictionary<int,bool>{{1,true},{2,false}}`, goV: map[int32]bool{2: false, 1: true}},
		{name: "x_enum", cs: "Svc.MyEnum", val: "Svc.MyEnum.Two", goV: MyEnum(1)},
		{name: "x_enum_members", cs: "Svc.TypeWithEnumMembers", val: "new Svc.TypeWithEnumMembers{F1=Svc.MyEnum.Three,P1=Svc.MyEnum.Two,Fl=Svc.MyFlags.One|Svc.MyFlags.Four}", goV: TypeWithEnumMembers{F1: 2, P1: 1, Fl: 9}},
		{name: "x_flags_zero", cs: "Svc.MyFlags", val: "(Svc.MyFlags)0", goV: MyFlags(0)},
		{name: "x_other_namespaces", cs: "Svc.XOther", val: `new Svc.XOther{A=new Svc.XInner{S="x", L=new List<string>{"q"}}, LI=new List<Svc.XInner>{new Svc.XInner{S="y"}}, En=Svc.MyEnum.Three, LE=new List<Svc.MyEnum>{Svc.MyEnum.One}, G=new Guid[]{Guid.Empty}, Bytes=new byte[]{1,2,3}, Self=new List<Svc.XOther>{new Svc.XOther()}, O=new DateTimeOffset(2013,1,2,3,4,5,TimeSpan.FromMinutes(-210)), LL=new List<List<string>>{new List<string>{"a"}, null}}`,
			goV: XOther{A: &XInner{S: ptr("x"), L: []string{"q"}}, LI: []XInner{{S: ptr("y")}}, En: 2, LE: []MyEnum{0}, G: []dc.Guid{{}}, Bytes: []byte{1, 2, 3}, Self: []XOther{{}},
				O: &dc.DateTimeOffset{Time: time.Date(2013, 1, 2, 3, 4, 5, 0, time.FixedZone("", -210*60))}, LL: [][]string{{"a"}, nil}}},
		{name: "x_base_other_namespace", cs: "Svc.XDerived", val: `new Svc.XDerived{Zed="z",Id=1,A="a"}`, goV: XDerived{Base: Base{Zed: ptr("z"), ID: 1}, A: ptr("a")}},
		{name: "x_inheritance", cs: "Svc.Derived", val: `new Svc.Derived{Zed="z",Id=1,Alpha="a",Name="n"}`, goV: Derived{Base: Base{Zed: ptr("z"), ID: 1}, Alpha: ptr("a"), Name: ptr("n")}},
		{name: "x_bytes", cs: "byte[]", val: "new byte[]{0,255,7}", goV: []byte{0, 255, 7}},
		{name: "x_char", cs: "char", val: `'\u00e9'`, goV: dc.Char('é')},
	}
}

// TestInteropXML is the differential test against Mono's DataContractSerializer (XML).
func TestInteropXML(t *testing.T) {
	if os.Getenv("SVCCHECK_INTEROP") != "1" {
		t.Skip("set SVCCHECK_INTEROP=1 (needs mono-devel); run via make interop")
	}
	cases := xmlCases()
	var calls strings.Builder
	for _, c := range cases {
		switch {
		case c.wrap != "":
			fmt.Fprintf(&calls, "    XW<%s>(%q, %q, () => %s);\n", c.cs, c.name, c.wrap, c.val)
		case c.root != "":
			fmt.Fprintf(&calls, "    XR<%s>(%q, %q, %q, () => %s);\n", c.cs, c.name, c.root, c.rootNs, c.val)
		default:
			fmt.Fprintf(&calls, "    X<%s>(%q, () => %s);\n", c.cs, c.name, c.val)
		}
	}
	res := runMonoProgram(t, "ProgramXml", fmt.Sprintf(csXMLProgram, csTypes+csXMLTypes, calls.String()))
	t.Logf("TZ=%s: %d XML cases", os.Getenv("TZ"), len(cases))
	opt := dc.Options{Location: time.Local}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, ok := res[c.name]
			require.True(t, ok, "no .NET result for %s", c.name)
			got, err := encodeXMLCase(opt, c)
			if !r.ok {
				require.Error(t, err, ".NET refused (%s) but Go wrote %s", r.body, got)
				t.Logf(".NET: %s | Go: %v", r.body, err)
				return
			}
			require.NoError(t, err, ".NET wrote %s", r.body)
			requireSameBytes(t, r.body, got)
		})
	}
}

func encodeXMLCase(opt dc.Options, c xmlCase) ([]byte, error) {
	switch {
	case c.wrap != "":
		return opt.EncodeXMLWrapped(c.wrap+"Response", "http://tempuri.org/",
			dc.XMLPart{Name: c.wrap + "Result", Type: reflect.TypeOf(c.goV), Value: c.goV})
	case c.root != "":
		return opt.EncodeXMLRoot(c.goV, c.root, c.rootNs)
	}
	return opt.EncodeXML(c.goV)
}

// runMonoProgram compiles src with mcs and runs it; each output line is name, status, base64 body.
func runMonoProgram(t *testing.T, name, src string) map[string]result {
	work, err := filepath.Abs("work")
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(work, 0o755))
	cs, exe := filepath.Join(work, name+".cs"), filepath.Join(work, name+".exe")
	require.NoError(t, os.WriteFile(cs, []byte(src), 0o644))
	out, err := exec.Command("mcs", "-nologo", "-r:System.Runtime.Serialization.dll", "-r:System.Xml.dll", "-out:"+exe, cs).CombinedOutput()
	require.NoError(t, err, "mcs: %s", out)
	cmd := exec.Command("mono", exe)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	require.NoError(t, err, "mono: %s", stderr.String())
	res := map[string]result{}
	sc := bufio.NewScanner(bytes.NewReader(stdout))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		require.Len(t, f, 3, "bad line %q", sc.Text())
		b, err := base64.StdEncoding.DecodeString(f[2])
		require.NoError(t, err)
		res[f[0]] = result{ok: f[1] == "OK", body: b}
	}
	return res
}

func nan() float64         { return math.NaN() }
func inf(sign int) float64 { return math.Inf(sign) }
func negZero() float64     { return math.Copysign(0, -1) }
