package main

import (
	"flag"
	"fmt"
	"time"

	"github.com/svccheck/svccheck/harness/checks"
	"github.com/svccheck/svccheck/harness/gate"
	"github.com/svccheck/svccheck/harness/report"
	"github.com/svccheck/svccheck/harness/spec"
)

// gateOptions are run's CI-gate flags (docs/reports.md).
type gateOptions struct {
	baseline, waivers, failOn, shard string
	severities                       listFlag
}

func (g *gateOptions) register(fs *flag.FlagSet) {
	fs.StringVar(&g.baseline, "baseline", "", "baseline file (svccheck baseline write): only findings not in it fail the run")
	fs.StringVar(&g.waivers, "waivers", "", "waivers file (YAML): accepted findings with a reason and an expiry date; an expired waiver fails the run")
	fs.StringVar(&g.failOn, "fail-on", gate.Error, "lowest severity that fails the run: error or warning")
	fs.Var(&g.severities, "severity", "CHECK=error|warning|info: override a check's severity; repeatable")
	fs.StringVar(&g.shard, "shard", "", "i/n: run only the i-th of n deterministic parts of the operations (merge with 'svccheck report merge')")
}

// policy reads the gate's files; any problem is a usage error naming the file (and line).
func (g *gateOptions) policy() (gate.Policy, error) {
	p := gate.Policy{BaselineFile: g.baseline, WaiversFile: g.waivers, Now: time.Now()}
	var err error
	if p.FailOn, err = gate.ParseFailOn(g.failOn); err != nil {
		return p, err
	}
	known := func(id string) bool { _, ok := checks.ByID(id); return ok }
	if p.Severity, err = gate.ParseSeverities(g.severities, known); err != nil {
		return p, err
	}
	if g.baseline != "" {
		if p.Baseline, err = gate.ReadBaseline(g.baseline); err != nil {
			return p, err
		}
	}
	if g.waivers != "" {
		if p.Waivers, err = gate.ReadWaivers(g.waivers); err != nil {
			return p, err
		}
	}
	return p, nil
}

// shardSpecs keeps the operations of one shard; keys are "spec-file operation-ID".
func shardSpecs(specs []*spec.Spec, s gate.Shard) []*spec.Spec {
	if s.N == 0 {
		return specs
	}
	var keys []string
	for _, sp := range specs {
		for _, op := range sp.Operations {
			keys = append(keys, sp.File+" "+op.ID)
		}
	}
	pick := s.Pick(keys)
	out := make([]*spec.Spec, 0, len(specs))
	for _, sp := range specs {
		c := *sp
		c.Operations = nil
		for _, op := range sp.Operations {
			if pick[sp.File+" "+op.ID] {
				c.Operations = append(c.Operations, op)
			}
		}
		out = append(out, &c)
	}
	return out
}

// judge stamps the report's header and applies the gate.
func judge(rep *report.Report, p gate.Policy, s gate.Shard) {
	rep.Catalogue = gate.Catalogue(checks.All())
	rep.Shard = s.String()
	gate.Apply(rep, p)
}

// expiredWaivers says on stderr why an otherwise green run failed.
func expiredWaivers(env *cliEnv, rep *report.Report) {
	if rep.Gate == nil {
		return
	}
	for _, e := range rep.Gate.Expired {
		fmt.Fprintf(env.stderr, "svccheck: %s; renew it with a new date or fix the finding\n", e)
	}
}
