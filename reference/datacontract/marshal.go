package datacontract

import (
	"cmp"
	"reflect"
	"slices"
	"strconv"
	"time"
)

// Marshal encodes v as DCJS would encode the .NET value it mirrors: compact, no
// spaces. A pointer to an interface makes the interface the declared type, so a
// root value gets its "__type" hint.
func (o Options) Marshal(v any) ([]byte, error) {
	e := &encoder{loc: o.loc(), known: o.known(), buf: make([]byte, 0, 256)}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() && rv.Elem().Kind() == reflect.Interface {
		rv = rv.Elem()
	}
	if err := e.value(rv); err != nil {
		return nil, err
	}
	return e.buf, nil
}

type encoder struct {
	buf   []byte
	loc   *time.Location
	known *KnownTypes
	path  path
}

func (e *encoder) fail(code Code, format string, args ...any) error {
	return newErr(e.path.String(), code, format, args...)
}

func (e *encoder) value(v reflect.Value) error {
	if !v.IsValid() {
		e.buf = append(e.buf, "null"...)
		return nil
	}
	if isSpecial(v.Type()) {
		return e.special(v)
	}
	switch v.Kind() {
	case reflect.Bool:
		e.buf = strconv.AppendBool(e.buf, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.buf = strconv.AppendInt(e.buf, v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		e.buf = strconv.AppendUint(e.buf, v.Uint(), 10)
	case reflect.Float32:
		e.buf = appendSingle(e.buf, float32(v.Float()))
	case reflect.Float64:
		e.buf = appendDouble(e.buf, v.Float())
	case reflect.String:
		e.buf = appendString(e.buf, v.String())
	case reflect.Pointer:
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return nil
		}
		return e.value(v.Elem())
	case reflect.Interface:
		return e.iface(v)
	case reflect.Slice:
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return nil
		}
		return e.array(v)
	case reflect.Array:
		return e.array(v)
	case reflect.Map:
		return e.mapValue(v)
	case reflect.Struct:
		return e.object(v, "")
	default:
		return e.fail(CodeUnsupported, "type %s has no DataContract JSON form", v.Type())
	}
	return nil
}

// iface writes the dynamic value; structs get the "__type" hint because their
// runtime type differs from the declared (interface) type.
func (e *encoder) iface(v reflect.Value) error {
	if v.IsNil() {
		e.buf = append(e.buf, "null"...)
		return nil
	}
	el := v.Elem()
	for el.Kind() == reflect.Pointer && !el.IsNil() && el.Elem().Kind() == reflect.Struct {
		el = el.Elem()
	}
	if el.Kind() != reflect.Struct || isSpecial(el.Type()) {
		return e.value(el)
	}
	if b, ok := e.known.baseOf(v.Type()); ok && b.typ == el.Type() {
		return e.object(el, "")
	}
	hint, ok := e.known.hintOf(el.Type())
	if !ok {
		return e.fail(CodeUnknownType, "type %s is not a known type (register it)", el.Type())
	}
	return e.object(el, hint)
}

func (e *encoder) array(v reflect.Value) error {
	e.buf = append(e.buf, '[')
	for i := 0; i < v.Len(); i++ {
		if i > 0 {
			e.buf = append(e.buf, ',')
		}
		e.path = append(e.path, pathSeg{index: i})
		if err := e.value(v.Index(i)); err != nil {
			return err
		}
		e.path = e.path[:len(e.path)-1]
	}
	e.buf = append(e.buf, ']')
	return nil
}

// mapValue writes a Go map as a DCJS dictionary. Go maps are unordered, so keys
// are sorted for stable bytes; use Dictionary to control the order.
func (e *encoder) mapValue(v reflect.Value) error {
	if v.IsNil() {
		e.buf = append(e.buf, "null"...)
		return nil
	}
	keys := v.MapKeys()
	slices.SortFunc(keys, compareKeys)
	e.buf = append(e.buf, '[')
	for i, k := range keys {
		if i > 0 {
			e.buf = append(e.buf, ',')
		}
		e.path = append(e.path, pathSeg{index: i})
		e.buf = append(e.buf, `{"Key":`...)
		if err := e.value(k); err != nil {
			return err
		}
		e.buf = append(e.buf, `,"Value":`...)
		if err := e.value(v.MapIndex(k)); err != nil {
			return err
		}
		e.buf = append(e.buf, '}')
		e.path = e.path[:len(e.path)-1]
	}
	e.buf = append(e.buf, ']')
	return nil
}

func compareKeys(a, b reflect.Value) int {
	switch a.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmp.Compare(a.Int(), b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return cmp.Compare(a.Uint(), b.Uint())
	case reflect.String:
		return cmp.Compare(a.String(), b.String())
	case reflect.Float32, reflect.Float64:
		return cmp.Compare(a.Float(), b.Float())
	}
	return cmp.Compare(a.String(), b.String())
}

