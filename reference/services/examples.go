// Package services holds the services the reference host serves: Creatio's documented examples
// (creatio-wire.md §7), the samples of field-cases.md, and demo services that exercise every
// contract shape (wcf-wire.md), over small in-memory tables.
package services

import (
	"reflect"

	"github.com/svccheck/svccheck/reference/wcf"
)

// SupervisorID is the contact id of Supervisor on a fresh Creatio, the value the examples return.
const SupervisorID = "410006e1-ca4e-4502-a9ec-e54d922d2c00"

// contactIDs is the demo contact table: name → Id. Lookups are exact, as the example's ESQ filter.
var contactIDs = map[string]string{
	"Supervisor":   SupervisorID,
	"Andrew Baker": "c4ed336c-3e9b-40fe-8b82-5632476472b4",
	"Ann":          "0bb3e1b1-7d8c-4b52-9e2b-a3f1cb1b3a3c",
}

var (
	typeString = reflect.TypeFor[string]()
	nameParam  = []wcf.Param{{Name: "Name", Type: typeString}}
)

// getContactIDByName is the body of every GetContactIdByName example: an unknown name gives "".
func getContactIDByName(c *wcf.Call) (wcf.Reply, error) {
	name, _ := c.Args["Name"].(string)
	return wcf.Reply{Result: contactIDs[name]}, nil
}

// contactLookup declares GetContactIdByName with the given method, Wrapped and JSON as in the docs.
func contactLookup(method string) *wcf.Operation {
	return &wcf.Operation{Name: "GetContactIdByName", Method: method, BodyStyle: wcf.Wrapped,
		RequestFormat: wcf.Json, ResponseFormat: wcf.Json, Params: nameParam, Result: typeString, Handler: getContactIDByName}
}

// CustomConfiguration is the Academy cookie-auth example (7.13–8.1):
// GET /0/rest/UsrCustomConfigurationService/GetContactIdByName?Name=….
func CustomConfiguration() *wcf.Service {
	return &wcf.Service{Namespace: "Terrasoft.Configuration.CustomConfigurationService",
		Class: "UsrCustomConfigurationService", Operations: []*wcf.Operation{contactLookup("GET")}}
}

// AnonymousConfiguration is the Academy anonymous example (7.16/8.x), served at
// /0/ServiceModel/UsrAnonymousConfigurationService.svc/GetContactIdByName.
func AnonymousConfiguration() *wcf.Service {
	return &wcf.Service{Namespace: "Terrasoft.Configuration.UsrAnonymousConfigurationServiceNamespace",
		Class: "UsrAnonymousConfigurationService", Operations: []*wcf.Operation{contactLookup("GET")}}
}

// Default is every service a default reference host serves. Which of them answer anonymously is
// the site configuration's business (reference/site), as on a real Creatio.
func Default() []*wcf.Service {
	return []*wcf.Service{CustomConfiguration(), Demo(), AnonymousConfiguration(), DemoAnon()}
}
