package doctor

import (
	"fmt"

	"github.com/svccheck/svccheck/reference/site"
)

// Update-comparison rule IDs (field case F12): what an update removed or changed. Findings point
// into the AFTER site.
const (
	// CmpLostAnonymous: a service anonymous before is no longer anonymous.
	CmpLostAnonymous = "DOC-CMP-001"
	// CmpEndpointChanged: an anonymous endpoint's body limit or encoding changed.
	CmpEndpointChanged = "DOC-CMP-002"
	// CmpServiceRemoved: a services.config entry disappeared.
	CmpServiceRemoved = "DOC-CMP-003"
	// CmpCSRFChanged: UseCsrfToken or the exemption list changed.
	CmpCSRFChanged = "DOC-CMP-004"
	// CmpRestLimitChanged: the /rest body limit changed.
	CmpRestLimitChanged = "DOC-CMP-005"
)

var _ = register(
	Rule{CmpLostAnonymous, SeverityError, "update made an anonymous service demand a session or fail"},
	Rule{CmpEndpointChanged, SeverityError, "update changed an anonymous endpoint's limit or encoding"},
	Rule{CmpServiceRemoved, SeverityError, "update removed a services.config entry"},
	Rule{CmpCSRFChanged, SeverityError, "update changed the CSRF settings"},
	Rule{CmpRestLimitChanged, SeverityError, "update changed the /rest body limit"},
)

// Compare loads the site before and after an update and reports, as error findings in the AFTER
// site, everything the update removed or changed. An empty flavor detects each site separately.
func Compare(before, after string, flavor site.Flavor) ([]Finding, error) {
	b, err := site.Load(before, flavor)
	if err != nil {
		return nil, err
	}
	a, err := site.Load(after, flavor)
	if err != nil {
		return nil, err
	}
	if a.Flavor != b.Flavor {
		return nil, fmt.Errorf("cannot compare a %s site with a %s site", b.Flavor, a.Flavor)
	}
	return CompareSites(b, a), nil
}

// CompareSites is Compare on loaded sites.
func CompareSites(b, a *site.Site) []Finding {
	out, lost := compareAnonymous(b, a)
	if b.Flavor == site.FlavorNetfx {
		out = append(out, compareServices(b.Netfx, a.Netfx, lost)...)
	}
	out = append(out, compareCSRF(b, a)...)
	if bl, al := b.RestMaxReceivedMessageSize(), a.RestMaxReceivedMessageSize(); bl != al {
		at := site.Pos{File: site.AppSettingsPath}
		if a.Flavor == site.FlavorNetfx {
			f := a.Netfx.Folders[a.Netfx.ActiveFolder()]
			at = site.Pos{File: f.BindingsFile.Path, Line: f.BindingsFile.Line}
			if d := f.Binding("webHttpBinding", ""); d != nil {
				at = d.Pos
			}
		}
		out = append(out, finding(CmpRestLimitChanged, at, "webHttpBinding",
			fmt.Sprintf("the /rest body limit changed from %d to %d bytes", bl, al),
			"Restore maxReceivedMessageSize on the nameless <webHttpBinding> binding, or accept the new limit knowingly."))
	}
	Sort(out)
	return out
}

// compareAnonymous re-resolves every service anonymous before against the after site, keeping the
// type it had (a changed type is a change). It returns the types it reported.
func compareAnonymous(b, a *site.Site) ([]Finding, map[string]bool) {
	var out []Finding
	lost := map[string]bool{}
	for _, name := range b.AnonymousNames() {
		eb := b.Anonymous(name)
		if eb.Access != site.AccessAnonymous {
			continue
		}
		ea := a.AnonymousFor(eb.ServiceType, name)
		if ea.Access != site.AccessAnonymous {
			lost[eb.ServiceType] = true
			out = append(out, finding(CmpLostAnonymous, orFile(ea.At, a), name,
				fmt.Sprintf("ServiceModel/%s.svc was anonymous before the update; now %s: %s", name, ea.Access, ea.Reason),
				"Re-apply the anonymous registration (run svccheck doctor on the new site for each missing place)."))
			continue
		}
		if eb.MaxReceivedMessageSize != ea.MaxReceivedMessageSize || eb.Encoding != ea.Encoding {
			out = append(out, finding(CmpEndpointChanged, ea.Declared, name,
				fmt.Sprintf("ServiceModel/%s.svc changed: body limit %d → %d bytes, encoding %q → %q", name, eb.MaxReceivedMessageSize, ea.MaxReceivedMessageSize, eb.Encoding, ea.Encoding),
				"Restore the endpoint's bindingConfiguration and its binding in bindings.config (http and https)."))
		}
	}
	return out, lost
}

func orFile(p site.Pos, s *site.Site) site.Pos {
	if p.File != "" {
		return p
	}
	if s.Flavor == site.FlavorNet {
		return site.Pos{File: site.AppSettingsPath}
	}
	return site.Pos{File: site.WebConfigPath}
}

func compareServices(b, a *site.Netfx, lost map[string]bool) []Finding {
	var out []Finding
	for _, name := range site.FolderNames {
		fb, fa := b.Folders[name], a.Folders[name]
		for _, sv := range fb.Services {
			if lost[sv.Name] || fa.Service(sv.Name) != nil {
				continue
			}
			out = append(out, finding(CmpServiceRemoved, site.Pos{File: fa.ServicesFile.Path, Line: fa.ServicesFile.Line}, sv.Name,
				fmt.Sprintf("<service name=%q> was removed by the update", sv.Name),
				fmt.Sprintf("Copy the <service> element back from the old %s.", fb.ServicesFile.Path)))
		}
	}
	return out
}

func compareCSRF(b, a *site.Site) []Finding {
	cb, ca := b.CSRF(), a.CSRF()
	_, file := settingsOf(a)
	at := ca.EnabledAt
	if at.File == "" {
		at = site.Pos{File: file}
	}
	var out []Finding
	if cb.Enabled != ca.Enabled {
		out = append(out, finding(CmpCSRFChanged, at, "UseCsrfToken",
			fmt.Sprintf("UseCsrfToken changed from %t to %t", cb.Enabled, ca.Enabled),
			"Set UseCsrfToken back, or confirm that every client copes with the change."))
	}
	ex := a.CSRF().ExemptPaths
	if st := settingFor(a, "DisableCsrfTokenValidationForPaths"); st.Present {
		at = st.Pos
	}
	for _, d := range diffLists(cb.ExemptPaths, ex) {
		out = append(out, finding(CmpCSRFChanged, at, d,
			"DisableCsrfTokenValidationForPaths changed: "+d,
			"Restore the previous list, or review the change: an added fragment removes CSRF protection, a removed one may break logins."))
	}
	return out
}

func settingFor(s *site.Site, key string) site.Setting {
	get, _ := settingsOf(s)
	return get(key)
}

// diffLists reports fragments added and removed, as "+x" / "-x".
func diffLists(before, after []string) []string {
	in := func(list []string, x string) bool {
		for _, y := range list {
			if y == x {
				return true
			}
		}
		return false
	}
	var out []string
	for _, x := range after {
		if !in(before, x) {
			out = append(out, "+"+x)
		}
	}
	for _, x := range before {
		if !in(after, x) {
			out = append(out, "-"+x)
		}
	}
	return out
}
