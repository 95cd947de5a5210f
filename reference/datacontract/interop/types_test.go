package interop

import dc "github.com/svccheck/svccheck/reference/datacontract"

// csTypes is the C# side of every Go type below; the two must stay in step.
const csTypes = `
namespace Svc {
  [DataContract] public class Inner { [DataMember] public string MyDataMember; }
  [DataContract] public class DMA_1 {
    [DataMember] public string P1;
    [DataMember(Name="xyz")] public int P2;
    [DataMember(Order=2)] public bool P3;
    [DataMember(Order=100)] public bool Order100;
    [DataMember(Order=int.MaxValue)] public bool OrderMaxValue;
    [DataMember(IsRequired=true)] public string P4;
    [DataMember(EmitDefaultValue=true)] public int P5;
    [DataMember] public Inner MyDataMemberInAnotherNamespace;
    public string Hidden;
  }
  public enum MyEnum { One, Two, Three }
  [Flags] public enum MyFlags { One = 1, Two = 2, Four = 8 }
  [DataContract] public class TypeWithEnumMembers { [DataMember] public MyEnum F1; [DataMember] public MyEnum P1; [DataMember] public MyFlags Fl; }
  [DataContract] public class WithDTO { [DataMember] public DateTimeOffset ModifiedTime; }
  public class Plain { public string Name; public int Age; public string zeta; public string Alpha; public string _under; public string B2; }
  public class PlainGo { public string Name; public int Age; public string Alpha; public string B2; }
  [DataContract] public class EmitDef {
    [DataMember(EmitDefaultValue=false)] public int I;
    [DataMember(EmitDefaultValue=false)] public string S;
    [DataMember(EmitDefaultValue=false)] public bool B;
    [DataMember(EmitDefaultValue=false)] public int? N;
    [DataMember(EmitDefaultValue=false)] public double D;
    [DataMember(EmitDefaultValue=false)] public decimal M;
    [DataMember(EmitDefaultValue=false)] public Guid G;
    [DataMember(EmitDefaultValue=false)] public DateTime T;
    [DataMember(EmitDefaultValue=false)] public TimeSpan TS;
    [DataMember(EmitDefaultValue=false)] public int[] A;
  }
  [DataContract] public class Req { [DataMember(IsRequired=true)] public int Id; [DataMember] public string Name; }
  [DataContract] public class Base { [DataMember] public string Zed; [DataMember] public int Id; }
  [DataContract] public class Derived : Base { [DataMember] public string Alpha; [DataMember] public string Name; }
  [DataContract] public class Nulls { [DataMember] public int? A; [DataMember] public double? B; [DataMember] public string C; [DataMember] public int[] D; [DataMember] public Dictionary<string,int> E; [DataMember] public Inner F; [DataMember] public DateTime? G; }
  [DataContract] public class Dates { [DataMember] public DateTime U; [DataMember] public DateTime L; [DataMember] public DateTime S; }
  [DataContract] public class Nums { [DataMember] public sbyte A; [DataMember] public byte B; [DataMember] public short C; [DataMember] public ushort D; [DataMember] public int E; [DataMember] public uint F; [DataMember] public long G; [DataMember] public ulong H; [DataMember] public float I; [DataMember] public double J; [DataMember] public decimal K; }
  [DataContract] public class Misc { [DataMember] public Guid G; [DataMember] public char C; [DataMember] public TimeSpan T; [DataMember] public byte[] Bytes; [DataMember] public List<string> L; [DataMember] public int[][] J; [DataMember] public KeyValuePair<string,int> KV; }
  [DataContract] public class Dicts { [DataMember] public Dictionary<int,string> ByInt; [DataMember] public Dictionary<Guid,bool> ByGuid; [DataMember] public Dictionary<string,Inner> Nested; }
}
namespace MyApp.Shapes {
  [DataContract] [KnownType(typeof(Circle))] [KnownType(typeof(Square))] public class Shape { [DataMember] public string Color; }
  [DataContract] public class Circle : Shape { [DataMember] public double Radius; }
  [DataContract] public class Square : Shape { [DataMember] public double Side; }
  [DataContract] public class Drawing { [DataMember] public Shape Main; [DataMember] public Shape[] All; [DataMember] public object Any; }
}
`

type Inner struct {
	MyDataMember string `dc:"MyDataMember"`
}

type DMA1 struct {
	P1            string `dc:"P1"`
	P2            int32  `dc:"xyz"`
	P3            bool   `dc:"P3,order=2"`
	Order100      bool   `dc:"Order100,order=100"`
	OrderMaxValue bool   `dc:"OrderMaxValue,order=2147483647"`
	P4            string `dc:"P4,required"`
	P5            int32  `dc:"P5"`
	Another       *Inner `dc:"MyDataMemberInAnotherNamespace"`
	Hidden        string
}

