// Package runnertest runs the bundled specs against reference hosts for tests, the way httptest
// serves handlers: one call instead of a page of configuration in every test that needs a real run.
package runnertest

import (
	"context"
	"testing"
	"time"

	"github.com/svccheck/svccheck/harness/checks"
	"github.com/svccheck/svccheck/harness/redact"
	"github.com/svccheck/svccheck/harness/report"
	"github.com/svccheck/svccheck/harness/runner"
	"github.com/svccheck/svccheck/harness/session"
	"github.com/svccheck/svccheck/harness/spec"
	"github.com/svccheck/svccheck/harness/target"
	"github.com/svccheck/svccheck/harness/wire"
	"github.com/svccheck/svccheck/reference/host"
	"github.com/svccheck/svccheck/specs"
)

// Identity is the account of every reference host the tests start.
var Identity = session.Identity{User: "Supervisor", Password: "Supervisor"}

// Config is a run of every check of the bundled specs against tg as Identity.
func Config(tb testing.TB, tg target.Target) runner.Config {
	tb.Helper()
	all, err := spec.LoadFS(specs.FS, "specs")
	if err != nil {
		tb.Fatal(err)
	}
	return runner.Config{Targets: []target.Target{tg}, Embedded: true, Specs: all, Checks: checks.All(),
		Identity: Identity, Parallel: 4, Client: wire.New(5*time.Second, wire.DefaultMaxBody), Redactor: redact.New(Identity.User)}
}

// Run runs cfg and fails the test on a run error.
func Run(tb testing.TB, cfg runner.Config) *report.Report {
	tb.Helper()
	rep, err := runner.Run(context.Background(), cfg)
	if err != nil {
		tb.Fatal(err)
	}
	return rep
}

// Host starts a reference host with hc, runs the bundled specs against it and stops it.
func Host(tb testing.TB, hc host.Config) *report.Report {
	tb.Helper()
	tg, stop, err := runner.StartHost(hc)
	if err != nil {
		tb.Fatal(err)
	}
	defer stop()
	return Run(tb, Config(tb, tg))
}

// Verdict finds the verdict and reason of one check on one operation ("missing" when it did not run).
func Verdict(rep *report.Report, check, op string) (string, string) {
	for _, r := range rep.Results {
		if r.Check == check && r.Operation == op {
			return r.Verdict, r.Reason
		}
	}
	return "missing", ""
}
