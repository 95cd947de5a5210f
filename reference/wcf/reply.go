package wcf

import (
	"errors"
	"fmt"
	"net/http"
	"reflect"

	"github.com/svccheck/svccheck/reference/datacontract"
)

// WebFault is WebFaultException<T>: the status, and a detail written alone (not wrapped in
// <Op>Result) in the operation's response format (wcf-wire.md §6).
type WebFault struct {
	Status int
	Detail any
}

func (f *WebFault) Error() string { return fmt.Sprintf("web fault %d", f.Status) }

// writeFault answers a handler error: a WebFault with its own status, anything else with 400.
func writeFault(w http.ResponseWriter, op *Operation, err error, opt Options) {
	var wf *WebFault
	if !errors.As(err, &wf) {
		RequestError(w, err)
		return
	}
	if wf.Detail == nil {
		w.WriteHeader(wf.Status)
		return
	}
	if op.ResponseFormat == Xml {
		writeXMLFault(w, wf, opt)
		return
	}
	writeDC(w, wf.Status, wf.Detail, opt)
}

// writeReply writes a successful reply in the operation's body style and format.
func writeReply(w http.ResponseWriter, op *Operation, rep Reply, opt Options) {
	wrapped := (op.BodyStyle.WrapsResponse() && !opt.BareResult) || opt.WrapBare
	if op.ResponseFormat == Xml {
		writeXMLReply(w, op, rep, wrapped, opt)
		return
	}
	if op.Result == nil && len(op.outParams()) == 0 {
		if wrapped && opt.WrappedVoidBody != "" {
			writeText(w, http.StatusOK, []byte(opt.WrappedVoidBody), opt)
			return
		}
		w.WriteHeader(http.StatusOK) // void: 200 with an empty body
		return
	}
	if !wrapped && isNil(rep.Result) {
		w.WriteHeader(http.StatusOK) // a Bare null reply is suppressed (wcf-wire.md §5.2)
		return
	}
	var v any = rep.Result
	if wrapped {
		v = wrapReply(op, rep)
	}
	writeDC(w, http.StatusOK, v, opt)
}

// wrapReply builds {"<Op>Result":ret,"out1":…} as a struct whose member order is the declaration
// order, which is how WCF writes the wrapper.
func wrapReply(op *Operation, rep Reply) any {
	type part struct {
		name string
		t    reflect.Type
		v    any
	}
	parts := []part{}
	if op.Result != nil {
		parts = append(parts, part{op.ResultMember(), op.Result, rep.Result})
	}
	for _, p := range op.outParams() {
		parts = append(parts, part{p.Name, p.Type, rep.Out[p.Name]})
	}
	fields := make([]reflect.StructField, len(parts))
	for i, p := range parts {
		fields[i] = reflect.StructField{Name: fmt.Sprintf("P%d", i), Type: nullable(p.t), Tag: reflect.StructTag(fmt.Sprintf(`dc:"%s,order=%d"`, p.name, i))}
	}
	v := reflect.New(reflect.StructOf(fields)).Elem()
	for i, p := range parts {
		if p.v == nil {
			continue // a null reference: written as null
		}
		if f := v.Field(i); f.Type() == p.t {
			f.Set(reflect.ValueOf(p.v))
		} else {
			ptr := reflect.New(p.t)
			ptr.Elem().Set(reflect.ValueOf(p.v))
			f.Set(ptr)
		}
	}
	return v.Interface()
}

func isNil(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Map, reflect.Slice:
		return rv.IsNil()
	}
	return false
}

// writeDC writes a JSON reply through DataContractJsonSerializer's rules. A value the serializer
// refuses (e.g. DateTime.MinValue east of UTC) goes out as WCF sends it: 200 with an empty body.
// The text goes out in the endpoint's charset (custom encoding or writeEncoding).
func writeDC(w http.ResponseWriter, status int, v any, opt Options) {
	b, err := opt.DC.Marshal(v)
	if err != nil {
		w.WriteHeader(http.StatusOK)
		return
	}
	writeText(w, status, b, opt)
}

// WriteJSON writes a platform reply (login, auth envelope) through the DataContract serializer.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	writeDC(w, status, v, Options{DC: datacontract.Options{}})
}
