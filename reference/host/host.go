// Package host is the reference host: an http.Handler that answers like Creatio's web-service
// hosting in either flavor (creatio-wire.md), with the documented example services and switchable
// seeded faults. Routing, authentication, CSRF and unauthenticated answers each live in their own file.
package host

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/svccheck/svccheck/reference/faults"
	"github.com/svccheck/svccheck/reference/profile"
	"github.com/svccheck/svccheck/reference/services"
	"github.com/svccheck/svccheck/reference/site"
	"github.com/svccheck/svccheck/reference/wcf"
)

// Config describes one host. The zero value of every field but Flavor has a sensible default.
type Config struct {
	Flavor profile.Flavor
	// Profile overrides the flavor's documented defaults (nil: profile.Default(Flavor)).
	Profile *profile.Profile
	// Users maps user names to passwords; nil means Supervisor/Supervisor as on a fresh Creatio.
	Users map[string]string
	// Faults are the seeded faults switched on.
	Faults faults.Set
	// Services are what the host serves (nil: services.Default(), plus services.Encoding() on netfx).
	Services []*wcf.Service
	// Site is the site configuration: anonymous registrations, CSRF settings, body limits
	// (nil: the built-in default site of the flavor, as `svccheck init-site` writes it).
	Site *site.Site
	// Now is the clock, injectable so session expiry can be tested.
	Now func() time.Time
}

// Host answers Creatio-style requests. Create it with New; it is safe for concurrent use.
type Host struct {
	flavor   profile.Flavor
	prof     *profile.Profile
	users    map[string]string
	faults   faults.Set
	site     *site.Site
	byClass  map[string]*wcf.Service // lower-case class name → service, for /rest/{Class}
	byType   map[string]*wcf.Service // full type name → service, for .svc files and AnonymousRoutes
	sessions *sessionStore
}

// New builds a host, refusing a flavor it does not know or a service contract WCF would refuse.
func New(c Config) (*Host, error) {
	if _, err := profile.ParseFlavor(string(c.Flavor)); err != nil {
		return nil, err
	}
	h := &Host{flavor: c.Flavor, users: c.Users, faults: c.Faults, site: c.Site,
		byClass: map[string]*wcf.Service{}, byType: map[string]*wcf.Service{}}
	if h.site == nil {
		h.site = site.Default(site.Flavor(c.Flavor))
	}
	if string(h.site.Flavor) != string(c.Flavor) {
		return nil, fmt.Errorf("the site is a %s site, the host is %s", h.site.Flavor, c.Flavor)
	}
	if err := refuseCustomEncodings(h.site); err != nil {
		return nil, err
	}
	h.prof = withSite(c.Profile, c.Flavor, h.site)
	if h.users == nil {
		h.users = map[string]string{"Supervisor": "Supervisor"}
	}
	if h.faults == nil {
		h.faults = faults.Set{}
	}
	set := c.Services
	if set == nil {
		set = services.Default()
		if c.Flavor == profile.NetFx {
			set = append(set, services.Encoding()...) // custom encodings are netfx only (F11)
		}
	}
	for _, s := range set {
		if err := s.Validate(); err != nil {
			return nil, err
		}
		h.byClass[strings.ToLower(s.Class)] = s
		h.byType[s.FullName()] = s
	}
	now := c.Now
	if now == nil {
		now = time.Now
	}
	h.sessions = newSessionStore(h.prof.MaxSessions, h.prof.SessionTimeout, now)
	return h, nil
}

// Flavor is the flavor the host imitates.
func (h *Host) Flavor() profile.Flavor { return h.flavor }

// EndSession ends the one login whose .ASPXAUTH value is token, as its idle timeout would, so a
// scenario can expire its own session without ending those of scenarios running beside it.
func (h *Host) EndSession(token string) { h.sessions.remove(token) }

// ServeHTTP routes a request the way the flavor's hosting does (creatio-wire.md §1).
func (h *Host) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, h.prof.MaxBodyBytes)
	p := r.URL.EscapedPath() // operations match UriTemplates on the escaped path
	switch {
	case h.is(p, "/ServiceModel/AuthService.svc/Login"):
		h.login(w, r)
	case h.is(p, h.flavor.LoginPage()):
		loginPage(w, h.flavor)
	case h.flavor == profile.NetFx && h.is(p, "/0/ServiceModel/AuthService.svc/Login"):
		h.unauthorized(w, r, routeSvc) // F01: the workspace app has no AuthService.svc
	default:
		rest, ok := h.workspacePath(p)
		if !ok {
			notFound(w, h.misroutedStatus(p))
			return
		}
		h.workspace(w, r, rest)
	}
}

// workspacePath strips the flavor's workspace alias (/0 on netfx), reporting false when the path is
// outside the workspace application.
func (h *Host) workspacePath(p string) (string, bool) {
	prefix := h.flavor.WorkspacePrefix()
	if prefix == "" {
		if h.hasPrefix(p, "/0/") {
			return "", false
		}
		return p, true
	}
	if !h.hasPrefix(p, prefix+"/") {
		return "", false
	}
	return p[len(prefix):], true
}

// misroutedStatus answers a workspace route requested in the other flavor's layout (F20; §10 rows 8–9).
func (h *Host) misroutedStatus(p string) int {
	if h.flavor == profile.NetFx && h.prof.RootRouteStatus != 0 {
		return h.prof.RootRouteStatus
	}
	if h.flavor == profile.Net && h.prof.AliasRouteStatus != 0 {
		return h.prof.AliasRouteStatus
	}
	return http.StatusNotFound
}

// is compares a path with a route, ignoring case when the profile says routes do (§10 row 10).
func (h *Host) is(p, route string) bool {
	if h.prof.CaseInsensitiveRoutes {
		return strings.EqualFold(p, route)
	}
	return p == route
}

func (h *Host) hasPrefix(p, prefix string) bool {
	return len(p) >= len(prefix) && h.is(p[:len(prefix)], prefix)
}

// withSite applies the site's settings to the profile: CSRF switch and exemptions come from the
// config files (UseCsrfToken, DisableCsrfTokenValidationForPaths), as on a real deployment.
func withSite(p *profile.Profile, f profile.Flavor, s *site.Site) *profile.Profile {
	out := profile.Default(f)
	if p != nil {
		cp := *p
		out = &cp
	}
	csrf := s.CSRF()
	out.CSRFEnabled = out.CSRFEnabled && csrf.Enabled
	out.CSRFExemptPaths = csrf.ExemptPaths
	return out
}
