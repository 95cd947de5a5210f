package wcf

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/svccheck/svccheck/reference/datacontract"
)

var (
	typeGuid     = reflect.TypeFor[datacontract.Guid]()
	typeDecimal  = reflect.TypeFor[datacontract.Decimal]()
	typeDateTime = reflect.TypeFor[datacontract.DateTime]()
)

// convertible reports whether QueryStringConverter can convert text to t (wcf-wire.md §3.3).
func convertible(t reflect.Type) bool {
	switch t {
	case typeGuid, typeDecimal, typeDateTime:
		return true
	}
	switch t.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return true
	case reflect.Pointer:
		return convertible(t.Elem())
	}
	return false
}

// convert turns URL text into a parameter value as QueryStringConverter does: invariant numbers,
// Convert.ToBoolean, Guid, DateTime.Parse (ISO works here, unlike JSON bodies). A failure is an
// exception inside the formatter: WCF's 400 Request Error.
func convert(name, text string, t reflect.Type) (any, error) {
	v := reflect.New(t).Elem()
	if err := setText(v, text); err != nil {
		return nil, fmt.Errorf("parameter %s: cannot convert %q to %s: %v", name, text, t, err)
	}
	return v.Interface(), nil
}

func setText(v reflect.Value, text string) error {
	switch v.Type() {
	case typeGuid:
		g, ok := datacontract.ParseGuid(text)
		if !ok {
			return fmt.Errorf("not a Guid")
		}
		v.Set(reflect.ValueOf(g))
		return nil
	case typeDecimal:
		d, ok := datacontract.ParseDecimal(text)
		if !ok {
			return fmt.Errorf("not a decimal")
		}
		v.Set(reflect.ValueOf(d))
		return nil
	case typeDateTime:
		tm, err := time.Parse(time.RFC3339Nano, text)
		if err != nil {
			return err
		}
		v.Set(reflect.ValueOf(datacontract.DateTime{Time: tm, Kind: datacontract.Utc}))
		return nil
	}
	return setKind(v, text)
}

func setKind(v reflect.Value, text string) error {
	switch v.Kind() {
	case reflect.String:
		v.SetString(text)
	case reflect.Bool:
		b, err := strconv.ParseBool(strings.ToLower(strings.TrimSpace(text)))
		if err != nil {
			return err
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(text, 10, v.Type().Bits())
		if err != nil {
			return err
		}
		v.SetInt(n)
	case reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, err := strconv.ParseUint(text, 10, v.Type().Bits())
		if err != nil {
			return err
		}
		v.SetUint(n)
	case reflect.Float32, reflect.Float64:
		f, err := strconv.ParseFloat(text, v.Type().Bits())
		if err != nil {
			return err
		}
		v.SetFloat(f)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		return setText(v.Elem(), text)
	default:
		return fmt.Errorf("unsupported type %s", v.Type())
	}
	return nil
}
