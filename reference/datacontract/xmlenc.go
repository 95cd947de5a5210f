package datacontract

import (
	"encoding/base64"
	"reflect"
	"slices"
	"strconv"
	"time"
)

type xmlEncoder struct {
	w    xmlWriter
	loc  *time.Location
	path path
}

func (o Options) newXMLEncoder() *xmlEncoder {
	return &xmlEncoder{loc: o.loc(), w: xmlWriter{buf: make([]byte, 0, 512)}}
}

func (x *xmlEncoder) finish() ([]byte, error) {
	return x.w.buf, nil
}

func (x *xmlEncoder) fail(code Code, format string, args ...any) error {
	return newErr(x.path.String(), code, format, args...)
}

func isNilValue(v reflect.Value) bool {
	if !v.IsValid() {
		return true
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Interface:
		return v.IsNil()
	}
	return false
}

// root writes the root element: the contract's own name, or name/ns given as to the
// DataContractSerializer constructor (then a differing contract namespace is declared there).
func (x *xmlEncoder) root(v reflect.Value, t reflect.Type, name, ns string, named bool) error {
	c, err := xmlContractOf(t)
	if err != nil {
		return err
	}
	if !named {
		name, ns = c.name, c.ns
	}
	x.w.start(name, ns)
	if named && c.canContainReferences() && c.ns != "" && c.ns != ns {
		x.w.declare(c.ns)
	}
	if isNilValue(v) {
		x.w.nilAttr()
	} else {
		if c.canContainReferences() {
			x.w.declarePrefix("i", NamespaceXSI)
		}
		if err := x.content(v, c); err != nil {
			return err
		}
	}
	x.w.end()
	return nil
}

// element writes one member or item element holding v.
func (x *xmlEncoder) element(name, ns string, v reflect.Value, t reflect.Type) error {
	c, err := xmlContractOf(t)
	if err != nil {
		return err
	}
	x.w.start(name, ns)
	if child := childNamespace(c, ns); child != "" {
		x.w.declare(child)
	}
	if isNilValue(v) {
		x.w.nilAttr()
	} else if err := x.content(v, c); err != nil {
		return err
	}
	x.w.end()
	return nil
}

func (x *xmlEncoder) content(v reflect.Value, c *xmlContract) error {
	for v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	switch c.kind {
	case xmlEnum:
		x.w.text(v.Interface().(EnumNamer).EnumName())
	case xmlClass:
		return x.class(v, c)
	case xmlCollection:
		return x.collection(v, c)
	case xmlDictionary:
		return x.dictionary(v, c)
	case xmlDTO:
		d := v.Interface().(DateTimeOffset)
		_, off := d.Time.Zone()
		if err := x.primitiveElement("DateTime", c.ns, DateTime{Time: d.Time, Kind: Utc}); err != nil {
			return err
		}
		return x.primitiveElement("OffsetMinutes", c.ns, int32(off/60))
	default:
		return x.primitive(v)
	}
	return nil
}

func (x *xmlEncoder) primitiveElement(name, ns string, v any) error {
	x.w.start(name, ns)
	if err := x.primitive(reflect.ValueOf(v)); err != nil {
		return err
	}
	x.w.end()
	return nil
}

func (x *xmlEncoder) class(v reflect.Value, c *xmlContract) error {
	si := infoOf(v.Type())
	if si.err != nil {
		return si.err
	}
	for i := range si.members {
		m := &si.members[i]
		fv, err := v.FieldByIndexErr(m.index)
		if err != nil {
			fv = reflect.Zero(m.typ)
		}
		x.path = append(x.path, pathSeg{name: m.name, index: -1})
		if m.omitDefault && isDefault(fv) {
			if m.required {
				return x.fail(CodeNotEmitted, "required member %s holds its default value but omitdefault is set", m.name)
			}
			x.path = x.path[:len(x.path)-1]
			continue
		}
		ns, err := declaringNamespace(c, v.Type(), m.index)
		if err != nil {
			return err
		}
		if err := x.element(m.name, ns, fv, m.typ); err != nil {
			return err
		}
		x.path = x.path[:len(x.path)-1]
	}
	return nil
}

// declaringNamespace is the namespace of the contract that declares the member: an embedded
// struct is the base class, whose members keep the base's namespace.
func declaringNamespace(c *xmlContract, t reflect.Type, index []int) (string, error) {
	if len(index) == 1 {
		return c.ns, nil
	}
	for _, i := range index[:len(index)-1] {
		t = t.Field(i).Type
	}
	base, err := xmlContractOf(t)
	if err != nil {
		return "", err
	}
	return base.ns, nil
}

