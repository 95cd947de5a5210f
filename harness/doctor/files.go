package doctor

import (
	"regexp"

	"github.com/svccheck/svccheck/reference/site"
)

// Site-file rule IDs.
const (
	// SiteMissingFile: a file Creatio needs is absent.
	SiteMissingFile = "DOC-SITE-001"
	// SiteActiveFolder: Web.config does not say which ServiceModel folder is live.
	SiteActiveFolder = "DOC-SITE-002"
)

var _ = register(
	Rule{SiteMissingFile, SeverityError, "site file missing"},
	Rule{SiteActiveFolder, SeverityWarning, "active ServiceModel folder not recognisable"},
)

func checkNetfxFiles(n *site.Netfx) []Finding {
	var out []Finding
	files := []site.ConfigFile{n.WebConfig.File}
	for _, name := range site.FolderNames {
		f := n.Folders[name]
		files = append(files, f.ServicesFile, f.BindingsFile, f.BehaviorsFile)
	}
	for _, cf := range files {
		out = append(out, missing(cf)...)
	}
	if !n.WebConfig.File.Present {
		return out
	}
	if src := n.WebConfig.ServicesSource; !src.Present || !servicesSourceRe.MatchString(src.Value) {
		at := src.Pos
		if at.File == "" {
			at = site.Pos{File: site.WebConfigPath, Line: n.WebConfig.File.Line}
		}
		out = append(out, finding(SiteActiveFolder, at, "system.serviceModel/services",
			"system.serviceModel has no <services configSource=\"ServiceModel\\http\\services.config\"/> (or the https one); svccheck assumes the http folder is live",
			`Point <services configSource> (and bindings, behaviors) at ServiceModel\http\… or ServiceModel\https\… as Creatio ships it.`))
	}
	return out
}

var servicesSourceRe = regexp.MustCompile(`(?i)^\s*ServiceModel[\\/]https?[\\/]services\.config\s*$`)

func checkNetFiles(n *site.Net) []Finding { return missing(n.AppSettingsFile) }

func missing(cf site.ConfigFile) []Finding {
	if cf.Present {
		return nil
	}
	return []Finding{finding(SiteMissingFile, site.Pos{File: cf.Path}, cf.Path,
		cf.Path+" is missing", "Restore "+cf.Path+" from the Creatio distribution, then re-apply your registrations (an update may have replaced the files).")}
}
