// Package site reads a Creatio site directory laid out as Creatio installs it and answers the one
// question the reference host needs: is /ServiceModel/X.svc anonymous on this site, and if not, what
// does Creatio answer instead?
//
// A netfx site is read from Terrasoft.WebApp/ (Web.config, ServiceModel/*.svc and the http and https
// ServiceModel folders); a net site from Terrasoft.WebHost/ (appsettings.json and
// Terrasoft.WebHost.dll.config). The rules follow creatio-wire.md §5.2 and §6; every rule that the
// sources leave unconfirmed names its row in creatio-wire.md §10.
//
// The package keeps every parsed element with its file and line, so that static checks (harness/doctor)
// can point at the exact place to fix. It must not import anything under harness/.
package site
