package datacontract

import (
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type xKind int32

func (k xKind) EnumName() string { return [...]string{"Person", "Company"}[k] }
func (xKind) DataContractName() (string, string) {
	return "ContactKind", "Terrasoft.Configuration.UsrDemoService"
}

type xFlags int32

func (f xFlags) EnumName() string {
	s := ""
	for i, n := range []string{"X", "Y", "Z"} {
		if f&(1<<i) != 0 {
			if s != "" {
				s += " "
			}
			s += n
		}
	}
	return s
}
func (xFlags) DataContractName() (string, string) { return "F", "Svc" }

type xPhone struct {
	Number  string `dc:"Number"`
	Primary bool   `dc:"Primary"`
}

func (xPhone) DataContractName() (string, string) {
	return "Phone", "Terrasoft.Configuration.UsrDemoService"
}

type xContact struct {
	Id         Guid                       `dc:"Id"`
	FirstName  string                     `dc:"firstName,required"`
	Nick       *string                    `dc:"Nick,omitdefault"`
	Birthday   *DateTime                  `dc:"Birthday"`
	Balance    Decimal                    `dc:"Balance"`
	Kind       xKind                      `dc:"Kind"`
	Tags       Dictionary[string, string] `dc:"Tags"`
	Phones     []xPhone                   `dc:"Phones"`
	ModifiedOn DateTime                   `dc:"ModifiedOn"`
}

func (xContact) DataContractName() (string, string) {
	return "Contact", "Terrasoft.Configuration.UsrDemoService"
}

type xInner struct {
	S string   `dc:"S"`
	L []string `dc:"L"`
}

func (xInner) DataContractName() (string, string) { return "Inner", "Svc" }

type xOther struct {
	A     *xInner  `dc:"A"`
	LI    []xInner `dc:"LI"`
	En    xFlags   `dc:"En"`
	Empty *string  `dc:"Empty"`
}

func (xOther) DataContractName() (string, string) { return "Other", "http://x/" }

type xBase struct {
	Z string `dc:"Z"`
}

func (xBase) DataContractName() (string, string) { return "Base", "Svc" }

type xDerived struct {
	xBase
	A *string `dc:"A"`
}

func (xDerived) DataContractName() (string, string) { return "Derived", "http://d/" }

type xObject struct{ O any }

const (
	demoNs = `xmlns="http://schemas.datacontract.org/2004/07/Terrasoft.Configuration.UsrDemoService" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"`
	serNs  = `xmlns="http://schemas.microsoft.com/2003/10/Serialization/"`
)

// TestEncodeXML pins bytes Mono's DataContractSerializer wrote (see interop/ for the live comparison).
func TestEncodeXML(t *testing.T) {
	msk, err := time.LoadLocation("Europe/Moscow")
	require.NoError(t, err)
	empty := ""
	when := time.Date(2013, 1, 2, 3, 4, 5, 6e6, time.UTC)
	cases := []struct {
		name string
		v    any
		want string
	}{
		{"contact", xContact{Id: MustGuid("42d9da23-b38b-4382-a4ae-a6012efc8b22"), FirstName: "A<&>\"'\r\n\t\x01é😀", Balance: "12.50",
			Tags: Dictionary[string, string]{{"a", "b"}}, Phones: []xPhone{{"1", true}}, ModifiedOn: DateTime{when, Utc}},
			`<Contact ` + demoNs + `><Balance>12.50</Balance><Birthday i:nil="true"/><Id>42d9da23-b38b-4382-a4ae-a6012efc8b22</Id><Kind>Person</Kind><ModifiedOn>2013-01-02T03:04:05.006Z</ModifiedOn><Phones><Phone><Number>1</Number><Primary>true</Primary></Phone></Phones><Tags xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays"><a:KeyValueOfstringstring><a:Key>a</a:Key><a:Value>b</a:Value></a:KeyValueOfstringstring></Tags><firstName>A&lt;&amp;&gt;"'&#xD;` + "\n\t" + `&#x1;é😀</firstName></Contact>`},
		{"nested namespaces", xOther{A: &xInner{S: "x", L: []string{"q"}}, LI: []xInner{{S: "y"}}, En: 5, Empty: &empty},
			`<Other xmlns="http://x/" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><A xmlns:a="http://schemas.datacontract.org/2004/07/Svc"><a:L xmlns:b="http://schemas.microsoft.com/2003/10/Serialization/Arrays"><b:string>q</b:string></a:L><a:S>x</a:S></A><Empty/><En>X Z</En><LI xmlns:a="http://schemas.datacontract.org/2004/07/Svc"><a:Inner><a:L i:nil="true" xmlns:b="http://schemas.microsoft.com/2003/10/Serialization/Arrays"/><a:S>y</a:S></a:Inner></LI></Other>`},
		{"base class namespace", xDerived{xBase: xBase{Z: "z"}},
			`<Derived xmlns="http://d/" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><Z xmlns="http://schemas.datacontract.org/2004/07/Svc">z</Z><A i:nil="true"/></Derived>`},
		{"string", "a<b", `<string ` + serNs + `>a&lt;b</string>`},
		{"string empty", "", `<string ` + serNs + `/>`},
		{"string nil", (*string)(nil), `<string i:nil="true" ` + serNs + ` xmlns:i="http://www.w3.org/2001/XMLSchema-instance"/>`},
		{"double", 1e20, `<double ` + serNs + `>1E+20</double>`},
		{"double inf", math.Inf(1), `<double ` + serNs + `>INF</double>`},
		{"float max", float32(math.MaxFloat32), `<float ` + serNs + `>3.40282347E+38</float>`},
		{"enum", xKind(1), `<ContactKind xmlns="http://schemas.datacontract.org/2004/07/Terrasoft.Configuration.UsrDemoService">Company</ContactKind>`},
		{"flags zero", xFlags(0), `<F xmlns="http://schemas.datacontract.org/2004/07/Svc"/>`},
		{"local", DateTime{when, Local}, `<dateTime ` + serNs + `>2013-01-02T07:04:05.006+04:00</dateTime>`},
		{"unspecified", DateTime{time.Date(2013, 1, 2, 3, 4, 5, 0, time.UTC), Unspecified}, `<dateTime ` + serNs + `>2013-01-02T03:04:05</dateTime>`},
		{"timespan", TimeSpan(TicksPerHour + 2*TicksPerMinute + 3*TicksPerSecond), `<duration ` + serNs + `>PT1H2M3S</duration>`},
		{"list of strings", []string{"a"}, `<ArrayOfstring xmlns="http://schemas.microsoft.com/2003/10/Serialization/Arrays" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><string>a</string></ArrayOfstring>`},
		{"dictionary", map[string]string{"a": "b"}, `<ArrayOfKeyValueOfstringstring xmlns="http://schemas.microsoft.com/2003/10/Serialization/Arrays" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><KeyValueOfstringstring><Key>a</Key><Value>b</Value></KeyValueOfstringstring></ArrayOfKeyValueOfstringstring>`},
		{"bytes", []byte{1, 2, 3}, `<base64Binary ` + serNs + `>AQID</base64Binary>`},
		{"char", Char('a'), `<char ` + serNs + `>97</char>`},
		{"guid", Guid{}, `<guid ` + serNs + `>00000000-0000-0000-0000-000000000000</guid>`},
		{"lone surrogate", "x\xed\xa0\x80y", `<string ` + serNs + ">x\uFFFDy</string>"},
		{"controls", "a\u0085\u2028\ufffe\uffff\x1f\x7f", `<string ` + serNs + ">a\u0085\u2028&#xFFFE;&#xFFFF;&#x1F;\x7f</string>"},
	}
	opt := Options{Location: msk}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := opt.EncodeXML(c.v)
			require.NoError(t, err)
			assert.Equal(t, c.want, string(got))
		})
	}
}

