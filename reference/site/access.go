package site

import (
	"fmt"
	"sort"
	"strings"
)

// Access is what an unauthenticated request to /ServiceModel/X.svc meets. Gaps are reported in the
// order a request meets them: IIS looks for the .svc file, forms authentication checks
// <location>/AllowedLocations, then WCF activates the service (creatio-wire.md §5.2, §10 row 23).
type Access int

const (
	// AccessAnonymous: every place Creatio needs agrees; the call is served without a session.
	AccessAnonymous Access = iota
	// AccessSession: a session is demanded — the host answers as for a cookie route (401 JSON
	// envelope or 302, creatio-wire.md §10 rows 17/18).
	AccessSession
	// AccessMissing: no .svc file on netfx — 404.
	AccessMissing
	// AccessBroken: WCF activation fails — 500 (e.g. .svc present but no services.config entry in
	// the active folder, an unresolved bindingConfiguration/behaviorConfiguration, an unknown
	// custom encoding).
	AccessBroken
	// AccessSOAP: the endpoint is activated but is not REST — a SOAP binding or no <webHttp>
	// behaviour — so JSON requests get 415 expecting text/xml (field case F15).
	AccessSOAP
)

var accessNames = [...]string{"anonymous", "session", "missing", "broken", "soap"}

func (a Access) String() string {
	if int(a) < len(accessNames) {
		return accessNames[a]
	}
	return fmt.Sprintf("Access(%d)", int(a))
}

// NetMaxReceivedMessageSize is the body limit used on net, where no bindings.config exists. No net
// source pins it; the value mirrors netfx's default webHttpBinding binding (unconfirmed).
const NetMaxReceivedMessageSize int64 = 10485760

// Endpoint is how the site configures one /ServiceModel/X.svc route.
type Endpoint struct {
	SvcName     string
	ServiceType string
	Access      Access
	// Reason says why the route is not anonymous, naming file:line; empty when it is.
	Reason string
	// At is where the gap is (the file to fix); zero when anonymous.
	At Pos
	// Declared is where the route is declared: the REST <endpoint> on netfx, the AnonymousRoutes
	// path on net (zero when not found).
	Declared Pos
	// Binding is the endpoint's binding kind (webHttpBinding, customBinding…); "" on net.
	Binding string
	// MaxReceivedMessageSize comes from the binding (the named one, the nameless default, or WCF's
	// 65536 when none applies).
	MaxReceivedMessageSize int64
	// Encoding is "" for webHttpBinding (UTF-8/UTF-16) and the IANA name of a
	// customTextMessageEncoding otherwise.
	Encoding string
	// WriteEncoding is a webHttpBinding binding's writeEncoding (utf-16LE, utf-16BE), "" for UTF-8.
	WriteEncoding string
}

// Anonymous resolves /ServiceModel/{svcName}.svc (case-insensitive). On netfx it follows the .svc
// file's Service type; on net it accepts any AnonymousRoutes key that is a full type name — use
// AnonymousFor when the hosted type is known.
func (s *Site) Anonymous(svcName string) Endpoint { return s.AnonymousFor("", svcName) }

// AnonymousFor is Anonymous for a host that knows which full type name it serves at svcName. On
// net the AnonymousRoutes key must equal serviceType exactly and the path list must contain
// /ServiceModel/{svcName}.svc compared case-insensitively (creatio-wire.md §10 row 22). On netfx a
// .svc naming another type is an activation error.
func (s *Site) AnonymousFor(serviceType, svcName string) Endpoint {
	if s.Flavor == FlavorNet {
		return s.Net.resolve(serviceType, svcName)
	}
	return s.Netfx.resolve(serviceType, svcName)
}

func (n *Netfx) resolve(serviceType, svcName string) Endpoint {
	ep := Endpoint{SvcName: svcName, ServiceType: serviceType, MaxReceivedMessageSize: WCFDefaultMaxReceivedMessageSize}
	svc := n.Svc(svcName)
	rel := "ServiceModel/" + svcName + ".svc"
	if svc == nil {
		return ep.gap(AccessMissing, Pos{ServiceModelPath + "/" + svcName + ".svc", 0}, "no file %s/%s.svc (404)", ServiceModelPath, svcName)
	}
	ep.SvcName = svc.Name
	if ep.ServiceType == "" {
		ep.ServiceType = svc.Service
	}
	f := n.Folders[n.ActiveFolder()]
	n.fillBinding(&ep, f, svc)
	w := &n.WebConfig
	if loc := w.Location(rel); loc == nil || !loc.AllowsAnonymous() {
		return ep.gap(AccessSession, Pos{WebConfigPath, w.File.Line}, "%s has no <location path=%q> allowing users=\"*\"", WebConfigPath, rel)
	}
	if !w.Allows(rel) {
		st := w.Setting("AllowedLocations")
		return ep.gap(AccessSession, st.Pos, "%s: AllowedLocations does not list %s", posOr(st.Pos, WebConfigPath), rel)
	}
	return n.activate(ep, f, svc, serviceType)
}

