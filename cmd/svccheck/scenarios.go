package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/svccheck/svccheck/harness/gate"
	"github.com/svccheck/svccheck/harness/report"
	"github.com/svccheck/svccheck/harness/runner"
	"github.com/svccheck/svccheck/harness/scenario"
	"github.com/svccheck/svccheck/harness/session"
	"github.com/svccheck/svccheck/reference/faults"
)

// lintScenarios refuses a scenario with a typo before anything runs: the author's mistake is a
// usage error (exit 2), not a failure of the target.
func lintScenarios(env *cliEnv, dir string) int {
	if dir == "" {
		return exitOK
	}
	if _, err := scenario.Lint(dir); err != nil {
		var ue *scenario.UsageError
		if errors.As(err, &ue) {
			return usageError(env, "--scenarios: %v", err)
		}
		return usageError(env, "--scenarios %s: %v", dir, err)
	}
	return exitOK
}

// runScenarios runs the scenarios of dir against the run's targets and appends their results to
// rep. Without --target each flavor gets a fresh embedded host of its own (same faults, same
// account), so a scenario that ends its session never disturbs the checks.
func runScenarios(ctx context.Context, env *cliEnv, o *runOptions, cfg runner.Config, rep *report.Report) int {
	if o.scenarios == "" || rep.Interrupted {
		return exitOK
	}
	targets, stop, err := scenarioTargets(o, cfg)
	defer stop()
	if err != nil {
		return usageError(env, "%v", err)
	}
	res, err := scenario.Run(ctx, scenario.Config{Dir: o.scenarios, Targets: targets, Client: cfg.Client,
		Identities: map[string]session.Identity{scenario.DefaultIdentity: cfg.Identity},
		Redactor:   cfg.Redactor, Specs: o.allSpecs, Parallel: o.parallel, Progress: cfg.Progress,
		Pick: scenarioShard(o.scenarios, o.shard)})
	if err != nil {
		return usageError(env, "--scenarios: %v", err)
	}
	rep.Results = append(rep.Results, res...)
	rep.Interrupted = ctx.Err() != nil
	rep.Tally()
	return exitOK
}

func scenarioTargets(o *runOptions, cfg runner.Config) ([]scenario.Target, func(), error) {
	var stops []func()
	stop := func() {
		for _, s := range stops {
			s()
		}
	}
	var out []scenario.Target
	for _, t := range cfg.Targets {
		if !cfg.Embedded {
			out = append(out, scenario.Target{Target: t})
			continue
		}
		fs, _ := faults.Parse(o.faults) // already validated by runConfig
		st, s, err := scenario.StartEmbedded(t.Flavor, fs, map[string]string{cfg.Identity.User: cfg.Identity.Password})
		if err != nil {
			return nil, stop, fmt.Errorf("starting the embedded %s host for scenarios: %v", t.Flavor, err)
		}
		stops = append(stops, s)
		out = append(out, st)
	}
	return out, stop, nil
}

// isScenario tells finish to print a scenario's failure like a check's.
func isScenario(r report.Result) bool { return r.Check == scenario.CheckID }

// scenarioShard deals the scenario files of dir to shards by file name, as operations are dealt by
// key; nil (all files) for an unsharded run.
func scenarioShard(dir string, sh gate.Shard) func(string) bool {
	if sh.N == 0 {
		return nil
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*.txtar"))
	for i := range names {
		names[i] = filepath.Base(names[i])
	}
	picked := sh.Pick(names)
	return func(file string) bool { return picked[file] }
}
