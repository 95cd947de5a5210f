package doctor

import (
	"fmt"

	"github.com/svccheck/svccheck/reference/site"
)

// Anonymous-registration rule IDs (netfx; field cases F12, F14).
const (
	// AnonNoSvc: the anonymous service has no ServiceModel/X.svc file — 404.
	AnonNoSvc = "DOC-ANON-001"
	// AnonBadSvc: the .svc file has no ServiceHost directive with a Service type.
	AnonBadSvc = "DOC-ANON-002"
	// AnonNoServiceEntry: a services.config (http or https) has no <service> for the type.
	AnonNoServiceEntry = "DOC-ANON-003"
	// AnonNoLocation: Web.config has no <location path="ServiceModel/X.svc">.
	AnonNoLocation = "DOC-ANON-004"
	// AnonLocationDenies: the <location> does not allow anonymous users.
	AnonLocationDenies = "DOC-ANON-005"
	// AnonNotAllowed: AllowedLocations does not list ServiceModel/X.svc.
	AnonNotAllowed = "DOC-ANON-006"
)

var _ = register(
	Rule{AnonNoSvc, SeverityError, "anonymous service has no .svc file"},
	Rule{AnonBadSvc, SeverityError, ".svc file names no service type"},
	Rule{AnonNoServiceEntry, SeverityError, "anonymous service missing from services.config"},
	Rule{AnonNoLocation, SeverityError, "anonymous service has no Web.config location"},
	Rule{AnonLocationDenies, SeverityError, "Web.config location does not allow anonymous users"},
	Rule{AnonNotAllowed, SeverityError, "anonymous service missing from AllowedLocations"},
)

// checkAnonymous verifies, for every service the site means to make anonymous, each place Creatio
// needs: .svc ↔ services.config (http and https) ↔ Web.config location ↔ AllowedLocations.
func checkAnonymous(s *site.Site) []Finding {
	var out []Finding
	for _, name := range s.AnonymousNames() {
		out = append(out, checkAnonSvc(s.Netfx, name)...)
		out = append(out, checkAnonWebConfig(s.Netfx, name)...)
	}
	return out
}

func checkAnonSvc(n *site.Netfx, name string) []Finding {
	svc := n.Svc(name)
	if svc == nil {
		p := site.ServiceModelPath + "/" + name + ".svc"
		return []Finding{finding(AnonNoSvc, site.Pos{File: p}, name,
			fmt.Sprintf("ServiceModel/%s.svc is allowed anonymously in Web.config but the file does not exist: calls get 404", name),
			fmt.Sprintf(`Create %s containing <%%@ ServiceHost Language="C#" Debug="true" Service="<full type name>" %%>.`, p))}
	}
	if !svc.Valid || svc.Service == "" {
		return []Finding{finding(AnonBadSvc, svc.Pos, name,
			svc.Pos.File+" has no ServiceHost directive with a Service attribute: WCF cannot activate it (500)",
			`Make the file a single line <%@ ServiceHost Language="C#" Debug="true" Service="<full type name>" %> without a Factory attribute.`)}
	}
	var out []Finding
	for _, fname := range site.FolderNames {
		f := n.Folders[fname]
		if !f.ServicesFile.Present || f.Service(svc.Service) != nil {
			continue
		}
		what := "the folder is not live now, so the service disappears when the site switches scheme"
		if fname == n.ActiveFolder() {
			what = "this is the live folder, so calls fail with a WCF activation error (500)"
		}
		out = append(out, finding(AnonNoServiceEntry, site.Pos{File: f.ServicesFile.Path, Line: f.ServicesFile.Line}, svc.Service,
			fmt.Sprintf("no <service name=%q> for ServiceModel/%s.svc; %s", svc.Service, svc.Name, what),
			fmt.Sprintf(`Add <service name=%q><endpoint name="%sEndPoint" address="" binding="webHttpBinding" behaviorConfiguration="RestServiceBehavior" bindingNamespace="http://Terrasoft.WebApp.ServiceModel" contract=%q /></service> to %s (keep http and https in step).`,
				svc.Service, svc.Name, svc.Service, f.ServicesFile.Path)))
	}
	return out
}

func checkAnonWebConfig(n *site.Netfx, name string) []Finding {
	w := &n.WebConfig
	if !w.File.Present {
		return nil
	}
	rel := "ServiceModel/" + name + ".svc"
	var out []Finding
	loc := w.Location(rel)
	switch {
	case loc == nil:
		line := w.LastLocationLine
		if line == 0 {
			line = w.File.Line
		}
		out = append(out, finding(AnonNoLocation, site.Pos{File: site.WebConfigPath, Line: line}, name,
			fmt.Sprintf("no <location path=%q>: forms authentication demands a session (302/401) — typical after an update replaced Web.config", rel),
			fmt.Sprintf(`Add <location path=%q><system.web><authorization><allow users="*" /></authorization></system.web></location> next to the other <location> blocks.`, rel)))
	case !loc.AllowsAnonymous():
		out = append(out, finding(AnonLocationDenies, loc.Pos, name,
			fmt.Sprintf("<location path=%q> does not allow anonymous users: a session is demanded (302/401)", loc.Path),
			`Make <allow users="*" /> the first rule of its system.web/authorization.`))
	}
	if !w.Allows(rel) {
		at := w.Setting("AllowedLocations").Pos
		msg := fmt.Sprintf("AllowedLocations does not list %s: a session is demanded (302/401)", rel)
		if at.File == "" {
			at = site.Pos{File: site.WebConfigPath, Line: w.AppSettingsLine}
			msg = fmt.Sprintf("appSettings has no AllowedLocations key, so %s is not allowed: a session is demanded (302/401)", rel)
		}
		if at.Line == 0 {
			at.Line = w.File.Line
		}
		out = append(out, finding(AnonNotAllowed, at, name, msg,
			fmt.Sprintf("Append ;%s to the semicolon-separated value of <add key=\"AllowedLocations\">.", rel)))
	}
	return out
}
