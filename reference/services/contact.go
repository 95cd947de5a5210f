package services

import (
	"strconv"

	"github.com/svccheck/svccheck/reference/datacontract"
)

// ContactKind is a [DataContract] enum: JSON writes its number, XML its member name.
type ContactKind int32

// demoNamespace is the CLR namespace of the demo contracts: their XML namespace derives from it.
const demoNamespace = "Terrasoft.Configuration.UsrDemoService"

// EnumName gives the member name DataContractSerializer writes (datacontract.EnumNamer).
func (k ContactKind) EnumName() string {
	switch k {
	case KindPerson:
		return "Person"
	case KindCompany:
		return "Company"
	}
	return strconv.Itoa(int(k)) // not a member: .NET would refuse to serialize it
}

// DataContractName names the enum's contract for XML (datacontract.DataContractNamer).
func (ContactKind) DataContractName() (string, string) { return "ContactKind", demoNamespace }

// Contact kinds.
const (
	KindPerson ContactKind = iota
	KindCompany
)

// Phone is a nested [DataContract] in a list.
type Phone struct {
	Number  string `dc:"Number"`
	Primary bool   `dc:"Primary"`
}

// DataContractName names the contract for XML replies (datacontract.DataContractNamer).
func (Phone) DataContractName() (string, string) { return "Phone", demoNamespace }

// Contact is the demo [DataContract]: a renamed required member (F10), an EmitDefaultValue=false
// member, Guid, DateTime, decimal, a nullable, an enum, a Dictionary and a nested list.
type Contact struct {
	Id         datacontract.Guid                       `dc:"Id"`
	FirstName  string                                  `dc:"firstName,required"`
	Nick       *string                                 `dc:"Nick,omitdefault"`
	Birthday   *datacontract.DateTime                  `dc:"Birthday"`
	Balance    datacontract.Decimal                    `dc:"Balance"`
	Kind       ContactKind                             `dc:"Kind"`
	Tags       datacontract.Dictionary[string, string] `dc:"Tags"`
	Phones     []Phone                                 `dc:"Phones"`
	ModifiedOn datacontract.DateTime                   `dc:"ModifiedOn"`
}

// DataContractName names the contract for XML replies (datacontract.DataContractNamer).
func (Contact) DataContractName() (string, string) { return "Contact", demoNamespace }

// ErrorInfo is the detail of the demo WebFaultException<ErrorInfo>.
type ErrorInfo struct {
	Code    string `dc:"Code"`
	Message string `dc:"Message"`
}

// DataContractName names the fault detail's contract for XML operations (datacontract.DataContractNamer).
func (ErrorInfo) DataContractName() (string, string) { return "ErrorInfo", demoNamespace }
