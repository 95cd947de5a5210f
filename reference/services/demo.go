package services

import (
	"errors"
	"io"
	"net/http"
	"reflect"
	"time"

	"github.com/svccheck/svccheck/reference/datacontract"
	"github.com/svccheck/svccheck/reference/wcf"
)

var (
	typeContact  = reflect.TypeFor[Contact]()
	typeInt32    = reflect.TypeFor[int32]()
	typeBool     = reflect.TypeFor[bool]()
	typeDateTime = reflect.TypeFor[datacontract.DateTime]()
)

// demoNow is the fixed "server clock" of the demo services, so replies are reproducible:
// 2013-01-02T03:04:05.006Z, the instant of wcf-wire.md's E7 vector.
var demoNow = time.Date(2013, 1, 2, 3, 4, 5, 6e6, time.UTC)

// sampleContact is the contact the demo services know.
func sampleContact() Contact {
	birthday := datacontract.DateTime{Time: time.Date(1980, 5, 17, 0, 0, 0, 0, time.UTC), Kind: datacontract.Utc}
	return Contact{Id: datacontract.MustGuid(SupervisorID), FirstName: "Supervisor", Birthday: &birthday,
		Balance: "12.50", Kind: KindPerson,
		Tags:       datacontract.Dictionary[string, string]{{Key: "source", Value: "demo"}, {Key: "tier", Value: "gold"}},
		Phones:     []Phone{{Number: "+1 555 0100", Primary: true}},
		ModifiedOn: datacontract.DateTime{Time: demoNow, Kind: datacontract.Utc}}
}

// json is the shorthand for operations declared with JSON in and out.
func json(op *wcf.Operation) *wcf.Operation {
	op.RequestFormat, op.ResponseFormat = wcf.Json, wcf.Json
	return op
}

// Demo is UsrDemoService (cookie auth): field-cases.md's POST lookup plus one operation per
// contract shape — every body style, an Xml reply (GetContactXml), a UriTemplate with path and query variables, an out
// parameter, a Stream upload, a void operation, a WebFaultException and a plain exception.
func Demo() *wcf.Service {
	return &wcf.Service{Namespace: "Terrasoft.Configuration.UsrDemoService", Class: "UsrDemoService", Operations: []*wcf.Operation{
		contactLookup("POST"),
		json(&wcf.Operation{Name: "SaveContact", BodyStyle: wcf.Wrapped, Params: []wcf.Param{{Name: "contact", Type: typeContact}},
			Result: typeContact, Handler: saveContact}),
		json(&wcf.Operation{Name: "GetContact", Method: "GET", UriTemplate: "contacts/{id}?withPhones={withPhones}", BodyStyle: wcf.Bare,
			Params: []wcf.Param{{Name: "id", Type: typeString}, {Name: "withPhones", Type: typeBool}}, Result: typeContact, Handler: getContact}),
		{Name: "GetContactXml", Method: "GET", UriTemplate: "contacts/{id}/xml", BodyStyle: wcf.Bare, ResponseFormat: wcf.Xml,
			Params: []wcf.Param{{Name: "id", Type: typeString}}, Result: typeContact, Handler: getContactXML},
		json(&wcf.Operation{Name: "RenameContact", BodyStyle: wcf.WrappedRequest,
			Params: []wcf.Param{{Name: "id", Type: typeString}, {Name: "firstName", Type: typeString}}, Result: typeString, Handler: renameContact}),
		json(&wcf.Operation{Name: "CountContacts", BodyStyle: wcf.WrappedResponse,
			Params: []wcf.Param{{Name: "prefix", Type: typeString}, {Name: "total", Type: typeInt32, Out: true}}, Result: typeInt32, Handler: countContacts}),
		json(&wcf.Operation{Name: "Upload", UriTemplate: "upload/{name}", BodyStyle: wcf.Bare,
			Params: []wcf.Param{{Name: "name", Type: typeString}, {Name: "content", Type: wcf.StreamType}}, Result: typeInt32, Handler: upload}),
		json(&wcf.Operation{Name: "Touch", BodyStyle: wcf.Bare, Handler: func(*wcf.Call) (wcf.Reply, error) { return wcf.Reply{}, nil }}),
		json(&wcf.Operation{Name: "GetMissingContact", Method: "GET", BodyStyle: wcf.Bare, Result: typeContact, Handler: missingContact}),
		json(&wcf.Operation{Name: "Crash", Method: "GET", BodyStyle: wcf.Bare, Result: typeString, Handler: crash}),
	}}
}

