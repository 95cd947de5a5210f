package gate

import (
	"fmt"
	"slices"
	"sort"

	"github.com/svccheck/svccheck/harness/report"
)

// Merge joins shard reports into one report, as the unsharded run would have written it: targets and
// specs once each, results in run order (target, spec, line, check), durations the longest shard's,
// and the gate's verdicts combined. Reports made from different specs refuse to merge.
func Merge(reps []*report.Report) (*report.Report, error) {
	if len(reps) == 0 {
		return nil, fmt.Errorf("nothing to merge")
	}
	if err := completeShards(reps); err != nil {
		return nil, err
	}
	out := &report.Report{Tool: reps[0].Tool, Version: reps[0].Version, Started: reps[0].Started, Catalogue: reps[0].Catalogue}
	targets, specs := map[string]int{}, map[string]int{}
	for _, r := range reps {
		if err := mergeHeader(out, r, targets, specs); err != nil {
			return nil, err
		}
		out.Results = append(out.Results, r.Results...)
		out.Interrupted = out.Interrupted || r.Interrupted
		out.DurationMS = max(out.DurationMS, r.DurationMS)
		if r.Started.Before(out.Started) {
			out.Started = r.Started
		}
		out.Gate = mergeGate(out.Gate, r.Gate)
	}
	sort.SliceStable(out.Results, func(i, j int) bool { return before(out.Results[i], out.Results[j], targets, specs) })
	if out.Gate != nil {
		out.Gate.Pass = out.Gate.Blocking == 0 && len(out.Gate.Expired) == 0
	}
	out.Tally()
	return out, nil
}

func mergeHeader(out, r *report.Report, targets, specs map[string]int) error {
	if r.Catalogue != out.Catalogue {
		return fmt.Errorf("reports from different check catalogues (%s, %s) cannot be merged", out.Catalogue, r.Catalogue)
	}
	for _, t := range r.Targets {
		if _, ok := targets[t.Label]; !ok {
			targets[t.Label] = len(out.Targets)
			out.Targets = append(out.Targets, t)
		}
	}
	for _, s := range r.Specs {
		i, ok := specs[s.File]
		if !ok {
			specs[s.File] = len(out.Specs)
			out.Specs = append(out.Specs, s)
		} else if out.Specs[i].SHA256 != s.SHA256 {
			return fmt.Errorf("spec %s differs between the reports (sha256 %s, %s): shards must test the same specs", s.File, out.Specs[i].SHA256, s.SHA256)
		}
	}
	return nil
}

func mergeGate(acc, g *report.Gate) *report.Gate {
	if g == nil {
		return acc
	}
	if acc == nil {
		c := *g
		c.Expired = append([]string(nil), g.Expired...)
		return &c
	}
	acc.Blocking += g.Blocking
	for _, e := range g.Expired {
		if !slices.Contains(acc.Expired, e) {
			acc.Expired = append(acc.Expired, e)
		}
	}
	return acc
}

// before orders results as a run makes them: target, spec, operation line, operation, check.
func before(a, b report.Result, targets, specs map[string]int) bool {
	switch {
	case targets[a.Target] != targets[b.Target]:
		return targets[a.Target] < targets[b.Target]
	case specs[a.Spec] != specs[b.Spec]:
		return specs[a.Spec] < specs[b.Spec]
	case a.Line != b.Line:
		return a.Line < b.Line
	case a.Operation != b.Operation:
		return a.Operation < b.Operation
	}
	return a.Check < b.Check
}

// completeShards refuses a set of reports that is not exactly the shards 1..n of one run — a
// missing shard (a CI job that died before uploading) or one merged twice would make the merged
// report pass or count wrongly. Unsharded reports merge only when their results do not overlap.
func completeShards(reps []*report.Report) error {
	seen := map[int]bool{}
	n := -1
	for _, r := range reps {
		sh, err := ParseShard(r.Shard)
		if err != nil {
			return fmt.Errorf("a report names shard %q: %v", r.Shard, err)
		}
		if n >= 0 && (sh.N == 0) != (n == 0) {
			return fmt.Errorf("sharded and unsharded reports cannot be merged")
		}
		if n > 0 && sh.N != n {
			return fmt.Errorf("shards of different splits (%d and %d parts) cannot be merged", n, sh.N)
		}
		n = sh.N
		if n > 0 && seen[sh.I] {
			return fmt.Errorf("shard %s is given twice", sh)
		}
		seen[sh.I] = true
	}
	for i := 1; i <= n; i++ {
		if !seen[i] {
			return fmt.Errorf("shard %d/%d is missing: merge all %d shards of the run", i, n, n)
		}
	}
	if n == 0 {
		return disjoint(reps)
	}
	return nil
}

// disjoint refuses unsharded reports that hold the same result twice (the same report merged twice).
func disjoint(reps []*report.Report) error {
	seen := map[string]bool{}
	for _, r := range reps {
		for _, res := range r.Results {
			key := res.Target + "\x00" + res.Check + "\x00" + res.Operation
			if seen[key] {
				return fmt.Errorf("two reports both hold %s: merge shards of one run, or reports of different targets or specs", res.Name())
			}
			seen[key] = true
		}
	}
	return nil
}
