package datacontract

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// Unmarshal decodes data into the value v points to with DCJS's reading rules:
// unknown members ignored, names case-sensitive, required members enforced,
// numbers accepted as strings, "\/Date()\/" only for dates, "__type" honoured only
// as the first member. Errors are *Error with the JSON path of the bad value.
func (o Options) Unmarshal(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return newErr("$", CodeInvalidArgument, "Unmarshal needs a non-nil pointer, got %T", v)
	}
	d := &decoder{lexer: lexer{data: data}, loc: o.loc(), known: o.known(), ignoreRequired: o.IgnoreRequired}
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		d.pos = 3
	}
	if err := d.value(rv.Elem(), 0); err != nil {
		return err
	}
	if d.peek() != 0 {
		return d.syntax("end of input")
	}
	return nil
}

type decoder struct {
	lexer
	loc            *time.Location
	known          *KnownTypes
	ignoreRequired bool
}

func (d *decoder) isNull() bool {
	if d.peek() == 'n' && d.pos+4 <= len(d.data) && string(d.data[d.pos:d.pos+4]) == "null" {
		end := d.pos + 4
		if end == len(d.data) || !isLetter(d.data[end]) {
			d.pos = end
			return true
		}
	}
	return false
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) }

func (d *decoder) value(v reflect.Value, depth int) error {
	if depth > maxDepth {
		return d.fail(CodeSyntax, "nesting deeper than %d", maxDepth)
	}
	t := v.Type()
	if d.isNull() {
		return d.null(v)
	}
	if isSpecial(t) {
		return d.special(v)
	}
	switch t.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(t.Elem()))
		}
		return d.value(v.Elem(), depth+1)
	case reflect.Interface:
		return d.iface(v, depth)
	case reflect.Struct:
		return d.object(v, depth, false)
	case reflect.Slice:
		return d.slice(v, depth)
	case reflect.Array:
		return d.array(v, depth)
	case reflect.Map:
		return d.mapValue(v, depth)
	}
	return d.scalar(v)
}

// null stores null: references become nil; a Go string or struct (a .NET
// reference type) becomes its zero value; value types refuse it, as DCJS does.
func (d *decoder) null(v reflect.Value) error {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Slice, reflect.Map, reflect.String:
		v.SetZero()
		return nil
	case reflect.Struct:
		if !isSpecial(v.Type()) {
			v.SetZero()
			return nil
		}
	}
	return d.fail(CodeType, "null is not a valid %s", v.Type())
}

// text reads a scalar as text: a string's content, or an unquoted literal.
func (d *decoder) text() (string, bool, error) {
	if d.peek() == '"' {
		s, err := d.str()
		return s, true, err
	}
	if c := d.peek(); c == '{' || c == '[' {
		return "", false, d.fail(CodeType, "expected a scalar, found %q", c)
	}
	s, err := d.literal()
	return s, false, err
}

func (d *decoder) scalar(v reflect.Value) error {
	s, quoted, err := d.text()
	if err != nil {
		return err
	}
	if !quoted && v.Kind() != reflect.Bool && s != "true" && s != "false" && !isNumberLiteral(s) {
		return d.fail(CodeSyntax, "invalid literal %q", s)
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Bool:
		switch trimXMLSpace(s) {
		case "true", "1":
			v.SetBool(true)
		case "false", "0":
			v.SetBool(false)
		default:
			return d.fail(CodeType, "%q is not a boolean", s)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return d.setInt(v, s)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return d.setUint(v, s)
	case reflect.Float32, reflect.Float64:
		return d.setFloat(v, s)
	default:
		return d.fail(CodeUnsupported, "type %s has no DataContract JSON form", v.Type())
	}
	return nil
}

func (d *decoder) setInt(v reflect.Value, s string) error {
	t, ok := integralText(s)
	if !ok {
		return d.fail(CodeFormat, "%q is not an integer", s)
	}
	n, err := strconv.ParseInt(t, 10, v.Type().Bits())
	if err != nil {
		return d.fail(CodeRange, "%s does not fit %s", s, v.Type())
	}
	v.SetInt(n)
	return nil
}

func (d *decoder) setUint(v reflect.Value, s string) error {
	t, ok := integralText(s)
	if !ok {
		return d.fail(CodeFormat, "%q is not an integer", s)
	}
	if t == "-0" {
		t = "0"
	}
	n, err := strconv.ParseUint(t, 10, v.Type().Bits())
	if err != nil {
		return d.fail(CodeRange, "%s does not fit %s", s, v.Type())
	}
	v.SetUint(n)
	return nil
}

// integralText reads integers as DCJS does, through decimal: "1e2" and "1.0"
// are 100 and 1, "1.5" is refused.
func integralText(s string) (string, bool) {
	s = trimXMLSpace(s)
	if validIntText(s) {
		if s[0] == '+' {
			s = s[1:]
		}
		return s, true
	}
	dec, ok := ParseDecimal(s)
	if !ok {
		return "", false
	}
	t, frac, _ := strings.Cut(string(dec), ".")
	if strings.Trim(frac, "0") != "" {
		return "", false
	}
	return t, true
}

func (d *decoder) setFloat(v reflect.Value, s string) error {
	bits := v.Type().Bits()
	f, ok := parseFloat(trimXMLSpace(s), bits)
	if !ok {
		return d.fail(CodeFormat, "%q is not a %s", s, v.Type())
	}
	if f == nil {
		return d.fail(CodeRange, "%s overflows %s", s, v.Type())
	}
	v.SetFloat(*f)
	return nil
}

// parseFloat reads XmlConverter.ToDouble text; nil with ok means overflow, which
// .NET Framework reports instead of returning infinity.
func parseFloat(s string, bits int) (*float64, bool) {
	var f float64
	switch s {
	case "INF":
		f = posInf
	case "-INF":
		f = -posInf
	case "NaN":
		f = nan
	default:
		if !validFloatText(s) {
			return nil, false
		}
		var err error
		f, err = strconv.ParseFloat(s, bits)
		if err != nil {
			if errors.Is(err, strconv.ErrRange) && (f > 1 || f < -1) {
				return nil, true
			}
			if !errors.Is(err, strconv.ErrRange) {
				return nil, false
			}
		}
	}
	return &f, true
}
