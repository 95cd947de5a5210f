// Package doctor runs static checks over a Creatio site directory: is every anonymous service
// registered in every place Creatio needs, do endpoints resolve their bindings and behaviours, are
// encodings real, is CSRF protection on. Each check has a stable ID documented in docs/checks.md;
// every finding names a file and line relative to the site directory and says how to fix it.
package doctor

import (
	"fmt"
	"sort"

	"github.com/svccheck/svccheck/reference/site"
)

// Severity orders findings for gates: errors fail a run, warnings are reported, infos explain.
type Severity string

// Severities, as in the run reports.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
)

// Finding is one problem found in a site. File is relative to the site directory with forward
// slashes; Line is 1-based, 0 when the whole file is meant (for instance, it is missing).
type Finding struct {
	ID       string
	Severity Severity
	File     string
	Line     int
	Message  string
	Fix      string
	// Subject is what the finding is about: a .svc name, a service type, a setting.
	Subject string
}

func (f Finding) String() string {
	return fmt.Sprintf("%s:%d: %s %s: %s", f.File, f.Line, f.Severity, f.ID, f.Message)
}

// Rule describes one check ID; Rules lists them all so reports and docs can show titles.
type Rule struct {
	ID       string
	Severity Severity
	Title    string
}

var rules = map[string]Rule{}

func register(rs ...Rule) bool {
	for _, r := range rs {
		rules[r.ID] = r
	}
	return true
}

// Rules returns every check rule sorted by ID.
func Rules() []Rule {
	out := make([]Rule, 0, len(rules))
	for _, r := range rules {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// finding builds a Finding with the rule's severity at a position.
func finding(id string, at site.Pos, subject, msg, fix string) Finding {
	return Finding{ID: id, Severity: rules[id].Severity, File: at.File, Line: at.Line, Message: msg, Fix: fix, Subject: subject}
}

// Check loads the site in dir (flavor "" auto-detects) and runs every check family of its flavor.
// The error is only for unreadable or malformed input ("file:line: what was expected"); findings
// come sorted by file, line and ID.
func Check(dir string, flavor site.Flavor) ([]Finding, error) {
	s, err := site.Load(dir, flavor)
	if err != nil {
		return nil, err
	}
	return CheckSite(s), nil
}

// CheckSite runs the checks on an already loaded site (the host's default site, for instance).
func CheckSite(s *site.Site) []Finding {
	var out []Finding
	if s.Flavor == site.FlavorNet {
		out = append(out, checkNetFiles(s.Net)...)
		out = append(out, checkNetRoutes(s.Net)...)
		out = append(out, checkNetEncodings(s.Net)...)
	} else {
		out = append(out, checkNetfxFiles(s.Netfx)...)
		out = append(out, checkAnonymous(s)...)
		out = append(out, checkWCF(s)...)
		out = append(out, checkNetfxEncodings(s.Netfx)...)
	}
	out = append(out, checkCSRF(s)...)
	Sort(out)
	return out
}

// Sort orders findings by file, line, ID and subject — stable output for goldens and diffs.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		return a.Subject < b.Subject
	})
}
