package services

import (
	"github.com/svccheck/svccheck/reference/datacontract"
)

// ContactKind is a [DataContract] enum: written as its number.
type ContactKind int32

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

// ErrorInfo is the detail of the demo WebFaultException<ErrorInfo>.
type ErrorInfo struct {
	Code    string `dc:"Code"`
	Message string `dc:"Message"`
}
