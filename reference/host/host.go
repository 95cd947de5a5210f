// Package host is the reference host: an http.Handler that answers like Creatio's web-service
// hosting in either flavor (creatio-wire.md), with the documented example services and switchable
// seeded faults. Routing, authentication, CSRF and unauthenticated answers each live in their own file.
package host

import (
	"net/http"
	"strings"
	"time"

	"github.com/svccheck/svccheck/reference/faults"
	"github.com/svccheck/svccheck/reference/profile"
	"github.com/svccheck/svccheck/reference/services"
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
	// Services are what the host serves (zero: services.Default()).
	Services *services.Set
	// Now is the clock, injectable so session expiry can be tested.
	Now func() time.Time
}

// Host answers Creatio-style requests. Create it with New; it is safe for concurrent use.
type Host struct {
	flavor   profile.Flavor
	prof     *profile.Profile
	users    map[string]string
	faults   faults.Set
	rest     map[string]*wcf.Service // lower-case class name → service
	svc      map[string]*wcf.Service // lower-case .svc name → anonymous registration
	sessions *sessionStore
}

// New builds a host, refusing a flavor it does not know or a service contract WCF would refuse.
func New(c Config) (*Host, error) {
	if _, err := profile.ParseFlavor(string(c.Flavor)); err != nil {
		return nil, err
	}
	h := &Host{flavor: c.Flavor, prof: c.Profile, users: c.Users, faults: c.Faults,
		rest: map[string]*wcf.Service{}, svc: map[string]*wcf.Service{}}
	if h.prof == nil {
		h.prof = profile.Default(c.Flavor)
	}
	if h.users == nil {
		h.users = map[string]string{"Supervisor": "Supervisor"}
	}
	if h.faults == nil {
		h.faults = faults.Set{}
	}
	set := services.Default()
	if c.Services != nil {
		set = *c.Services
	}
	for _, s := range set.Rest {
		if err := s.Validate(); err != nil {
			return nil, err
		}
		h.rest[strings.ToLower(s.Class)] = s
	}
	for name, s := range set.Svc {
		h.svc[strings.ToLower(name)] = s
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

// ExpireSessions ends every login, as an application-pool recycle or an idle timeout does.
func (h *Host) ExpireSessions() { h.sessions.expireAll() }

// ServeHTTP routes a request the way the flavor's hosting does (creatio-wire.md §1).
func (h *Host) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, h.prof.MaxBodyBytes)
	p := r.URL.Path
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
