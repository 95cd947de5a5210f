// Package datacontract writes and reads JSON byte for byte as .NET Framework's
// DataContractJsonSerializer (DCJS) does, the serializer behind WCF webHttp endpoints
// such as Creatio's /0/rest services.
//
// It exists because encoding/json differs from DCJS on nearly every detail a contract
// test compares: "\/" escapes, "\/Date(ms+hhmm)\/" dates that depend on the server's
// time zone, Key/Value dictionary arrays, uppercase-exponent doubles, INF/NaN,
// member order by DataMember rules and "__type" hints. The reference host and the
// conformance checks both build on it, so it lives low and imports nothing upward.
//
// Members are described with the struct tag
//
//	dc:"WireName,required,omitdefault,order=N"
//
// mirroring [DataMember(Name, IsRequired, EmitDefaultValue=false, Order)]; dc:"-" ignores
// a field. A struct without any dc tag follows the plain-object rules (all exported
// fields under their Go names). An embedded struct is the base class: its members come
// first. Fidelity is proven against Mono's DCJS by the differential test in interop/.
//
// Options.EncodeXML writes the same values as DataContractSerializer XML (WCF's ResponseFormat=Xml):
// members as elements in the same order, i:nil for null, enums by name (EnumNamer), collections as
// ArrayOf… and dictionaries as KeyValueOf… in the Arrays namespace, with XmlDictionaryWriter's a, b, …
// prefixes. Element names and namespaces come from DataContractNamer; interop/ proves the bytes too.
package datacontract
