// Package runner runs every applicable check on every operation of every target, concurrently, and
// collects the results into a report. It keeps what was measured when interrupted, and tells an
// unreachable target apart from a failing one.
package runner

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/svccheck/svccheck/harness/checks"
	"github.com/svccheck/svccheck/harness/redact"
	"github.com/svccheck/svccheck/harness/report"
	"github.com/svccheck/svccheck/harness/session"
	"github.com/svccheck/svccheck/harness/spec"
	"github.com/svccheck/svccheck/harness/target"
	"github.com/svccheck/svccheck/harness/wire"
)

// Config is one run.
type Config struct {
	Targets []target.Target
	// Embedded marks targets that are in-process reference hosts (for the report header).
	Embedded bool
	Specs    []*spec.Spec
	Checks   []checks.Check
	Identity session.Identity
	// Parallel is the number of concurrent workers (at least 1).
	Parallel int
	Client   *wire.Client
	Redactor *redact.Redactor
	// Progress, when set, sees each result as it is made (calls are serialised).
	Progress func(report.Result)
	Version  string
}

// UnreachableError says a target did not answer at all; the CLI exits 2 on it.
type UnreachableError struct {
	Target string
	Err    error
}

func (e *UnreachableError) Error() string {
	return fmt.Sprintf("target %s is unreachable: %v", e.Target, e.Err)
}

func (e *UnreachableError) Unwrap() error { return e.Err }

// job is one check on one operation of one target.
type job struct {
	env   *checks.Env
	op    *spec.Operation
	check checks.Check
}

// Run executes the run. On cancellation it returns the results finished so far, marked Interrupted.
func Run(ctx context.Context, cfg Config) (*report.Report, error) {
	rep := &report.Report{Tool: "svccheck", Version: cfg.Version, Started: time.Now().UTC()}
	defer cfg.Client.CloseIdle() // pooled (and speculatively dialled) connections end with the run
	for _, s := range cfg.Specs {
		rep.Specs = append(rep.Specs, report.Spec{File: s.File, SHA256: s.SHA256})
	}
	var jobs []job
	for _, t := range cfg.Targets {
		rep.Targets = append(rep.Targets, report.Target{Label: t.Label, URL: t.Base, Flavor: string(t.Flavor), Embedded: cfg.Embedded})
		if err := reachable(ctx, cfg.Client, t); err != nil {
			return rep, err
		}
		env := &checks.Env{Client: cfg.Client, Target: t, Identity: cfg.Identity,
			Sessions: session.NewPool(cfg.Client, t, cfg.Redactor)}
		jobs = append(jobs, plan(env, cfg.Specs, cfg.Checks)...)
	}
	rep.Results = execute(ctx, cfg, jobs)
	rep.Interrupted = ctx.Err() != nil
	rep.DurationMS = time.Since(rep.Started).Milliseconds()
	rep.Tally()
	return rep, nil
}

// reachable sends one request to the site root: any HTTP answer will do.
func reachable(ctx context.Context, c *wire.Client, t target.Target) error {
	ex, err := c.Do(ctx, "GET", t.Base+"/", nil, nil, nil)
	if wire.NoAnswer(ex, err) {
		return &UnreachableError{Target: t.Label, Err: err} // no status line at all; a slow body still answered
	}
	return nil
}

// plan lists the jobs of one target in report order: spec, operation, check.
func plan(env *checks.Env, specs []*spec.Spec, cs []checks.Check) []job {
	var out []job
	for _, s := range specs {
		for _, op := range s.Operations {
			for _, c := range cs {
				if c.AppliesOn(op, env.Target.Flavor) {
					out = append(out, job{env: env, op: op, check: c})
				}
			}
		}
	}
	return out
}

// execute runs jobs on cfg.Parallel workers; results keep the jobs' order. Jobs not started before
// ctx ends are left out, so a partial report holds only real measurements.
func execute(ctx context.Context, cfg Config, jobs []job) []report.Result {
	results := make([]*report.Result, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	var progress sync.Mutex
	for w := 0; w < max(cfg.Parallel, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				res := runJob(ctx, cfg.Redactor, jobs[i])
				if res.Verdict == string(checks.Error) && ctx.Err() != nil {
					continue // cut short by the interrupt: not a measurement of the target
				}
				results[i] = &res
				if cfg.Progress != nil {
					progress.Lock()
					cfg.Progress(res)
					progress.Unlock()
				}
			}
		}()
	}
feed:
	for i := range jobs {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	var out []report.Result
	for _, r := range results {
		if r != nil {
			out = append(out, *r)
		}
	}
	return out
}
