package site

import (
	"strconv"
	"strings"
)

// WCFDefaultMaxReceivedMessageSize is WCF's own limit when no binding element sets one
// (creatio-wire.md §6.1 item 3).
const WCFDefaultMaxReceivedMessageSize int64 = 65536

// Service is one <service> of a services.config.
type Service struct {
	Name                  string // full type name
	BehaviorConfiguration string
	Endpoints             []WCFEndpoint
	Pos                   Pos
}

// WCFEndpoint is one <endpoint> of a service.
type WCFEndpoint struct {
	Name, Address, Binding, BindingConfiguration, BehaviorConfiguration, Contract string
	HasBehaviorConfiguration                                                      bool
	Pos                                                                           Pos
}

// IsMex tells a metadata-exchange endpoint, which is never the REST endpoint and is not checked.
func (e WCFEndpoint) IsMex() bool {
	return e.Contract == "IMetadataExchange" || strings.HasPrefix(strings.ToLower(e.Binding), "mex")
}

// Binding is one <binding> under a binding kind (webHttpBinding, customBinding, basicHttpBinding…).
// Name is "" for the nameless default binding of its kind.
type Binding struct {
	Kind, Name string
	// MaxReceivedMessageSize is 0 when the binding does not set it.
	MaxReceivedMessageSize int64
	// WriteEncoding is webHttpBinding's writeEncoding attribute, "" when absent.
	WriteEncoding string
	// CustomEncoding is the encoding attribute of <customTextMessageEncoding>, "" when absent;
	// CustomEncodingPos is where that element is.
	CustomEncoding    string
	HasCustomEncoding bool
	CustomEncodingPos Pos
	SecurityMode      string
	Pos               Pos
}

// Behavior is one named <behavior> (endpoint or service behaviour).
type Behavior struct {
	Name       string
	HasWebHTTP bool // contains <webHttp>, which makes an endpoint REST (F15)
	Pos        Pos
}

// ConfigFile records one config file: whether it exists, and the line of its root element (where
// new entries go).
type ConfigFile struct {
	Path    string
	Present bool
	Line    int
}

// Folder is one of ServiceModel/http and ServiceModel/https.
type Folder struct {
	Name              string // "http" or "https"
	ServicesFile      ConfigFile
	BindingsFile      ConfigFile
	BehaviorsFile     ConfigFile
	Services          []Service
	Bindings          []Binding
	EndpointBehaviors []Behavior
	ServiceBehaviors  []Behavior
}

// Service finds a <service> by full type name; WCF compares type names ordinally.
func (f *Folder) Service(typeName string) *Service {
	if f == nil {
		return nil
	}
	for i := range f.Services {
		if f.Services[i].Name == typeName {
			return &f.Services[i]
		}
	}
	return nil
}

// Binding finds a binding by kind and name ("" = the nameless default of that kind).
func (f *Folder) Binding(kind, name string) *Binding {
	if f == nil {
		return nil
	}
	for i := range f.Bindings {
		if f.Bindings[i].Kind == kind && f.Bindings[i].Name == name {
			return &f.Bindings[i]
		}
	}
	return nil
}

// EndpointBehavior finds an endpoint behaviour by name.
func (f *Folder) EndpointBehavior(name string) *Behavior { return findBehavior(f, name, true) }

// ServiceBehavior finds a service behaviour by name.
func (f *Folder) ServiceBehavior(name string) *Behavior { return findBehavior(f, name, false) }

func findBehavior(f *Folder, name string, endpoint bool) *Behavior {
	if f == nil {
		return nil
	}
	list := f.ServiceBehaviors
	if endpoint {
		list = f.EndpointBehaviors
	}
	for i := range list {
		if list[i].Name == name {
			return &list[i]
		}
	}
	return nil
}

// parseServices reads the <services> element of a services.config.
func parseServices(file string, root *Node) []Service {
	var out []Service
	for _, s := range root.Kids("service") {
		svc := Service{Name: attr(s, "name"), BehaviorConfiguration: attr(s, "behaviorConfiguration"), Pos: Pos{file, s.Line}}
		for _, e := range s.Kids("endpoint") {
			_, hasBeh := e.Attr("behaviorConfiguration")
			svc.Endpoints = append(svc.Endpoints, WCFEndpoint{
				Name: attr(e, "name"), Address: attr(e, "address"), Binding: attr(e, "binding"),
				BindingConfiguration: attr(e, "bindingConfiguration"), BehaviorConfiguration: attr(e, "behaviorConfiguration"),
				Contract: attr(e, "contract"), HasBehaviorConfiguration: hasBeh, Pos: Pos{file, e.Line},
			})
		}
		out = append(out, svc)
	}
	return out
}

// parseBindings reads the <bindings> element: every binding kind and its <binding> children.
func parseBindings(file string, root *Node) ([]Binding, error) {
	var out []Binding
	for _, kind := range root.Children {
		for _, b := range kind.Kids("binding") {
			bd := Binding{Kind: kind.Name, Name: attr(b, "name"), WriteEncoding: attr(b, "writeEncoding"), Pos: Pos{file, b.Line}}
			max, err := parseSize(file, b, b.Attrs["maxReceivedMessageSize"])
			if err != nil {
				return nil, err
			}
			bd.MaxReceivedMessageSize = max
			if sec := b.Child("security"); sec != nil {
				bd.SecurityMode = attr(sec, "mode")
			}
			if ce := b.Child("customTextMessageEncoding"); ce != nil {
				bd.HasCustomEncoding, bd.CustomEncoding, bd.CustomEncodingPos = true, attr(ce, "encoding"), Pos{file, ce.Line}
			}
			for _, t := range []string{"httpTransport", "httpsTransport"} {
				if tr := b.Child(t); tr != nil && bd.MaxReceivedMessageSize == 0 {
					if bd.MaxReceivedMessageSize, err = parseSize(file, tr, tr.Attrs["maxReceivedMessageSize"]); err != nil {
						return nil, err
					}
				}
			}
			out = append(out, bd)
		}
	}
	return out, nil
}

func parseSize(file string, n *Node, v string) (int64, error) {
	if v == "" {
		return 0, nil
	}
	x, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || x <= 0 {
		return 0, &ParseError{file, n.Line, "maxReceivedMessageSize as a positive whole number of bytes, got " + strconv.Quote(v)}
	}
	return x, nil
}

// parseBehaviors reads <behaviors>: endpointBehaviors and serviceBehaviors.
func parseBehaviors(file string, root *Node) (endpoint, service []Behavior) {
	read := func(sec *Node) []Behavior {
		var out []Behavior
		for _, b := range sec.Kids("behavior") {
			out = append(out, Behavior{Name: attr(b, "name"), HasWebHTTP: b.Child("webHttp") != nil, Pos: Pos{file, b.Line}})
		}
		return out
	}
	return read(root.Child("endpointBehaviors")), read(root.Child("serviceBehaviors"))
}

func attr(n *Node, name string) string {
	v, _ := n.Attr(name)
	return v
}
