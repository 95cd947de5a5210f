package datacontract

import (
	"math"
	"reflect"
)

var (
	posInf = math.Inf(1)
	nan    = math.NaN()
)

func (d *decoder) slice(v reflect.Value, depth int) error {
	if err := d.expect('['); err != nil {
		return d.fail(CodeType, "expected an array for %s", v.Type())
	}
	n := 0
	out := v.Slice(0, 0)
	if d.peek() == ']' {
		d.pos++
		v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		return nil
	}
	for {
		d.path = append(d.path, pathSeg{index: n})
		if n < out.Cap() {
			out = out.Slice(0, n+1)
			out.Index(n).SetZero()
		} else {
			out = reflect.Append(out, reflect.Zero(v.Type().Elem()))
		}
		if err := d.value(out.Index(n), depth+1); err != nil {
			return err
		}
		d.path = d.path[:len(d.path)-1]
		n++
		if done, err := d.next(']'); err != nil {
			return err
		} else if done {
			break
		}
	}
	v.Set(out)
	if v.Type().Implements(typeDictionary) {
		return d.checkDuplicates(v)
	}
	return nil
}

// checkDuplicates refuses a repeated key, as Dictionary<K,V>.Add throws.
func (d *decoder) checkDuplicates(v reflect.Value) error {
	seen := make(map[any]bool, v.Len())
	for i := 0; i < v.Len(); i++ {
		k := v.Index(i).Field(0).Interface()
		if seen[k] {
			d.path = append(d.path, pathSeg{index: i})
			return d.fail(CodeDuplicateKey, "duplicate dictionary key %v", k)
		}
		seen[k] = true
	}
	return nil
}

func (d *decoder) array(v reflect.Value, depth int) error {
	if err := d.expect('['); err != nil {
		return d.fail(CodeType, "expected an array for %s", v.Type())
	}
	if d.peek() == ']' {
		d.pos++
		v.SetZero()
		return nil
	}
	for n := 0; ; n++ {
		d.path = append(d.path, pathSeg{index: n})
		if n >= v.Len() {
			return d.fail(CodeRange, "more than %d elements for %s", v.Len(), v.Type())
		}
		if err := d.value(v.Index(n), depth+1); err != nil {
			return err
		}
		d.path = d.path[:len(d.path)-1]
		if done, err := d.next(']'); err != nil || done {
			return err
		}
	}
}

// mapValue reads [{"Key":k,"Value":v},…] into a Go map.
func (d *decoder) mapValue(v reflect.Value, depth int) error {
	if err := d.expect('['); err != nil {
		return d.fail(CodeType, "expected a Key/Value array for %s", v.Type())
	}
	m := reflect.MakeMap(v.Type())
	v.Set(m)
	if d.peek() == ']' {
		d.pos++
		return nil
	}
	et := reflect.StructOf([]reflect.StructField{
		{Name: "Key", Type: v.Type().Key(), Tag: `dc:"Key,required"`},
		{Name: "Value", Type: v.Type().Elem(), Tag: `dc:"Value,required"`},
	})
	for n := 0; ; n++ {
		d.path = append(d.path, pathSeg{index: n})
		e := reflect.New(et).Elem()
		if err := d.value(e, depth+1); err != nil {
			return err
		}
		if m.MapIndex(e.Field(0)).IsValid() {
			return d.fail(CodeDuplicateKey, "duplicate dictionary key %v", e.Field(0))
		}
		m.SetMapIndex(e.Field(0), e.Field(1))
		d.path = d.path[:len(d.path)-1]
		if done, err := d.next(']'); err != nil || done {
			return err
		}
	}
}

// typeHint reads a leading "__type" member if present; DCJS honours it only first.
func (d *decoder) typeHint() (string, bool, error) {
	save := d.pos
	if d.peek() != '"' {
		return "", false, nil
	}
	k, err := d.str()
	if err != nil || k != "__type" {
		d.pos = save
		return "", false, nil
	}
	if err := d.expect(':'); err != nil {
		return "", false, err
	}
	h, err := d.str()
	if err != nil {
		return "", false, d.fail(CodeType, "__type must be a string")
	}
	return h, true, nil
}

func (d *decoder) object(v reflect.Value, depth int, hinted bool) error {
	si := infoOf(v.Type())
	if si.err != nil {
		return si.err
	}
	if !hinted {
		if err := d.expect('{'); err != nil {
			return d.fail(CodeType, "expected an object for %s", v.Type())
		}
		h, ok, err := d.typeHint()
		if err != nil {
			return err
		}
		if ok {
			kt, known := d.known.lookup(h)
			if !known || kt.typ != v.Type() {
				return d.fail(CodeUnknownType, "__type %q is not a known type assignable to %s", h, v.Type())
			}
			d.afterHint()
		}
	}
	return d.members(v, si, depth)
}

func (d *decoder) members(v reflect.Value, si *structInfo, depth int) error {
	var seen []bool
	if si.required > 0 && !d.ignoreRequired {
		seen = make([]bool, len(si.members))
	}
	if d.peek() == '}' {
		d.pos++
		return d.checkRequired(si, seen)
	}
	for {
		name, err := d.str()
		if err != nil {
			return err
		}
		if err := d.expect(':'); err != nil {
			return err
		}
		d.path = append(d.path, pathSeg{name: name, index: -1})
		if i, ok := si.byName[name]; ok {
			m := &si.members[i]
			if err := d.value(fieldAlloc(v, m.index), depth+1); err != nil {
				return err
			}
			if seen != nil {
				seen[i] = true
			}
		} else if err := d.skip(depth + 1); err != nil {
			return err
		}
		d.path = d.path[:len(d.path)-1]
		if done, err := d.next('}'); err != nil {
			return err
		} else if done {
			return d.checkRequired(si, seen)
		}
	}
}

func (d *decoder) checkRequired(si *structInfo, seen []bool) error {
	for i, ok := range seen {
		if !ok && si.members[i].required {
			d.path = append(d.path, pathSeg{name: si.members[i].name, index: -1})
			return d.fail(CodeRequired, "required data member %q was not found", si.members[i].name)
		}
	}
	return nil
}

// fieldAlloc is FieldByIndex that allocates nil embedded pointers on the way.
func fieldAlloc(v reflect.Value, index []int) reflect.Value {
	for i, x := range index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v
}

// afterHint steps over the ',' that follows a leading "__type" member.
func (d *decoder) afterHint() {
	if d.peek() == ',' {
		d.pos++
	}
}
