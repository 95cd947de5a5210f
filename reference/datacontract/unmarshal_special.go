package datacontract

import (
	"reflect"
	"time"
	"unicode/utf16"
)

// iface decodes into an interface: objects need a known "__type" whose type
// implements it; into any, scalars come back as DCJS gives them to object
// (bool, string, int32, int64, Decimal or float64) and arrays as []any.
func (d *decoder) iface(v reflect.Value, depth int) error {
	switch d.peek() {
	case '{':
		return d.hintedObject(v, depth)
	case '[':
		if v.NumMethod() != 0 {
			return d.fail(CodeType, "an array cannot be a %s", v.Type())
		}
		var a []any
		if err := d.slice(reflect.ValueOf(&a).Elem(), depth); err != nil {
			return err
		}
		v.Set(reflect.ValueOf(a))
		return nil
	}
	s, quoted, err := d.text()
	if err != nil {
		return err
	}
	x, ok := untypedScalar(s, quoted)
	if !ok {
		return d.fail(CodeSyntax, "invalid literal %q", s)
	}
	if !reflect.TypeOf(x).Implements(v.Type()) {
		return d.fail(CodeType, "a %T cannot be a %s", x, v.Type())
	}
	v.Set(reflect.ValueOf(x))
	return nil
}

func untypedScalar(s string, quoted bool) (any, bool) {
	if quoted {
		return s, true
	}
	switch s {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	if validIntText(s) {
		var i32 int32
		if err := setNum(&i32, s); err == nil {
			return i32, true
		}
		var i64 int64
		if err := setNum(&i64, s); err == nil {
			return i64, true
		}
	}
	if dec, ok := ParseDecimal(s); ok && !hasExponent(s) {
		return dec, true
	}
	if f, ok := parseFloat(s, 64); ok && f != nil {
		return *f, true
	}
	return nil, false
}

func setNum(p any, s string) error {
	d := &decoder{}
	return d.setInt(reflect.ValueOf(p).Elem(), s)
}

func hasExponent(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == 'e' || s[i] == 'E' {
			return true
		}
	}
	return false
}

func (d *decoder) hintedObject(v reflect.Value, depth int) error {
	d.pos++ // '{'
	h, ok, err := d.typeHint()
	if err != nil {
		return err
	}
	var kt knownType
	if ok {
		var known bool
		if kt, known = d.known.lookup(h); !known {
			return d.fail(CodeUnknownType, "__type %q is not a known type", h)
		}
	} else if kt, ok = d.known.baseOf(v.Type()); !ok {
		return d.fail(CodeUnknownType, "object for %s has no __type hint and the interface has no registered base", v.Type())
	}
	target := reflect.New(kt.typ)
	res := target
	if !kt.ptr {
		res = target.Elem()
	}
	if !res.Type().Implements(v.Type()) {
		return d.fail(CodeUnknownType, "__type %q (%s) does not implement %s", h, res.Type(), v.Type())
	}
	d.afterHint()
	si := infoOf(kt.typ)
	if si.err != nil {
		return si.err
	}
	if err := d.members(target.Elem(), si, depth); err != nil {
		return err
	}
	v.Set(res)
	return nil
}

func (d *decoder) special(v reflect.Value) error {
	if v.Type() == typeDateTimeOffset {
		return d.dateTimeOffset(v)
	}
	s, quoted, err := d.text()
	if err != nil {
		return err
	}
	switch v.Type() {
	case typeDecimal:
		dec, ok := ParseDecimal(s)
		if !ok {
			return d.fail(CodeFormat, "%q is not a decimal", s)
		}
		v.SetString(string(dec))
		return nil
	case typeChar:
		return d.char(v, s, quoted)
	}
	if !quoted {
		return d.fail(CodeType, "expected a string for %s, found %s", v.Type(), s)
	}
	switch v.Type() {
	case typeDateTime, typeTime:
		return d.dateTime(v, s)
	case typeTimeSpan, typeDuration:
		ts, ok := parseTimeSpan(trimXMLSpace(s))
		if !ok {
			return d.fail(CodeFormat, "%q is not an ISO-8601 duration", s)
		}
		if v.Type() == typeDuration {
			v.SetInt(int64(ts.Duration()))
		} else {
			v.SetInt(int64(ts))
		}
	case typeGuid:
		g, ok := ParseGuid(s)
		if !ok {
			return d.fail(CodeFormat, "%q is not a Guid", s)
		}
		v.Set(reflect.ValueOf(g))
	}
	return nil
}

func (d *decoder) dateTime(v reflect.Value, s string) error {
	dt, shaped, ok := parseDateTime(s, d.loc)
	if !shaped {
		return d.fail(CodeDate, "DateTime content %q does not start with \\/Date( and end with )\\/", s)
	}
	if !ok {
		return d.fail(CodeRange, "DateTime %q is out of range", s)
	}
	if v.Type() == typeTime {
		v.Set(reflect.ValueOf(dt.Time))
	} else {
		v.Set(reflect.ValueOf(dt))
	}
	return nil
}

// char takes one UTF-16 unit; a lone surrogate arrives as WTF-8 bytes.
func (d *decoder) char(v reflect.Value, s string, quoted bool) error {
	if !quoted {
		return d.fail(CodeType, "expected a one-character string for Char, found %s", s)
	}
	if u, ok := wtf8Surrogate(s); ok && len(s) == 3 {
		v.SetInt(int64(u))
		return nil
	}
	rs := []rune(s)
	if len(rs) != 1 || utf16.IsSurrogate(rs[0]) || rs[0] > 0xFFFF {
		return d.fail(CodeFormat, "%q is not exactly one UTF-16 character", s)
	}
	v.SetInt(int64(rs[0]))
	return nil
}

// dtoWire is DateTimeOffset's DCJS contract (DateTimeOffsetAdapter): both members required.
type dtoWire struct {
	DateTime      DateTime `dc:"DateTime,required"`
	OffsetMinutes int16    `dc:"OffsetMinutes,required"`
}

func (d *decoder) dateTimeOffset(v reflect.Value) error {
	var w dtoWire
	if err := d.object(reflect.ValueOf(&w).Elem(), 0, false); err != nil {
		return err
	}
	if w.OffsetMinutes < -14*60 || w.OffsetMinutes > 14*60 {
		return d.fail(CodeRange, "offset of %d minutes is outside ±14 hours", w.OffsetMinutes)
	}
	loc := time.FixedZone("", int(w.OffsetMinutes)*60)
	v.Set(reflect.ValueOf(DateTimeOffset{Time: w.DateTime.Time.In(loc)}))
	return nil
}
