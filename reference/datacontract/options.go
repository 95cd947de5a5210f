package datacontract

import (
	"reflect"
	"strconv"
	"strings"
	"time"
)

// Options carries what DCJS takes from its environment. Location is the server's
// time zone, which changes both the milliseconds and the suffix of Local and
// Unspecified DateTimes; nil means UTC (a Linux container). KnownTypes is the
// registry for "__type" polymorphism; nil means DefaultKnownTypes.
type Options struct {
	Location   *time.Location
	KnownTypes *KnownTypes
	// IgnoreRequired reads like a serializer that does not honour IsRequired (System.Text.Json
	// re-hosts): missing required members are left at their default. The reference host uses it
	// to seed that fault; DCJS itself always enforces IsRequired.
	IgnoreRequired bool
}

// Marshal encodes v with default Options (server zone UTC, DefaultKnownTypes).
func Marshal(v any) ([]byte, error) { return Options{}.Marshal(v) }

// Unmarshal decodes data into the value v points to, with default Options.
func Unmarshal(data []byte, v any) error { return Options{}.Unmarshal(data, v) }

func (o Options) loc() *time.Location {
	if o.Location == nil {
		return time.UTC
	}
	return o.Location
}

func (o Options) known() *KnownTypes {
	if o.KnownTypes == nil {
		return DefaultKnownTypes
	}
	return o.KnownTypes
}

var (
	typeDateTime       = reflect.TypeFor[DateTime]()
	typeDateTimeOffset = reflect.TypeFor[DateTimeOffset]()
	typeTimeSpan       = reflect.TypeFor[TimeSpan]()
	typeGuid           = reflect.TypeFor[Guid]()
	typeDecimal        = reflect.TypeFor[Decimal]()
	typeChar           = reflect.TypeFor[Char]()
	typeTime           = reflect.TypeFor[time.Time]()
	typeDuration       = reflect.TypeFor[time.Duration]()
	typeDictionary     = reflect.TypeFor[dictionaryType]()
)

// isSpecial reports types with their own wire form rather than their Go shape.
func isSpecial(t reflect.Type) bool {
	switch t {
	case typeDateTime, typeDateTimeOffset, typeTimeSpan, typeGuid, typeDecimal, typeChar, typeTime, typeDuration:
		return true
	}
	return false
}

// path is a JSON path under construction; strings are built only on error.
type path []pathSeg

type pathSeg struct {
	name  string
	index int // -1 for a member
}

func (p path) String() string {
	var b strings.Builder
	b.WriteByte('$')
	for _, s := range p {
		if s.index >= 0 {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
			continue
		}
		b.WriteByte('.')
		b.WriteString(s.name)
	}
	return b.String()
}