// DemoAnon is the anonymous demo service the default site registers (UsrDemoAnonService.svc).
func DemoAnon() *wcf.Service {
	return &wcf.Service{Namespace: "Terrasoft.Configuration.UsrDemoNs", Class: "UsrDemoAnonService", Operations: []*wcf.Operation{
		json(&wcf.Operation{Name: "Echo", Method: "GET", BodyStyle: wcf.Wrapped, Params: []wcf.Param{{Name: "Text", Type: typeString}},
			Result: typeString, Handler: func(c *wcf.Call) (wcf.Reply, error) { return wcf.Reply{Result: c.Args["Text"]}, nil }}),
		json(&wcf.Operation{Name: "GetServerTime", Method: "GET", BodyStyle: wcf.Wrapped, Result: typeDateTime,
			Handler: func(*wcf.Call) (wcf.Reply, error) {
				return wcf.Reply{Result: datacontract.DateTime{Time: demoNow, Kind: datacontract.Local}}, nil
			}}),
		json(&wcf.Operation{Name: "GetContact", Method: "GET", BodyStyle: wcf.Wrapped, Result: typeContact,
			Handler: func(*wcf.Call) (wcf.Reply, error) { return wcf.Reply{Result: sampleContact()}, nil }}),
	}}
}

func saveContact(c *wcf.Call) (wcf.Reply, error) {
	in, _ := c.Args["contact"].(Contact)
	if in.Id == (datacontract.Guid{}) {
		in.Id = datacontract.MustGuid("6b4a9c3e-2f1d-4e8a-9b7c-5d3e2f1a0b9c")
	}
	in.ModifiedOn = datacontract.DateTime{Time: demoNow, Kind: datacontract.Utc}
	return wcf.Reply{Result: in}, nil
}

func getContact(c *wcf.Call) (wcf.Reply, error) {
	s := sampleContact()
	if c.Args["id"] != s.Id.String() {
		return wcf.Reply{}, &wcf.WebFault{Status: http.StatusNotFound, Detail: ErrorInfo{Code: "NotFound", Message: "no contact with this id"}}
	}
	if with, _ := c.Args["withPhones"].(bool); !with {
		s.Phones = nil
	}
	return wcf.Reply{Result: s}, nil
}

// getContactXML is GetContact with ResponseFormat=Xml: the same contact (phones included) as
// DataContractSerializer XML, and the same WebFault detail, in XML, for an unknown id.
func getContactXML(c *wcf.Call) (wcf.Reply, error) {
	return getContact(&wcf.Call{Ctx: c.Ctx, Args: map[string]any{"id": c.Args["id"], "withPhones": true}})
}

func renameContact(c *wcf.Call) (wcf.Reply, error) {
	name, _ := c.Args["firstName"].(string)
	return wcf.Reply{Result: name}, nil
}

func countContacts(c *wcf.Call) (wcf.Reply, error) {
	prefix, _ := c.Args["prefix"].(string)
	n := int32(0)
	for name := range contactIDs {
		if len(name) >= len(prefix) && name[:len(prefix)] == prefix {
			n++
		}
	}
	return wcf.Reply{Result: n, Out: map[string]any{"total": int32(len(contactIDs))}}, nil
}

func upload(c *wcf.Call) (wcf.Reply, error) {
	r, _ := c.Args["content"].(io.Reader)
	if r == nil {
		return wcf.Reply{Result: int32(0)}, nil
	}
	b, err := io.ReadAll(r)
	return wcf.Reply{Result: int32(len(b))}, err
}

func missingContact(*wcf.Call) (wcf.Reply, error) {
	return wcf.Reply{}, &wcf.WebFault{Status: http.StatusNotFound, Detail: ErrorInfo{Code: "NotFound", Message: "no such contact"}}
}

func crash(*wcf.Call) (wcf.Reply, error) {
	return wcf.Reply{}, errors.New("Object reference not set to an instance of an object.")
}
