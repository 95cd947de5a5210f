package doctor

import (
	"time"

	"github.com/svccheck/svccheck/harness/report"
)

// Report turns findings into a run report, so doctor shares run's formats, exit codes and gates.
// Each finding is a result (errors fail, warnings warn); each rule with no finding is one pass, so
// the closing "N passed, N failed" line counts what was checked. label names the site (its
// directory, or "BEFORE → AFTER" for a comparison); rules are the rules that were applied.
func Report(label, flavor string, findings []Finding, rules []Rule, started time.Time, version string) *report.Report {
	rep := &report.Report{Tool: "svccheck doctor", Version: version, Started: started.UTC(),
		Targets: []report.Target{{Label: label, URL: label, Flavor: flavor}}}
	hit := map[string]bool{}
	for _, f := range findings {
		hit[f.ID] = true
		verdict := "fail"
		if f.Severity != SeverityError {
			verdict = "warn"
		}
		rep.Results = append(rep.Results, report.Result{Check: f.ID, Title: title(f.ID), Severity: string(f.Severity),
			Target: label, Operation: f.Subject, Spec: f.File, Line: f.Line, Verdict: verdict, Reason: f.Message, Fix: f.Fix})
	}
	for _, r := range rules {
		if !hit[r.ID] {
			rep.Results = append(rep.Results, report.Result{Check: r.ID, Title: r.Title, Severity: string(r.Severity),
				Target: label, Operation: "site", Verdict: "pass", Reason: "no finding"})
		}
	}
	rep.DurationMS = time.Since(started).Milliseconds()
	rep.Tally()
	return rep
}

// CheckRules are the rules Check applies; CompareRules those Compare applies.
func CheckRules() []Rule   { return rulesWhere(func(id string) bool { return !isCompareRule(id) }) }
func CompareRules() []Rule { return rulesWhere(isCompareRule) }

func isCompareRule(id string) bool { return len(id) > 8 && id[:8] == "DOC-CMP-" }

func rulesWhere(keep func(string) bool) []Rule {
	var out []Rule
	for _, r := range Rules() {
		if keep(r.ID) {
			out = append(out, r)
		}
	}
	return out
}

func title(id string) string { return rules[id].Title }
