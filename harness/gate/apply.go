package gate

import (
	"fmt"
	"time"

	"github.com/svccheck/svccheck/harness/report"
)

// Policy is what the gate judges findings by.
type Policy struct {
	// FailOn is the lowest severity that fails a run: error (default) or warning.
	FailOn string
	// Severity overrides a check's severity (check ID → error|warning|info).
	Severity map[string]string
	Baseline *Baseline
	// BaselineFile and WaiversFile are named in the report.
	BaselineFile, WaiversFile string
	Waivers                   []Waiver
	Now                       time.Time
}

// Apply stamps fingerprints, applies severity overrides, marks baselined and waived findings and
// records the gate's verdict in rep.Gate; rep.OK() then answers for the whole gate. A failure whose
// severity is below error becomes a warning (as doctor's warnings); an error-severity warning fails.
// Expired waivers suppress nothing and each one fails the run.
func Apply(rep *report.Report, p Policy) {
	if p.FailOn == "" {
		p.FailOn = Error
	}
	Stamp(rep)
	flavors := map[string]string{}
	for _, t := range rep.Targets {
		flavors[t.Label] = t.Flavor
	}
	g := &report.Gate{FailOn: p.FailOn, Baseline: p.BaselineFile, Waivers: p.WaiversFile}
	for i := range rep.Results {
		res := &rep.Results[i]
		applySeverity(res, p.Severity)
		if !IsFinding(*res) {
			continue
		}
		suppress(res, p, flavors[res.Target])
		if res.Suppressed == "" && blocks(res.Severity, p.FailOn) {
			g.Blocking++
		}
	}
	for _, w := range p.Waivers {
		if w.Expired(p.Now) {
			g.Expired = append(g.Expired, fmt.Sprintf("%s: waiver expired on %s (%s)", w.Where(), w.Expires, w.Reason))
		}
	}
	g.Pass = g.Blocking == 0 && len(g.Expired) == 0 && !rep.Interrupted // a partial run proves nothing
	rep.Gate = g
	rep.Tally()
}

// Grade applies the policy's severity overrides to one result, as Apply does; progress lines use it
// so what streams by says what the report will.
func (p Policy) Grade(res *report.Result) { applySeverity(res, p.Severity) }

func applySeverity(res *report.Result, overrides map[string]string) {
	if sev, ok := overrides[res.Check]; ok {
		res.Severity = sev
	}
	switch {
	case res.Verdict == "fail" && res.Severity != Error && res.Severity != "":
		res.Verdict = "warn"
	case res.Verdict == "warn" && res.Severity == Error:
		res.Verdict = "fail"
	}
}

func suppress(res *report.Result, p Policy, flavor string) {
	res.Suppressed, res.Waiver = "", ""
	if p.Baseline != nil && p.Baseline.Has(res.Fingerprint) {
		res.Suppressed = "baseline"
		return
	}
	for _, w := range p.Waivers {
		if !w.Expired(p.Now) && w.Matches(*res, flavor) {
			res.Suppressed, res.Waiver = "waiver", w.Reason+" (until "+w.Expires+")"
			return
		}
	}
}