type MyEnum int32

type MyFlags int32

type TypeWithEnumMembers struct {
	F1 MyEnum
	P1 MyEnum
	Fl MyFlags
}

type WithDTO struct {
	ModifiedTime dc.DateTimeOffset
}

// PlainWire mirrors Plain with the lowercase C# names; Go needs tags to spell them,
// and tags would make it a data contract, which orders the same way.
type PlainWire struct {
	Name  *string `dc:"Name"`
	Age   int32   `dc:"Age"`
	Zeta  *string `dc:"zeta"`
	Alpha *string `dc:"Alpha"`
	Under *string `dc:"_under"`
	B2    *string `dc:"B2"`
}

type PlainGo struct {
	Name  *string
	Age   int32
	Alpha *string
	B2    *string
}

type EmitDef struct {
	I  int32          `dc:"I,omitdefault"`
	S  *string        `dc:"S,omitdefault"`
	B  bool           `dc:"B,omitdefault"`
	N  *int32         `dc:"N,omitdefault"`
	D  float64        `dc:"D,omitdefault"`
	M  dc.Decimal     `dc:"M,omitdefault"`
	G  dc.Guid        `dc:"G,omitdefault"`
	T  dc.DateTime    `dc:"T,omitdefault"`
	TS dc.TimeSpan    `dc:"TS,omitdefault"`
	A  []int32        `dc:"A,omitdefault"`
	X  map[string]int `dc:"-"`
}

type Req struct {
	ID   int32   `dc:"Id,required"`
	Name *string `dc:"Name"`
}

type Base struct {
	Zed *string `dc:"Zed"`
	ID  int32   `dc:"Id"`
}

type Derived struct {
	Base
	Alpha *string `dc:"Alpha"`
	Name  *string `dc:"Name"`
}

type Nulls struct {
	A *int32                       `dc:"A"`
	B *float64                     `dc:"B"`
	C *string                      `dc:"C"`
	D []int32                      `dc:"D"`
	E dc.Dictionary[string, int32] `dc:"E"`
	F *Inner                       `dc:"F"`
	G *dc.DateTime                 `dc:"G"`
}

type Dates struct {
	U dc.DateTime `dc:"U"`
	L dc.DateTime `dc:"L"`
	S dc.DateTime `dc:"S"`
}

type Nums struct {
	A int8       `dc:"A"`
	B uint8      `dc:"B"`
	C int16      `dc:"C"`
	D uint16     `dc:"D"`
	E int32      `dc:"E"`
	F uint32     `dc:"F"`
	G int64      `dc:"G"`
	H uint64     `dc:"H"`
	I float32    `dc:"I"`
	J float64    `dc:"J"`
	K dc.Decimal `dc:"K"`
}

type Misc struct {
	G     dc.Guid                         `dc:"G"`
	C     dc.Char                         `dc:"C"`
	T     dc.TimeSpan                     `dc:"T"`
	Bytes []byte                          `dc:"Bytes"`
	L     []string                        `dc:"L"`
	J     [][]int32                       `dc:"J"`
	KV    dc.KeyValuePair[*string, int32] `dc:"KV"`
}

type Dicts struct {
	ByInt  dc.Dictionary[int32, string]  `dc:"ByInt"`
	ByGUID dc.Dictionary[dc.Guid, bool]  `dc:"ByGuid"`
	Nested dc.Dictionary[string, *Inner] `dc:"Nested"`
}

// Shape is the Go stand-in for the C# base class Shape.
type Shape interface{ isShape() }

type ShapeBase struct {
	Color *string `dc:"Color"`
}

type Circle struct {
	ShapeBase
	Radius float64 `dc:"Radius"`
}

type Square struct {
	ShapeBase
	Side float64 `dc:"Side"`
}

func (*ShapeBase) isShape() {}

type Drawing struct {
	Main Shape   `dc:"Main"`
	All  []Shape `dc:"All"`
	Any  any     `dc:"Any"`
}

func registry() *dc.KnownTypes {
	k := dc.NewKnownTypes()
	must(k.Register("Circle", "MyApp.Shapes", &Circle{}))
	must(k.Register("Square", "MyApp.Shapes", &Square{}))
	must(k.Register("Shape", "MyApp.Shapes", &ShapeBase{}))
	must(k.RegisterBase((*Shape)(nil), &ShapeBase{}))
	return k
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}
