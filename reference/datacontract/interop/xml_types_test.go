package interop

import dc "github.com/svccheck/svccheck/reference/datacontract"

// csXMLTypes adds the C# side of the XML-only cases: the demo service's contracts (mirroring
// reference/services/contact.go) and contracts in other namespaces for the prefix rules.
const csXMLTypes = `
namespace Terrasoft.Configuration.UsrDemoService {
  [DataContract] public enum ContactKind { [EnumMember] Person, [EnumMember] Company }
  [DataContract] public class Phone { [DataMember] public string Number; [DataMember] public bool Primary; }
  [DataContract] public class Contact {
    [DataMember] public Guid Id;
    [DataMember(Name="firstName", IsRequired=true)] public string FirstName;
    [DataMember(EmitDefaultValue=false)] public string Nick;
    [DataMember] public DateTime? Birthday;
    [DataMember] public decimal Balance;
    [DataMember] public ContactKind Kind;
    [DataMember] public Dictionary<string,string> Tags;
    [DataMember] public List<Phone> Phones;
    [DataMember] public DateTime ModifiedOn;
  }
  [DataContract] public class ErrorInfo { [DataMember] public string Code; [DataMember] public string Message; }
}
namespace Svc {
  [DataContract] public class XInner { [DataMember] public string S; [DataMember] public List<string> L; }
  [DataContract(Namespace="http://x/")] public class XOther {
    [DataMember] public XInner A; [DataMember] public List<XInner> LI; [DataMember] public MyEnum En;
    [DataMember] public List<MyEnum> LE; [DataMember] public Guid[] G; [DataMember] public byte[] Bytes;
    [DataMember] public List<XOther> Self; [DataMember] public DateTimeOffset? O; [DataMember] public List<List<string>> LL;
  }
  [DataContract(Namespace="http://d/")] public class XDerived : Base { [DataMember] public string A; }
}
`

func (Inner) DataContractName() (string, string)               { return "Inner", "Svc" }
func (DMA1) DataContractName() (string, string)                { return "DMA_1", "Svc" }
func (Base) DataContractName() (string, string)                { return "Base", "Svc" }
func (Derived) DataContractName() (string, string)             { return "Derived", "Svc" }
func (Nulls) DataContractName() (string, string)               { return "Nulls", "Svc" }
func (Dates) DataContractName() (string, string)               { return "Dates", "Svc" }
func (Nums) DataContractName() (string, string)                { return "Nums", "Svc" }
func (TypeWithEnumMembers) DataContractName() (string, string) { return "TypeWithEnumMembers", "Svc" }
func (MyEnum) DataContractName() (string, string)              { return "MyEnum", "Svc" }
func (MyFlags) DataContractName() (string, string)             { return "MyFlags", "Svc" }

// EnumName spells the C# members One, Two, Three.
func (e MyEnum) EnumName() string { return [...]string{"One", "Two", "Three"}[e] }

// EnumName spells the C# [Flags] members One=1, Two=2, Four=8, space-separated.
func (f MyFlags) EnumName() string {
	s := ""
	for _, m := range []struct {
		bit  MyFlags
		name string
	}{{1, "One"}, {2, "Two"}, {8, "Four"}} {
		if f&m.bit != 0 {
			if s != "" {
				s += " "
			}
			s += m.name
		}
	}
	return s
}

type XInner struct {
	S *string  `dc:"S"`
	L []string `dc:"L"`
}

func (XInner) DataContractName() (string, string) { return "XInner", "Svc" }

type XOther struct {
	A     *XInner            `dc:"A"`
	LI    []XInner           `dc:"LI"`
	En    MyEnum             `dc:"En"`
	LE    []MyEnum           `dc:"LE"`
	G     []dc.Guid          `dc:"G"`
	Bytes []byte             `dc:"Bytes"`
	Self  []XOther           `dc:"Self"`
	O     *dc.DateTimeOffset `dc:"O"`
	LL    [][]string         `dc:"LL"`
}

func (XOther) DataContractName() (string, string) { return "XOther", "http://x/" }

type XDerived struct {
	Base
	A *string `dc:"A"`
}

func (XDerived) DataContractName() (string, string) { return "XDerived", "http://d/" }
