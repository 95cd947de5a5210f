package doctor

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/svccheck/svccheck/reference/site"
)

// net AnonymousRoutes rule IDs (field case F13).
const (
	// NetShortKey: the key is not a namespace-qualified type name.
	NetShortKey = "DOC-NET-001"
	// NetNoLeadingSlash: the path lacks its leading slash.
	NetNoLeadingSlash = "DOC-NET-002"
	// NetZeroPrefix: the path carries netfx's /0 alias.
	NetZeroPrefix = "DOC-NET-003"
	// NetBadPath: the path is not /ServiceModel/{Name}.svc, or the value is not a list.
	NetBadPath = "DOC-NET-004"
	// NetCaseMismatch: the .svc name differs from the class name only in case.
	NetCaseMismatch = "DOC-NET-005"
	// NetOtherSection: AnonymousRoutes sits in a section this host version does not read.
	NetOtherSection = "DOC-NET-006"
)

var _ = register(
	Rule{NetShortKey, SeverityError, "AnonymousRoutes key is not a full type name"},
	Rule{NetNoLeadingSlash, SeverityError, "AnonymousRoutes path lacks the leading slash"},
	Rule{NetZeroPrefix, SeverityError, "AnonymousRoutes path has the netfx /0 prefix"},
	Rule{NetBadPath, SeverityError, "AnonymousRoutes path is not /ServiceModel/{Name}.svc"},
	Rule{NetCaseMismatch, SeverityWarning, "AnonymousRoutes .svc name differs from the class name in case"},
	Rule{NetOtherSection, SeverityWarning, "AnonymousRoutes in an unread section"},
)

var netPathRe = regexp.MustCompile(`^/ServiceModel/[^/]+\.svc$`)

func checkNetRoutes(n *site.Net) []Finding {
	var out []Finding
	for _, e := range n.Elsewhere {
		out = append(out, finding(NetOtherSection, e.Pos, e.Key,
			fmt.Sprintf("AnonymousRoutes under %q is not read; this site's routes are read from %q (creatio-wire.md §10 row 21)", e.Key, n.Section),
			fmt.Sprintf("Move the entries under \"%s\": { \"AnonymousRoutes\": { … } }, or set the host's anon.net_section profile setting.", n.Section)))
	}
	if n.NotObject.File != "" {
		out = append(out, finding(NetBadPath, n.NotObject, "AnonymousRoutes",
			"AnonymousRoutes is not a JSON object: .NET binds no routes from it, so every anonymous service demands a session (F13)",
			`Write it as an object of full type names to path arrays: "AnonymousRoutes": { "Ns.Class": [ "/ServiceModel/Class.svc" ] }.`))
	}
	for _, r := range n.Routes {
		out = append(out, checkRouteKey(r)...)
		for _, p := range r.Paths {
			out = append(out, checkRoutePath(r, p)...)
		}
	}
	return out
}

func checkRouteKey(r site.AnonRoute) []Finding {
	var out []Finding
	if !site.IsFullTypeName(r.Key) {
		out = append(out, finding(NetShortKey, r.Pos, r.Key,
			fmt.Sprintf("key %q is not a full type name: the route stays cookie-protected (302/401)", r.Key),
			"Use the namespace-qualified class name, e.g. \"Terrasoft.Configuration.UsrAnonNs."+r.Key+"\"."))
	}
	if r.NotList {
		out = append(out, finding(NetBadPath, r.Pos, r.Key,
			fmt.Sprintf("value of %q is not a JSON array: .NET binds no paths from it", r.Key),
			`Write the paths as an array: [ "/ServiceModel/UsrAnonService.svc" ].`))
	}
	return out
}

func checkRoutePath(r site.AnonRoute, rp site.RoutePath) []Finding {
	var out []Finding
	p := strings.TrimSpace(rp.Path)
	if low := strings.ToLower(p); strings.HasPrefix(low, "/0/") || strings.HasPrefix(low, "0/") {
		out = append(out, finding(NetZeroPrefix, rp.Pos, rp.Path,
			fmt.Sprintf("path %q carries the netfx /0 alias; net has no /0 and never matches it", rp.Path),
			"Drop the /0: \"/ServiceModel/"+site.SvcNameOf(p)+".svc\"."))
		p = p[strings.Index(p, "0/")+1:]
	} else if !strings.HasPrefix(p, "/") {
		out = append(out, finding(NetNoLeadingSlash, rp.Pos, rp.Path,
			fmt.Sprintf("path %q has no leading slash and never matches a request path", rp.Path),
			"Write it as \"/"+p+"\"."))
		p = "/" + p
	}
	if !netPathRe.MatchString(p) {
		out = append(out, finding(NetBadPath, rp.Pos, rp.Path,
			fmt.Sprintf("path %q is not of the form /ServiceModel/{Name}.svc (no method, no query)", rp.Path),
			`List the service path only, e.g. "/ServiceModel/UsrAnonService.svc".`))
		return out
	}
	svc, class := site.SvcNameOf(p), r.Key[strings.LastIndex(r.Key, ".")+1:]
	if svc != class && strings.EqualFold(svc, class) {
		out = append(out, finding(NetCaseMismatch, rp.Pos, rp.Path,
			fmt.Sprintf("%s.svc differs from the class name %s only in case; whether net matches paths case-insensitively is unconfirmed (creatio-wire.md §10 row 22)", svc, class),
			fmt.Sprintf("Write \"/ServiceModel/%s.svc\" with the class name's exact case.", class)))
	}
	return out
}
