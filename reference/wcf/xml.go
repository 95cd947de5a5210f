package wcf

import (
	"net/http"

	"github.com/svccheck/svccheck/reference/datacontract"
)

// ContractNamespace is the service contract namespace that wraps Xml replies: WCF's default for
// a [ServiceContract] without Namespace, which Creatio's configuration services keep.
const ContractNamespace = "http://tempuri.org/"

// xmlContentType is what webHttp sends with an Xml reply (WebMessageEncoderFactory, UTF-8).
const xmlContentType = "application/xml; charset=utf-8"

// writeXMLReply answers an operation with ResponseFormat=Xml through DataContractSerializer's
// rules, with no XML declaration (the standalone WriteObject(Stream) writes none).
//
// Bare: the value under its own data contract root, as SingleBodyParameterDataContractMessageFormatter
// writes it. Wrapped: <{Op}Response xmlns="http://tempuri.org/"><{Op}Result>…</{Op}Result>…</{Op}Response>,
// each part written by a serializer rooted at the part name in the contract namespace, as WCF's
// DataContractSerializerOperationFormatter does. Unconfirmed: those wrapper bytes are modelled on an
// XmlDictionaryWriter driven by Mono's serializer (interop case x_contact_wrapped), not taken from a
// live WCF host; so are the empty <{Op}Response/> of a wrapped void operation and the absent declaration.
func writeXMLReply(w http.ResponseWriter, op *Operation, rep Reply, wrapped bool, opt Options) {
	voidOp := op.Result == nil && len(op.outParams()) == 0
	if (voidOp && !wrapped) || (!wrapped && isNil(rep.Result)) {
		w.WriteHeader(http.StatusOK) // void, or a Bare null reply: 200 with an empty body (wcf-wire.md §5.2)
		return
	}
	var b []byte
	var err error
	if wrapped {
		var parts []datacontract.XMLPart
		if op.Result != nil {
			parts = append(parts, datacontract.XMLPart{Name: op.ResultMember(), Type: op.Result, Value: rep.Result})
		}
		for _, p := range op.outParams() {
			parts = append(parts, datacontract.XMLPart{Name: p.Name, Type: p.Type, Value: rep.Out[p.Name]})
		}
		b, err = opt.DC.EncodeXMLWrapped(op.Name+"Response", ContractNamespace, parts...)
	} else {
		b, err = opt.DC.EncodeXML(rep.Result)
	}
	writeXML(w, http.StatusOK, b, err)
}

// writeXMLFault writes a WebFaultException<T> detail of an Xml operation: the detail alone under
// its data contract root, as for JSON (wcf-wire.md §6).
func writeXMLFault(w http.ResponseWriter, wf *WebFault, opt Options) {
	b, err := opt.DC.EncodeXML(wf.Detail)
	writeXML(w, wf.Status, b, err)
}

// writeXML sends the bytes; a value the serializer refused goes out as WCF sends it: 200, empty.
func writeXML(w http.ResponseWriter, status int, b []byte, err error) {
	if err != nil {
		w.WriteHeader(http.StatusOK)
		return
	}
	w.Header().Set("Content-Type", xmlContentType)
	w.WriteHeader(status)
	w.Write(b)
}
