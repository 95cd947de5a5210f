package datacontract

import (
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// member is one [DataMember] of a struct, resolved once per type.
type member struct {
	name        string
	index       []int
	typ         reflect.Type
	required    bool
	omitDefault bool
	order       int
}

// structInfo is a struct's data contract: members in wire order and a name index
// for decoding (names are case-sensitive, as in DCJS).
type structInfo struct {
	members  []member
	byName   map[string]int
	required int // count of required members
	err      error
}

var structCache sync.Map // reflect.Type -> *structInfo

func infoOf(t reflect.Type) *structInfo {
	if v, ok := structCache.Load(t); ok {
		return v.(*structInfo)
	}
	si := buildInfo(t)
	v, _ := structCache.LoadOrStore(t, si)
	return v.(*structInfo)
}

func buildInfo(t reflect.Type) *structInfo {
	si := &structInfo{byName: map[string]int{}}
	ms, err := contractMembers(t, nil)
	si.members, si.err = ms, err
	for i, m := range ms {
		if m.name == "__type" && si.err == nil {
			si.err = newErr("$", CodeUnsupported, "%s: a member may not be named __type", t)
		}
		if _, dup := si.byName[m.name]; dup && si.err == nil {
			si.err = newErr("$", CodeUnsupported, "%s: duplicate member name %q", t, m.name)
		}
		si.byName[m.name] = i
		if m.required {
			si.required++
		}
	}
	return si
}

// contractMembers lists base (embedded) members first, then the type's own members
// sorted as DCJS sorts them: by Order (none = -1), then ordinal by wire name.
func contractMembers(t reflect.Type, prefix []int) ([]member, error) {
	tagged := false
	for i := 0; i < t.NumField(); i++ {
		if _, ok := t.Field(i).Tag.Lookup("dc"); ok {
			tagged = true
		}
	}
	var base, own []member
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag, hasTag := f.Tag.Lookup("dc")
		if tag == "-" {
			continue
		}
		idx := append(append([]int(nil), prefix...), i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct && !hasTag && !isSpecial(f.Type) {
			ms, err := contractMembers(f.Type, idx)
			if err != nil {
				return nil, err
			}
			base = append(base, ms...)
			continue
		}
		if !f.IsExported() || (tagged && !hasTag) {
			continue
		}
		m, err := parseTag(f, tag)
		if err != nil {
			return nil, err
		}
		m.index = idx
		own = append(own, m)
	}
	sort.SliceStable(own, func(i, j int) bool {
		if own[i].order != own[j].order {
			return own[i].order < own[j].order
		}
		return own[i].name < own[j].name // Go compares bytes: String.CompareOrdinal for ASCII names
	})
	return append(base, own...), nil
}

func parseTag(f reflect.StructField, tag string) (member, error) {
	m := member{name: f.Name, typ: f.Type, order: -1}
	parts := strings.Split(tag, ",")
	if parts[0] != "" {
		m.name = parts[0]
	}
	for _, p := range parts[1:] {
		switch {
		case p == "required":
			m.required = true
		case p == "omitdefault":
			m.omitDefault = true
		case strings.HasPrefix(p, "order="):
			n, err := strconv.Atoi(p[len("order="):])
			if err != nil || n < 0 {
				return m, newErr("$", CodeUnsupported, "field %s: bad order in tag %q", f.Name, tag)
			}
			m.order = n
		case p == "":
		default:
			return m, newErr("$", CodeUnsupported, "field %s: unknown tag option %q", f.Name, p)
		}
	}
	return m, nil
}