// activate is WCF's part: the service entry, its endpoint, binding and behaviour in the active folder.
func (n *Netfx) activate(ep Endpoint, f *Folder, svc *SvcFile, serviceType string) Endpoint {
	if !svc.Valid || svc.Service == "" {
		return ep.gap(AccessBroken, svc.Pos, "%s has no ServiceHost directive with a Service type", svc.Pos)
	}
	if serviceType != "" && svc.Service != serviceType {
		return ep.gap(AccessBroken, svc.Pos, "%s names type %s, not the hosted %s", svc.Pos, svc.Service, serviceType)
	}
	sv := f.Service(svc.Service)
	if sv == nil {
		return ep.gap(AccessBroken, Pos{f.ServicesFile.Path, f.ServicesFile.Line}, "%s has no <service name=%q> (the active folder is %s)", f.ServicesFile.Path, svc.Service, f.Name)
	}
	if sv.BehaviorConfiguration != "" && f.ServiceBehavior(sv.BehaviorConfiguration) == nil {
		return ep.gap(AccessBroken, sv.Pos, "%s: service behaviorConfiguration %q is not in %s", sv.Pos, sv.BehaviorConfiguration, f.BehaviorsFile.Path)
	}
	e := RESTEndpoint(sv)
	if e == nil {
		return ep.gap(AccessBroken, sv.Pos, "%s: service %s has no endpoint", sv.Pos, sv.Name)
	}
	if e.Binding != "webHttpBinding" && e.Binding != "customBinding" {
		return ep.gap(AccessSOAP, e.Pos, "%s: endpoint binding %q is not webHttpBinding (SOAP endpoint, 415 for JSON)", e.Pos, e.Binding)
	}
	if e.BindingConfiguration != "" && f.Binding(e.Binding, e.BindingConfiguration) == nil {
		return ep.gap(AccessBroken, e.Pos, "%s: bindingConfiguration %q is not a %s in %s", e.Pos, e.BindingConfiguration, e.Binding, f.BindingsFile.Path)
	}
	if b := f.Binding(e.Binding, e.BindingConfiguration); b != nil && b.WriteEncoding != "" && !isWebHTTPEncoding(b.WriteEncoding) {
		return ep.gap(AccessBroken, b.Pos, "%s: writeEncoding %q is not UTF-8 or UTF-16", b.Pos, b.WriteEncoding)
	}
	if b := f.Binding(e.Binding, e.BindingConfiguration); b != nil && b.HasCustomEncoding {
		if _, ok := IANAName(b.CustomEncoding); !ok {
			return ep.gap(AccessBroken, b.CustomEncodingPos, "%s: encoding %q is not an IANA charset name", b.CustomEncodingPos, b.CustomEncoding)
		}
	}
	beh := f.EndpointBehavior(e.BehaviorConfiguration)
	if beh == nil && e.BehaviorConfiguration != "" {
		return ep.gap(AccessBroken, e.Pos, "%s: behaviorConfiguration %q is not in %s", e.Pos, e.BehaviorConfiguration, f.BehaviorsFile.Path)
	}
	if beh == nil || !beh.HasWebHTTP {
		return ep.gap(AccessSOAP, e.Pos, "%s: endpoint behaviour has no <webHttp/> (415 for JSON)", e.Pos)
	}
	return ep
}

// fillBinding records the body limit and encoding of the endpoint even when access fails later, so a
// host serving the route with a session still applies the right limit.
func (n *Netfx) fillBinding(ep *Endpoint, f *Folder, svc *SvcFile) {
	sv := f.Service(svc.Service)
	if sv == nil {
		return
	}
	e := RESTEndpoint(sv)
	if e == nil {
		return
	}
	ep.Binding, ep.Declared = e.Binding, e.Pos
	b := f.Binding(e.Binding, e.BindingConfiguration)
	if b == nil {
		return
	}
	if b.MaxReceivedMessageSize > 0 {
		ep.MaxReceivedMessageSize = b.MaxReceivedMessageSize
	}
	if b.HasCustomEncoding {
		if name, ok := IANAName(b.CustomEncoding); ok {
			ep.Encoding = name
		}
	}
	if b.Kind == "webHttpBinding" && isWebHTTPEncoding(b.WriteEncoding) {
		ep.WriteEncoding = strings.TrimSpace(b.WriteEncoding)
	}
}

// RESTEndpoint picks the endpoint that serves X.svc/{Method}: the first non-mex endpoint with an
// empty address, else the first non-mex endpoint.
func RESTEndpoint(sv *Service) *WCFEndpoint {
	var first *WCFEndpoint
	for i := range sv.Endpoints {
		e := &sv.Endpoints[i]
		if e.IsMex() {
			continue
		}
		if e.Address == "" {
			return e
		}
		if first == nil {
			first = e
		}
	}
	return first
}