func (e *encoder) object(v reflect.Value, hint string) error {
	si := infoOf(v.Type())
	if si.err != nil {
		return si.err
	}
	e.buf = append(e.buf, '{')
	first := true
	if hint != "" {
		e.buf = append(e.buf, `"__type":`...)
		e.buf = appendString(e.buf, hint)
		first = false
	}
	for i := range si.members {
		m := &si.members[i]
		fv, err := v.FieldByIndexErr(m.index)
		if err != nil { // nil embedded pointer: the base part is all defaults
			fv = reflect.Zero(m.typ)
		}
		if m.omitDefault && isDefault(fv) {
			if m.required {
				e.path = append(e.path, pathSeg{name: m.name, index: -1})
				return e.fail(CodeNotEmitted, "required member %s holds its default value but omitdefault is set", m.name)
			}
			continue
		}
		if !first {
			e.buf = append(e.buf, ',')
		}
		first = false
		e.buf = appendString(e.buf, m.name)
		e.buf = append(e.buf, ':')
		e.path = append(e.path, pathSeg{name: m.name, index: -1})
		if err := e.value(fv); err != nil {
			return err
		}
		e.path = e.path[:len(e.path)-1]
	}
	e.buf = append(e.buf, '}')
	return nil
}

// isDefault is .NET's "equals default(T)" for EmitDefaultValue=false: null
// references, zero numbers, false. A Go struct stands for a class instance, which
// is never null, so it is never default — except the value types mirrored here.
func isDefault(v reflect.Value) bool {
	switch v.Type() {
	case typeDecimal:
		return Decimal(v.String()).isZero()
	case typeDateTime:
		d := v.Interface().(DateTime)
		return d.Kind == Unspecified && d.Time.Equal(time.Date(1, 1, 1, 0, 0, 0, 0, d.Time.Location()))
	case typeDateTimeOffset, typeTime, typeGuid, typeTimeSpan, typeDuration:
		return false // Mono's DCJS writes Guid.Empty and TimeSpan.Zero even with EmitDefaultValue=false
	}
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0 // -0.0 equals default(double)
	case reflect.Struct:
		return false
	case reflect.String:
		return false // a Go string is a non-null .NET string; use *string for null
	case reflect.Array:
		return false
	}
	return v.IsZero()
}

func (e *encoder) special(v reflect.Value) error {
	switch v.Type() {
	case typeDateTime:
		return e.dateTime(v.Interface().(DateTime))
	case typeTime:
		t := v.Interface().(time.Time)
		k := Local
		if t.Location() == time.UTC {
			k = Utc
		}
		return e.dateTime(DateTime{Time: t, Kind: k})
	case typeDateTimeOffset:
		return e.dateTimeOffset(v.Interface().(DateTimeOffset))
	case typeTimeSpan:
		e.buf = append(e.buf, '"')
		e.buf = appendTimeSpan(e.buf, TimeSpan(v.Int()))
		e.buf = append(e.buf, '"')
	case typeDuration:
		e.buf = append(e.buf, '"')
		e.buf = appendTimeSpan(e.buf, TimeSpanOf(time.Duration(v.Int())))
		e.buf = append(e.buf, '"')
	case typeGuid:
		g := v.Interface().(Guid)
		e.buf = append(e.buf, '"')
		e.buf = append(e.buf, g.String()...)
		e.buf = append(e.buf, '"')
	case typeDecimal:
		d, ok := ParseDecimal(Decimal(v.String()).String())
		if !ok {
			return e.fail(CodeFormat, "invalid decimal %q", v.String())
		}
		e.buf = append(e.buf, d...)
	case typeChar:
		r := rune(v.Int())
		if r < 0 || r > 0xFFFF {
			return e.fail(CodeRange, "char U+%X is not one UTF-16 unit", r)
		}
		e.buf = appendCharString(e.buf, uint16(r))
	}
	return nil
}

func appendCharString(b []byte, u uint16) []byte {
	if u >= 0xD800 && u <= 0xDFFF {
		return append(appendU(append(b, '"'), u), '"')
	}
	return appendString(b, string(rune(u)))
}

func (e *encoder) dateTime(d DateTime) error {
	b, ok := appendDateTime(e.buf, d, e.loc)
	if !ok {
		return e.fail(CodeRange, "DateTime %s is out of range once converted to UTC", d)
	}
	e.buf = b
	return nil
}

func (e *encoder) dateTimeOffset(d DateTimeOffset) error {
	_, off := d.Time.Zone()
	e.buf = append(e.buf, `{"DateTime":`...)
	if err := e.dateTime(DateTime{Time: d.Time, Kind: Utc}); err != nil {
		return err
	}
	e.buf = append(e.buf, `,"OffsetMinutes":`...)
	e.buf = strconv.AppendInt(e.buf, int64(off/60), 10)
	e.buf = append(e.buf, '}')
	return nil
}
