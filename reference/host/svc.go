package host

import (
	"net/http"
	"strings"

	"github.com/svccheck/svccheck/reference/faults"
	"github.com/svccheck/svccheck/reference/profile"
	"github.com/svccheck/svccheck/reference/site"
	"github.com/svccheck/svccheck/reference/wcf"
)

// svcRoute serves /ServiceModel/{name}.svc/{op}. Whether it answers anonymously, demands a session,
// is missing or fails to activate is the site configuration's verdict (site.Endpoint.Access), as
// on a real Creatio after each kind of registration gap (creatio-wire.md §5.2, §10 row 23).
func (h *Host) svcRoute(w http.ResponseWriter, r *http.Request, name, op string) {
	svc, ep := h.resolveSvc(name)
	access := ep.Access
	if access == site.AccessAnonymous && h.faults.Has(faults.AnonRegistrationLost) {
		access = site.AccessSession
	}
	switch access {
	case site.AccessAnonymous:
		h.serveSvc(w, r, svc, ep, op)
	case site.AccessMissing:
		// Forms authorization runs before IIS looks for the file: a path no <location> opens is
		// challenged first and only then found missing.
		if h.locationOpen(name) {
			notFound(w, http.StatusNotFound)
			return
		}
		h.authenticated(w, r, routeSvc, func(*session) { notFound(w, http.StatusNotFound) })
	case site.AccessBroken:
		wcf.ActivationError(w, ep.Reason)
	case site.AccessSOAP:
		wcf.UnsupportedMediaType(w)
	default:
		h.authenticated(w, r, routeSvc, func(*session) { h.serveSvc(w, r, svc, ep, op) })
	}
}

// locationOpen reports whether Web.config opens ServiceModel/{name}.svc to anonymous users (netfx).
func (h *Host) locationOpen(name string) bool {
	if h.site.Netfx == nil {
		return false
	}
	loc := h.site.Netfx.WebConfig.Location("ServiceModel/" + name + ".svc")
	return loc != nil && loc.AllowsAnonymous()
}

// resolveSvc finds the hosted service behind a .svc name: by the .svc file's Service type on netfx,
// by class name on net (where AnonymousRoutes must then list it under its full type name).
func (h *Host) resolveSvc(name string) (*wcf.Service, site.Endpoint) {
	if h.flavor == profile.NetFx {
		ep := h.site.Anonymous(name)
		return h.byType[ep.ServiceType], ep
	}
	svc := h.byClass[strings.ToLower(name)]
	if svc == nil {
		return nil, h.site.Anonymous(name)
	}
	return svc, h.site.AnonymousFor(svc.FullName(), name)
}

// serveSvc dispatches within the endpoint's body limit; a registered type the host does not serve
// fails WCF activation on netfx and is simply not routed on net.
func (h *Host) serveSvc(w http.ResponseWriter, r *http.Request, svc *wcf.Service, ep site.Endpoint, op string) {
	if svc == nil {
		if h.flavor == profile.NetFx {
			wcf.ActivationError(w, "The type '"+ep.ServiceType+"', provided as the Service attribute value in the ServiceHost directive, could not be found.")
			return
		}
		notFound(w, http.StatusNotFound)
		return
	}
	h.limitBody(w, r, ep.MaxReceivedMessageSize)
	h.serveWith(w, r, svc, op, h.endpointText(ep))
}
