package host

import (
	"net/http"
	"strings"

	"github.com/svccheck/svccheck/reference/datacontract"
	"github.com/svccheck/svccheck/reference/faults"
	"github.com/svccheck/svccheck/reference/wcf"
)

// routeKind tells apart the route families that answer unauthenticated calls differently (§5.1).
type routeKind int

const (
	routeRest routeKind = iota // /rest/{Class}/{Method} and other forms-auth routes: redirect to the login page
	routeSvc                   // ServiceModel/*.svc: the JSON 401 envelope on netfx
)

// workspace serves a path of the workspace application, already stripped of its /0 alias.
func (h *Host) workspace(w http.ResponseWriter, r *http.Request, p string) {
	switch {
	case h.hasPrefix(p, "/rest/"):
		class, op, _ := strings.Cut(p[len("/rest/"):], "/")
		if strings.EqualFold(class, "MainMenuService") && strings.EqualFold(op, "Logout") {
			h.authenticated(w, r, routeRest, func(s *session) { h.logout(w, s) })
			return
		}
		h.authenticated(w, r, routeRest, func(*session) {
			h.limitBody(w, r, h.site.RestMaxReceivedMessageSize())
			h.serve(w, r, h.byClass[strings.ToLower(class)], op)
		})
	case h.hasPrefix(p, "/ServiceModel/"):
		name, op, _ := cutFold(p[len("/ServiceModel/"):], ".svc/")
		h.svcRoute(w, r, name, op)
	default:
		h.authenticated(w, r, routeRest, func(*session) { notFound(w, http.StatusNotFound) })
	}
}

// limitBody applies the endpoint binding's maxReceivedMessageSize (413 beyond it).
func (h *Host) limitBody(w http.ResponseWriter, r *http.Request, n int64) {
	if n > 0 && !h.faults.Has(faults.NoBodyLimit) {
		r.Body = http.MaxBytesReader(w, r.Body, n)
	}
}

// serve dispatches to a service, or answers WCF's 404 when the service is not deployed (F14).
func (h *Host) serve(w http.ResponseWriter, r *http.Request, svc *wcf.Service, op string) {
	h.serveWith(w, r, svc, op, h.dispatchOptions())
}

// serveWith is serve with the options of one endpoint (its text encoding).
func (h *Host) serveWith(w http.ResponseWriter, r *http.Request, svc *wcf.Service, op string, opt wcf.Options) {
	if svc == nil {
		wcf.NotFound(w)
		return
	}
	if h.faults.Has(faults.RawAccepted) && wcf.RequireJSON(r.Header.Get("Content-Type")) != nil {
		r.Header.Set("Content-Type", "application/json")
	}
	fw := newFaultWriter(w, h.faults)
	svc.Serve(fw, r, op, opt)
	fw.flush()
}

// dispatchOptions are WCF's behaviour with the profile's unconfirmed choices and the seeded faults.
func (h *Host) dispatchOptions() wcf.Options {
	f := h.faults
	return wcf.Options{
		DC:              datacontract.Options{Location: h.prof.TimeZone, IgnoreRequired: f.Has(faults.RequiredIgnored)},
		WrappedVoidBody: h.prof.WrappedVoidBody,
		BareResult:      f.Has(faults.UnwrappedResult),
		WrapBare:        f.Has(faults.WrappedBare),
		LenientWrapped:  f.Has(faults.BareRequestAccepted),
		IgnoreMethod:    f.Has(faults.MethodIgnored),
		IgnoreCharset:   f.Has(faults.CharsetUTF8Only),
		Text:            h.prof.Text,
	}
}

// authenticated runs next only for a request with a live session and, for checked methods, a valid
// BPMCSRF header; otherwise it answers as the flavor does.
func (h *Host) authenticated(w http.ResponseWriter, r *http.Request, kind routeKind, next func(*session)) {
	sess := h.sessionOf(r)
	if sess == nil {
		h.unauthorized(w, r, kind)
		return
	}
	if !h.csrfOK(r, sess) {
		w.WriteHeader(h.prof.CSRFFailureStatus) // no source shows a body (§10 row 13)
		return
	}
	next(sess)
}

// sessionOf finds the session named by the request's .ASPXAUTH cookie.
func (h *Host) sessionOf(r *http.Request) *session {
	c, err := r.Cookie(authCookie)
	if err != nil || c.Value == "" {
		return nil
	}
	return h.sessions.get(c.Value)
}

// cutFold is strings.Cut ignoring the case of sep, for ".svc/" in any case.
func cutFold(s, sep string) (before, after string, found bool) {
	i := strings.Index(strings.ToLower(s), strings.ToLower(sep))
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}
