package doctor

import (
	"fmt"
	"strings"

	"github.com/svccheck/svccheck/reference/site"
)

// Endpoint-configuration rule IDs (netfx; field case F15).
const (
	// WCFSoapBinding: a REST service's endpoint uses a SOAP binding.
	WCFSoapBinding = "DOC-WCF-001"
	// WCFNoWebHTTP: a REST service's endpoint behaviour has no <webHttp/>.
	WCFNoWebHTTP = "DOC-WCF-002"
	// WCFUnresolvedBinding: bindingConfiguration names no binding in bindings.config.
	WCFUnresolvedBinding = "DOC-WCF-003"
	// WCFUnresolvedBehavior: behaviorConfiguration names no behaviour in behaviors.config.
	WCFUnresolvedBehavior = "DOC-WCF-004"
	// WCFFolderMismatch: a service is in one of http/https services.config but not the other.
	WCFFolderMismatch = "DOC-WCF-005"
)

var _ = register(
	Rule{WCFSoapBinding, SeverityError, "REST service endpoint uses a SOAP binding"},
	Rule{WCFNoWebHTTP, SeverityError, "REST service endpoint lacks the webHttp behaviour"},
	Rule{WCFUnresolvedBinding, SeverityError, "bindingConfiguration does not resolve"},
	Rule{WCFUnresolvedBehavior, SeverityError, "behaviorConfiguration does not resolve"},
	Rule{WCFFolderMismatch, SeverityError, "http and https services.config differ"},
)

// checkWCF checks both ServiceModel folders: references resolve, REST services are REST, and the
// two folders carry the same services.
func checkWCF(s *site.Site) []Finding {
	n := s.Netfx
	anon := anonTypes(n, s.AnonymousNames())
	var out []Finding
	for _, name := range site.FolderNames {
		f := n.Folders[name]
		for i := range f.Services {
			sv := &f.Services[i]
			out = append(out, checkReferences(f, sv)...)
			if anon[sv.Name] || strings.HasPrefix(sv.Name, "Terrasoft.Configuration.") {
				out = append(out, checkREST(f, sv)...)
			}
		}
	}
	return append(out, checkFolderMismatch(n, anon)...)
}

// anonTypes are the service types behind the site's anonymous .svc files; their absence from a
// services.config is reported by DOC-ANON-003, so DOC-WCF-005 skips them.
func anonTypes(n *site.Netfx, names []string) map[string]bool {
	out := map[string]bool{}
	for _, name := range names {
		if svc := n.Svc(name); svc != nil && svc.Service != "" {
			out[svc.Service] = true
		}
	}
	return out
}

func checkReferences(f *site.Folder, sv *site.Service) []Finding {
	var out []Finding
	if bc := sv.BehaviorConfiguration; bc != "" && f.BehaviorsFile.Present && f.ServiceBehavior(bc) == nil {
		out = append(out, finding(WCFUnresolvedBehavior, sv.Pos, sv.Name,
			fmt.Sprintf("service behaviorConfiguration %q is not a <serviceBehaviors> behavior in %s: WCF activation fails (500)", bc, f.BehaviorsFile.Path),
			fmt.Sprintf("Add <behavior name=%q> under serviceBehaviors in %s, or fix the name.", bc, f.BehaviorsFile.Path)))
	}
	for _, e := range sv.Endpoints {
		if bc := e.BindingConfiguration; bc != "" && f.BindingsFile.Present && f.Binding(e.Binding, bc) == nil {
			out = append(out, finding(WCFUnresolvedBinding, e.Pos, sv.Name,
				fmt.Sprintf("bindingConfiguration %q is not a <%s> binding in %s: WCF activation fails (500)", bc, e.Binding, f.BindingsFile.Path),
				fmt.Sprintf("Add <binding name=%q> under <%s> in %s (http and https), or remove bindingConfiguration to use the default binding.", bc, e.Binding, f.BindingsFile.Path)))
		}
		if bc := e.BehaviorConfiguration; bc != "" && f.BehaviorsFile.Present && f.EndpointBehavior(bc) == nil {
			out = append(out, finding(WCFUnresolvedBehavior, e.Pos, sv.Name,
				fmt.Sprintf("behaviorConfiguration %q is not an <endpointBehaviors> behavior in %s: WCF activation fails (500)", bc, f.BehaviorsFile.Path),
				`Use behaviorConfiguration="RestServiceBehavior", or add the behaviour to `+f.BehaviorsFile.Path+"."))
		}
	}
	return out
}

// checkREST applies F15 to the endpoint that serves X.svc/{Method}.
func checkREST(f *site.Folder, sv *site.Service) []Finding {
	e := site.RESTEndpoint(sv)
	if e == nil {
		return nil
	}
	if e.Binding != "webHttpBinding" && e.Binding != "customBinding" {
		return []Finding{finding(WCFSoapBinding, e.Pos, sv.Name,
			fmt.Sprintf("endpoint uses binding %q, a SOAP binding: JSON calls get 415 expecting text/xml", e.Binding),
			`Use binding="webHttpBinding" (or the documented customBinding for a custom encoding) with behaviorConfiguration="RestServiceBehavior".`)}
	}
	if e.BehaviorConfiguration != "" && f.EndpointBehavior(e.BehaviorConfiguration) == nil {
		return nil // DOC-WCF-004 already says it
	}
	if b := f.EndpointBehavior(e.BehaviorConfiguration); b == nil || !b.HasWebHTTP {
		return []Finding{finding(WCFNoWebHTTP, e.Pos, sv.Name,
			"endpoint has no behaviour with <webHttp/>: it answers like a SOAP endpoint (415 for JSON)",
			`Set behaviorConfiguration="RestServiceBehavior" (behaviors.config: <behavior name="RestServiceBehavior"><webHttp helpEnabled="false" /></behavior>).`)}
	}
	return nil
}

func checkFolderMismatch(n *site.Netfx, anon map[string]bool) []Finding {
	var out []Finding
	for _, pair := range [][2]string{{"http", "https"}, {"https", "http"}} {
		from, to := n.Folders[pair[0]], n.Folders[pair[1]]
		if !from.ServicesFile.Present || !to.ServicesFile.Present {
			continue
		}
		for _, sv := range from.Services {
			if anon[sv.Name] || to.Service(sv.Name) != nil {
				continue
			}
			out = append(out, finding(WCFFolderMismatch, site.Pos{File: to.ServicesFile.Path, Line: to.ServicesFile.Line}, sv.Name,
				fmt.Sprintf("service %s is in %s but not here: it disappears when the site switches to %s", sv.Name, from.ServicesFile.Path, to.Name),
				fmt.Sprintf("Copy its <service> element from %s into %s.", from.ServicesFile.Path, to.ServicesFile.Path)))
		}
	}
	return out
}
