package datacontract

import (
	"reflect"
	"strings"
	"sync"
)

// xmlKind is the sort of data contract DataContractSerializer picks for a type; it decides the
// element names, which namespaces get declared and whether xmlns:i goes on the root.
type xmlKind int

const (
	xmlPrimitive  xmlKind = iota // built-in contract in the Serialization namespace
	xmlEnum                      // written as member names
	xmlClass                     // [DataContract] class or plain type
	xmlCollection                // ArrayOf<Item>
	xmlDictionary                // ArrayOfKeyValueOf<K><V>
	xmlDTO                       // DateTimeOffset, via its System.DateTimeOffset adapter contract
)

type xmlContract struct {
	kind       xmlKind
	name, ns   string
	t          reflect.Type // with pointers removed
	item       *xmlContract // collection item
	key, value *xmlContract // dictionary entry
}

// canContainReferences is DataContract.CanContainReferences: such roots declare xmlns:i.
func (c *xmlContract) canContainReferences() bool { return c.kind >= xmlClass }

var (
	typeDataContractNamer = reflect.TypeFor[DataContractNamer]()
	typeEnumNamer         = reflect.TypeFor[EnumNamer]()
	xmlContractCache      sync.Map // reflect.Type -> *xmlContract
)

// primitiveNames are the built-in contracts' element names by Go kind.
var primitiveNames = map[reflect.Kind]string{
	reflect.Bool: "boolean", reflect.Int8: "byte", reflect.Uint8: "unsignedByte", reflect.Int16: "short",
	reflect.Uint16: "unsignedShort", reflect.Int32: "int", reflect.Uint32: "unsignedInt", reflect.Int64: "long",
	reflect.Int: "long", reflect.Uint64: "unsignedLong", reflect.Uint: "unsignedLong", reflect.Float32: "float",
	reflect.Float64: "double", reflect.String: "string", reflect.Interface: "anyType",
}

var specialNames = map[reflect.Type]string{
	typeDateTime: "dateTime", typeTime: "dateTime", typeTimeSpan: "duration", typeDuration: "duration",
	typeGuid: "guid", typeDecimal: "decimal", typeChar: "char",
}

func xmlContractOf(t reflect.Type) (*xmlContract, error) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if c, ok := xmlContractCache.Load(t); ok {
		return c.(*xmlContract), nil
	}
	c, err := buildXMLContract(t)
	if err != nil {
		return nil, err
	}
	xmlContractCache.Store(t, c)
	return c, nil
}

func buildXMLContract(t reflect.Type) (*xmlContract, error) {
	prim := func(name string) (*xmlContract, error) {
		return &xmlContract{kind: xmlPrimitive, name: name, ns: NamespaceSerialization, t: t}, nil
	}
	if n, ok := specialNames[t]; ok {
		return prim(n)
	}
	switch {
	case t == typeDateTimeOffset:
		return &xmlContract{kind: xmlDTO, name: "DateTimeOffset", ns: NamespaceContractPrefix + "System", t: t}, nil
	case t.Implements(typeDictionary):
		e := t.Elem()
		return dictionaryContract(t, e.Field(0).Type, e.Field(1).Type)
	case t.Kind() == reflect.Map:
		return dictionaryContract(t, t.Key(), t.Elem())
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 && !t.Elem().Implements(typeEnumNamer):
		return prim("base64Binary")
	case t.Kind() == reflect.Slice || t.Kind() == reflect.Array:
		item, err := xmlContractOf(t.Elem())
		if err != nil {
			return nil, err
		}
		ns := item.ns
		if item.kind == xmlPrimitive {
			ns = NamespaceArrays
		}
		return &xmlContract{kind: xmlCollection, name: "ArrayOf" + item.name, ns: ns, t: t, item: item}, nil
	case t.Implements(typeEnumNamer) && t.Kind() >= reflect.Int && t.Kind() <= reflect.Uint64:
		name, ns := contractName(t)
		return &xmlContract{kind: xmlEnum, name: name, ns: ns, t: t}, nil
	case t.Kind() == reflect.Struct:
		name, ns := contractName(t)
		if name == "" || strings.ContainsAny(name, "[]") {
			return nil, newErr("$", CodeUnsupported, "type %s has no data contract name: implement DataContractNamer", t)
		}
		return &xmlContract{kind: xmlClass, name: name, ns: ns, t: t}, nil
	}
	if n, ok := primitiveNames[t.Kind()]; ok {
		return prim(n)
	}
	return nil, newErr("$", CodeUnsupported, "type %s has no DataContract XML form", t)
}

// dictionaryContract supports primitive keys and values only: other generic arguments give
// entry names with a hash suffix (KeyValueOfstringInner_SK48Iajv) this package does not compute.
func dictionaryContract(t, kt, vt reflect.Type) (*xmlContract, error) {
	k, err := xmlContractOf(kt)
	if err != nil {
		return nil, err
	}
	v, err := xmlContractOf(vt)
	if err != nil {
		return nil, err
	}
	if k.kind != xmlPrimitive || v.kind != xmlPrimitive || k.name == "anyType" || v.name == "anyType" {
		return nil, newErr("$", CodeUnsupported, "%s: dictionaries in XML need primitive keys and values", t)
	}
	entry := "KeyValueOf" + k.name + v.name
	return &xmlContract{kind: xmlDictionary, name: "ArrayOf" + entry, ns: NamespaceArrays, t: t, key: k, value: v,
		item: &xmlContract{kind: xmlClass, name: entry, ns: NamespaceArrays}}, nil
}

// contractName is the DataContractNamer's answer or the Go type name in the empty CLR namespace.
func contractName(t reflect.Type) (string, string) {
	name, clr := t.Name(), ""
	if t.Implements(typeDataContractNamer) {
		name, clr = reflect.Zero(t).Interface().(DataContractNamer).DataContractName()
	}
	if strings.Contains(clr, ":") {
		return name, clr
	}
	return name, NamespaceContractPrefix + clr
}

// childNamespace is ClassDataContract.GetChildNamespaceToDeclare: a member (or item) whose type is
// neither built-in nor an enum declares its contract namespace on its element when it differs
// from the declaring contract's.
func childNamespace(c *xmlContract, declaringNs string) string {
	if c.kind == xmlPrimitive || c.kind == xmlEnum || c.ns == declaringNs {
		return ""
	}
	return c.ns
}