func (x *xmlEncoder) collection(v reflect.Value, c *xmlContract) error {
	for i := 0; i < v.Len(); i++ {
		x.path = append(x.path, pathSeg{index: i})
		if err := x.element(c.item.name, c.ns, v.Index(i), c.t.Elem()); err != nil {
			return err
		}
		x.path = x.path[:len(x.path)-1]
	}
	return nil
}

// dictionary writes KeyValueOf<K><V> entries; a Go map in sorted key order, as Marshal does.
func (x *xmlEncoder) dictionary(v reflect.Value, c *xmlContract) error {
	type kv struct{ k, v reflect.Value }
	var entries []kv
	if v.Kind() == reflect.Map {
		keys := v.MapKeys()
		slices.SortFunc(keys, compareKeys)
		for _, k := range keys {
			entries = append(entries, kv{k, v.MapIndex(k)})
		}
	} else {
		for i := 0; i < v.Len(); i++ {
			entries = append(entries, kv{v.Index(i).Field(0), v.Index(i).Field(1)})
		}
	}
	for i, e := range entries {
		x.path = append(x.path, pathSeg{index: i})
		x.w.start(c.item.name, NamespaceArrays)
		if err := x.element("Key", NamespaceArrays, e.k, c.key.t); err != nil {
			return err
		}
		if err := x.element("Value", NamespaceArrays, e.v, c.value.t); err != nil {
			return err
		}
		x.w.end()
		x.path = x.path[:len(x.path)-1]
	}
	return nil
}

func (x *xmlEncoder) primitive(v reflect.Value) error {
	b, err := x.appendPrimitive(nil, v)
	if err != nil {
		return err
	}
	x.w.text(string(b))
	return nil
}

func (x *xmlEncoder) appendPrimitive(b []byte, v reflect.Value) ([]byte, error) {
	switch v.Type() {
	case typeDateTime:
		return appendXMLDateTime(b, v.Interface().(DateTime), x.loc), nil
	case typeTime:
		t := v.Interface().(time.Time)
		k := Local
		if t.Location() == time.UTC {
			k = Utc
		}
		return appendXMLDateTime(b, DateTime{Time: t, Kind: k}, x.loc), nil
	case typeTimeSpan:
		return appendTimeSpan(b, TimeSpan(v.Int())), nil
	case typeDuration:
		return appendTimeSpan(b, TimeSpanOf(time.Duration(v.Int()))), nil
	case typeGuid:
		return append(b, v.Interface().(Guid).String()...), nil
	case typeDecimal:
		d, ok := ParseDecimal(Decimal(v.String()).String())
		if !ok {
			return nil, x.fail(CodeFormat, "invalid decimal %q", v.String())
		}
		return append(b, d...), nil
	case typeChar:
		r := v.Int()
		if r < 0 || r > 0xFFFF {
			return nil, x.fail(CodeRange, "char U+%X is not one UTF-16 unit", r)
		}
		return strconv.AppendInt(b, r, 10), nil // DataContractSerializer writes a char as its number
	}
	switch v.Kind() {
	case reflect.Bool:
		return strconv.AppendBool(b, v.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.AppendInt(b, v.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.AppendUint(b, v.Uint(), 10), nil
	case reflect.Float32:
		return appendSingle(b, float32(v.Float())), nil
	case reflect.Float64:
		return appendDouble(b, v.Float()), nil
	case reflect.String:
		return append(b, v.String()...), nil
	case reflect.Slice: // []byte
		return base64.StdEncoding.AppendEncode(b, v.Bytes()), nil
	}
	return nil, x.fail(CodeUnsupported, "a %s value has no DataContract XML form (object members must be null)", v.Type())
}

// appendXMLDateTime is XmlConvert.ToString(DateTime, RoundtripKind): yyyy-MM-ddTHH:mm:ss, the
// fraction to 7 digits without trailing zeros, then Z (Utc), the server zone's ±hh:mm (Local) or
// nothing (Unspecified: the wall clock as it is, unlike JSON).
func appendXMLDateTime(b []byte, d DateTime, loc *time.Location) []byte {
	t, suffix := d.Time, ""
	switch d.Kind {
	case Utc:
		t = t.UTC()
	case Local:
		t = localFromUTC(t, loc)
		_, off := t.Zone()
		off = floorDiv(off, 60) * 60
		suffix = string(appendOffset(nil, off))
		suffix = suffix[:3] + ":" + suffix[3:]
	}
	b = t.AppendFormat(b, "2006-01-02T15:04:05")
	if ticks := t.Nanosecond() / 100; ticks != 0 {
		f := []byte(strconv.Itoa(ticks + 10_000_000)[1:])
		for f[len(f)-1] == '0' {
			f = f[:len(f)-1]
		}
		b = append(append(b, '.'), f...)
	}
	if d.Kind == Utc {
		return append(b, 'Z')
	}
	return append(b, suffix...)
}
