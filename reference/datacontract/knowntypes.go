package datacontract

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
)

// defaultNamespacePrefix is the data-contract namespace DCJS shortens to "#" in hints.
const defaultNamespacePrefix = "http://schemas.datacontract.org/2004/07/"

// KnownTypes is the set of types that may appear behind an interface (the Go
// stand-in for a base class or object) — .NET's [KnownType] list. DCJS writes the
// "__type" hint only for such values and refuses hints it does not know.
type KnownTypes struct {
	mu     sync.RWMutex
	byType map[reflect.Type]knownType
	byHint map[string]knownType
	bases  map[reflect.Type]knownType // interface type -> its base class
}

type knownType struct {
	hint string
	typ  reflect.Type // struct type
	ptr  bool         // sample was a pointer: decode yields *T
}

// DefaultKnownTypes is used when Options.KnownTypes is nil, so a service can
// register its contract types once at start-up.
var DefaultKnownTypes = NewKnownTypes()

// NewKnownTypes returns an empty registry for callers that need isolation (tests, several hosts).
func NewKnownTypes() *KnownTypes {
	return &KnownTypes{byType: map[reflect.Type]knownType{}, byHint: map[string]knownType{}, bases: map[reflect.Type]knownType{}}
}

// RegisterKnownType adds a type to DefaultKnownTypes; see KnownTypes.Register.
func RegisterKnownType(name, namespace string, sample any) error {
	return DefaultKnownTypes.Register(name, namespace, sample)
}

// Register maps the Go type of sample (a struct or pointer to struct) to the data
// contract name and namespace. namespace is the CLR namespace ("MyApp.Shapes") or a
// full contract namespace URI; the hint becomes "Name:#MyApp.Shapes" as DCJS
// shortens the default prefix. A pointer sample makes decoding produce pointers.
func (k *KnownTypes) Register(name, namespace string, sample any) error {
	t := reflect.TypeOf(sample)
	ptr := t != nil && t.Kind() == reflect.Pointer
	if ptr {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct || name == "" {
		return fmt.Errorf("datacontract: known type %q needs a struct sample, got %T", name, sample)
	}
	kt := knownType{hint: name + ":" + shortNamespace(namespace), typ: t, ptr: ptr}
	k.mu.Lock()
	defer k.mu.Unlock()
	k.byType[t] = kt
	k.byHint[kt.hint] = kt
	return nil
}

func shortNamespace(ns string) string {
	if rest, ok := strings.CutPrefix(ns, defaultNamespacePrefix); ok {
		return "#" + rest
	}
	if strings.Contains(ns, ":") {
		return ns
	}
	return "#" + ns
}

func (k *KnownTypes) hintOf(t reflect.Type) (string, bool) {
	k.mu.RLock()
	defer k.mu.RUnlock()
	kt, ok := k.byType[t]
	return kt.hint, ok
}

func (k *KnownTypes) lookup(hint string) (knownType, bool) {
	k.mu.RLock()
	defer k.mu.RUnlock()
	kt, ok := k.byHint[hint]
	return kt, ok
}

// RegisterBase names the struct that plays the base class behind an interface
// (ifacePtr is a nil pointer to the interface, e.g. (*Shape)(nil)). DCJS writes no
// hint for a value whose type is the declared one, and reads a hintless object as
// the declared type; without this, Go cannot know which implementation that is.
func (k *KnownTypes) RegisterBase(ifacePtr, base any) error {
	it := reflect.TypeOf(ifacePtr)
	if it == nil || it.Kind() != reflect.Pointer || it.Elem().Kind() != reflect.Interface {
		return fmt.Errorf("datacontract: RegisterBase needs a pointer to an interface, got %T", ifacePtr)
	}
	bt := reflect.TypeOf(base)
	ptr := bt != nil && bt.Kind() == reflect.Pointer
	if ptr {
		bt = bt.Elem()
	}
	if bt == nil || bt.Kind() != reflect.Struct {
		return fmt.Errorf("datacontract: base of %s must be a struct, got %T", it.Elem(), base)
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	k.bases[it.Elem()] = knownType{typ: bt, ptr: ptr}
	return nil
}

// RegisterBase adds a base class to DefaultKnownTypes; see KnownTypes.RegisterBase.
func RegisterBase(ifacePtr, base any) error { return DefaultKnownTypes.RegisterBase(ifacePtr, base) }

func (k *KnownTypes) baseOf(iface reflect.Type) (knownType, bool) {
	k.mu.RLock()
	defer k.mu.RUnlock()
	kt, ok := k.bases[iface]
	return kt, ok
}