func TestEncodeXMLRootAndWrapped(t *testing.T) {
	in := xInner{S: "x", L: []string{"a"}}
	got, err := Options{}.EncodeXMLRoot(in, "GetResult", "http://tempuri.org/")
	require.NoError(t, err)
	assert.Equal(t, `<GetResult xmlns="http://tempuri.org/" xmlns:a="http://schemas.datacontract.org/2004/07/Svc" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><a:L xmlns:b="http://schemas.microsoft.com/2003/10/Serialization/Arrays"><b:string>a</b:string></a:L><a:S>x</a:S></GetResult>`, string(got))

	got, err = Options{}.EncodeXMLWrapped("GetResponse", "http://tempuri.org/", XMLPart{Name: "GetResult", Value: xInner{S: "x"}})
	require.NoError(t, err)
	assert.Equal(t, `<GetResponse xmlns="http://tempuri.org/"><GetResult xmlns:a="http://schemas.datacontract.org/2004/07/Svc" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><a:L i:nil="true" xmlns:b="http://schemas.microsoft.com/2003/10/Serialization/Arrays"/><a:S>x</a:S></GetResult></GetResponse>`, string(got))

	got, err = Options{}.EncodeXMLWrapped("GetResponse", "http://tempuri.org/",
		XMLPart{Name: "GetResult", Type: reflect.TypeFor[*xInner]()}, XMLPart{Name: "n", Value: int32(5)})
	require.NoError(t, err)
	assert.Equal(t, `<GetResponse xmlns="http://tempuri.org/"><GetResult i:nil="true" xmlns:a="http://schemas.datacontract.org/2004/07/Svc" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"/><n>5</n></GetResponse>`, string(got))
}

func TestEncodeXMLRefuses(t *testing.T) {
	for name, v := range map[string]any{
		"object with value":     struct{ O any }{O: 1},
		"dictionary of structs": map[string]xInner{"a": {}},
		"anonymous struct":      struct{ A int }{},
		"required omitted": struct {
			S *string `dc:"S,required,omitdefault"`
		}{},
		"untyped nil": nil,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Options{}.EncodeXML(v)
			require.Error(t, err)
			var e *Error
			require.ErrorAs(t, err, &e)
		})
	}
}
