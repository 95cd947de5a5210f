package datacontract

import (
	"reflect"
)

// Namespaces DataContractSerializer writes.
const (
	// NamespaceSerialization holds the primitive contracts (string, int, dateTime, guid …).
	NamespaceSerialization = "http://schemas.microsoft.com/2003/10/Serialization/"
	// NamespaceArrays holds collections of primitives and dictionary entries (ArrayOfstring, KeyValueOfstringint).
	NamespaceArrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
	// NamespaceXSI is bound to the prefix i for i:nil.
	NamespaceXSI = "http://www.w3.org/2001/XMLSchema-instance"
	// NamespaceContractPrefix plus the CLR namespace is a data contract's default namespace.
	NamespaceContractPrefix = defaultNamespacePrefix
)

// DataContractNamer gives a Go type the data contract name and CLR namespace of the .NET type it
// mirrors. The XML form needs both (element names and xmlns), and Go cannot know them: without
// it a struct or enum is named after its Go type in the empty CLR namespace
// (http://schemas.datacontract.org/2004/07/). clrNamespace may also be a full namespace URI,
// as [DataContract(Namespace=…)] sets it.
type DataContractNamer interface {
	DataContractName() (name, clrNamespace string)
}

// EnumNamer marks a Go integer type as a .NET enum. DataContractSerializer writes an enum as its
// member name (JSON writes the number), and Go constants have no names at run time. EnumName
// returns the member name; a [Flags] enum returns its set members' names separated by single
// spaces, in declaration order, and "" for a zero value without a member. An integer type
// without EnumNamer is written as a plain number.
type EnumNamer interface {
	EnumName() string
}

// XMLPart is one part of a wrapped reply: the element name and the declared type and value.
// Type is needed when Value is nil (a null reference still names its contract).
type XMLPart struct {
	Name  string
	Type  reflect.Type
	Value any
}

// EncodeXML writes v as new DataContractSerializer(typeof(T)).WriteObject(stream, v) does:
// the root element is v's data contract name in its namespace, no XML declaration.
func (o Options) EncodeXML(v any) ([]byte, error) {
	if v == nil {
		return nil, newErr("$", CodeInvalidArgument, "EncodeXML needs a typed value")
	}
	x := o.newXMLEncoder()
	if err := x.root(reflect.ValueOf(v), reflect.TypeOf(v), "", "", false); err != nil {
		return nil, err
	}
	return x.finish()
}

// EncodeXMLRoot writes v under the given root element, as new DataContractSerializer(typeof(T),
// rootName, rootNamespace) does; a contract whose namespace differs is declared on the root.
func (o Options) EncodeXMLRoot(v any, rootName, rootNamespace string) ([]byte, error) {
	if v == nil {
		return nil, newErr("$", CodeInvalidArgument, "EncodeXMLRoot needs a typed value")
	}
	x := o.newXMLEncoder()
	if err := x.root(reflect.ValueOf(v), reflect.TypeOf(v), rootName, rootNamespace, true); err != nil {
		return nil, err
	}
	return x.finish()
}

// EncodeXMLWrapped writes <wrapper xmlns="ns"> with each part serialized in it by a
// DataContractSerializer rooted at the part's name in ns: the shape WCF's operation formatter
// gives a wrapped reply (<OpResponse><OpResult>…</OpResult></OpResponse>).
func (o Options) EncodeXMLWrapped(wrapper, ns string, parts ...XMLPart) ([]byte, error) {
	x := o.newXMLEncoder()
	x.w.start(wrapper, ns)
	for _, p := range parts {
		if p.Type == nil {
			p.Type = reflect.TypeOf(p.Value)
		}
		if p.Type == nil {
			return nil, newErr("$."+p.Name, CodeInvalidArgument, "part %s has neither a type nor a value", p.Name)
		}
		x.path = path{{name: p.Name, index: -1}}
		if err := x.root(reflect.ValueOf(p.Value), p.Type, p.Name, ns, true); err != nil {
			return nil, err
		}
	}
	x.w.end()
	return x.finish()
}