func (ep Endpoint) gap(a Access, at Pos, format string, args ...any) Endpoint {
	ep.Access, ep.At, ep.Reason = a, at, fmt.Sprintf(format, args...)
	return ep
}

func posOr(p Pos, file string) string {
	if p.File == "" {
		return file
	}
	return p.String()
}

func (n *Net) resolve(serviceType, svcName string) Endpoint {
	ep := Endpoint{SvcName: svcName, ServiceType: serviceType, MaxReceivedMessageSize: NetMaxReceivedMessageSize}
	want := "/ServiceModel/" + svcName + ".svc"
	for _, r := range n.Routes {
		keyOK := r.Key == serviceType || (serviceType == "" && IsFullTypeName(r.Key))
		for _, p := range r.Paths {
			if keyOK && strings.EqualFold(strings.TrimSpace(p.Path), want) {
				ep.ServiceType, ep.Declared = r.Key, p.Pos
				return ep
			}
		}
	}
	at := n.SectionPos
	if at.File == "" {
		at = Pos{AppSettingsPath, n.AppSettingsFile.Line}
	}
	key := serviceType
	if key == "" {
		key = "<full type name>"
	}
	return ep.gap(AccessSession, at, "%s: %s.AnonymousRoutes has no entry %q listing %q", AppSettingsPath, n.Section, key, want)
}

// IsFullTypeName tells a namespace-qualified .NET type name (Ns.Class) from a bare class name, the
// usual AnonymousRoutes mistake (field case F13).
func IsFullTypeName(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !isIdent(p) {
			return false
		}
	}
	return true
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		letter := r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r > 127
		if !letter && (i == 0 || r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// AnonymousNames lists the .svc names the site means to make anonymous: on netfx, every
// <location path="ServiceModel/X.svc"> allowing all users plus every AllowedLocations entry
// ServiceModel/X.svc whose .svc file exists (platform entries without a file are left out); on net,
// every .svc name in AnonymousRoutes paths, however malformed the path. Sorted, case-insensitively
// de-duplicated.
func (s *Site) AnonymousNames() []string {
	seen := map[string]bool{}
	var out []string
	add := func(name string) {
		if name != "" && !seen[strings.ToLower(name)] {
			seen[strings.ToLower(name)] = true
			out = append(out, name)
		}
	}
	if s.Flavor == FlavorNet {
		for _, r := range s.Net.Routes {
			for _, p := range r.Paths {
				add(SvcNameOf(p.Path))
			}
		}
	} else {
		for _, l := range s.Netfx.WebConfig.Locations {
			if l.AllowsAnonymous() {
				add(SvcNameOf(l.Path))
			}
		}
		for _, a := range s.Netfx.WebConfig.AllowedLocations() {
			if name := SvcNameOf(a); name != "" && s.Netfx.Svc(name) != nil {
				add(name)
			}
		}
		// An update that replaces Web.config wipes both lists above (F12); a configuration
		// service's .svc file with a services.config entry still says it was meant to be reached
		// under ServiceModel/, which custom services are only for anonymous access.
		for _, svc := range s.Netfx.Svcs {
			if strings.HasPrefix(svc.Service, "Terrasoft.Configuration.") && s.Netfx.registered(svc.Service) {
				add(svc.Name)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i]) < strings.ToLower(out[j]) })
	return out
}

// SvcNameOf extracts X from paths such as ServiceModel/X.svc, /0/ServiceModel/X.svc or
// /ServiceModel/X.svc/Method; "" when the path names no ServiceModel .svc.
func SvcNameOf(p string) string {
	parts := strings.Split(strings.Trim(strings.TrimSpace(p), "/"), "/")
	for i := 0; i+1 < len(parts); i++ {
		if strings.EqualFold(parts[i], "ServiceModel") && strings.HasSuffix(strings.ToLower(parts[i+1]), ".svc") {
			return parts[i+1][:len(parts[i+1])-4]
		}
	}
	return ""
}

// RestMaxReceivedMessageSize is the body limit of /rest routes: the nameless default webHttpBinding
// binding of the active folder (10485760 in Creatio's files), or WCF's 65536 without one; on net
// NetMaxReceivedMessageSize.
func (s *Site) RestMaxReceivedMessageSize() int64 {
	if s.Flavor == FlavorNet {
		return NetMaxReceivedMessageSize
	}
	if b := s.Netfx.Folders[s.Netfx.ActiveFolder()].Binding("webHttpBinding", ""); b != nil && b.MaxReceivedMessageSize > 0 {
		return b.MaxReceivedMessageSize
	}
	return WCFDefaultMaxReceivedMessageSize
}

// registered reports whether a service type has a <service> entry in either folder's services.config.
func (n *Netfx) registered(serviceType string) bool {
	for _, f := range n.Folders {
		if f != nil && f.Service(serviceType) != nil {
			return true
		}
	}
	return false
}
