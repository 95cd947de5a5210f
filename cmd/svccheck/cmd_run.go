package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/svccheck/svccheck/harness/checks"
	"github.com/svccheck/svccheck/harness/gate"
	"github.com/svccheck/svccheck/harness/redact"
	"github.com/svccheck/svccheck/harness/report"
	"github.com/svccheck/svccheck/harness/runner"
	"github.com/svccheck/svccheck/harness/session"
	"github.com/svccheck/svccheck/harness/spec"
	"github.com/svccheck/svccheck/harness/target"
	"github.com/svccheck/svccheck/harness/wire"
	"github.com/svccheck/svccheck/reference/faults"
	"github.com/svccheck/svccheck/reference/profile"
	"github.com/svccheck/svccheck/specs"
)

// runOptions are run's flags.
type runOptions struct {
	target, flavor, user, passwordEnv, out, formats string
	progress                                        string
	specs, faults, checks, skip                     listFlag
	parallel                                        int
	scenarios                                       string
	timeout                                         time.Duration
	gate                                            gateOptions
	policy                                          gate.Policy
	allSpecs                                        []*spec.Spec
	shard                                           gate.Shard
}

func runCommand() command {
	return command{name: "run", args: "[--target URL --flavor netfx|net] [flags]",
		summary: "Run the conformance checks of the specs against a deployment, or against the embedded reference host in both flavors.",
		flags: func(fs *flag.FlagSet) func(context.Context, *cliEnv) int {
			o := &runOptions{}
			fs.StringVar(&o.target, "target", "", "site root of the deployment under test, e.g. https://mycreatio.example (default: the embedded reference host)")
			fs.StringVar(&o.flavor, "flavor", "", "netfx, net or auto (default: auto with --target, both flavors without)")
			fs.StringVar(&o.user, "user", "Supervisor", "user name to log in as")
			fs.StringVar(&o.passwordEnv, "password-env", "SVCCHECK_PASSWORD", "environment variable holding the password (unset: the fresh-Creatio default)")
			fs.Var(&o.specs, "spec", "OpenAPI file or directory; repeatable (default: the bundled specs/)")
			fs.StringVar(&o.out, "out", "reports/latest", "directory for the reports")
			fs.StringVar(&o.formats, "format", strings.Join(report.DefaultFormats, ","), "report formats, comma-separated: "+strings.Join(report.KnownFormats, ", ")+" (github: annotations on stdout)")
			fs.IntVar(&o.parallel, "parallel", 4, "concurrent checks; all share one login per identity")
			fs.DurationVar(&o.timeout, "timeout", wire.DefaultTimeout, "timeout of one HTTP request")
			fs.Var(&o.faults, "fault", "seed a fault in the embedded host (see 'svccheck faults'); repeatable; not with --target")
			fs.Var(&o.checks, "check", "run only this check ID (see 'svccheck checks'); repeatable")
			fs.Var(&o.skip, "skip", "do not run this check ID, e.g. auth-login where wrong-password attempts could lock the account; repeatable")
			fs.StringVar(&o.progress, "progress", "plain", "per-result progress on stderr: plain (one line each) or none")
			fs.StringVar(&o.scenarios, "scenarios", "", "also run the scenarios (*.txtar) of this directory, e.g. scenarios/ (docs/scenarios.md)")
			o.gate.register(fs)
			return func(ctx context.Context, env *cliEnv) int { return runRun(ctx, env, o) }
		}}
}

func runRun(ctx context.Context, env *cliEnv, o *runOptions) int {
	cfg, cleanup, code := runConfig(env, o)
	if cleanup != nil {
		defer cleanup()
	}
	if code != exitOK {
		return code
	}
	if code := lintScenarios(env, o.scenarios); code != exitOK {
		return code
	}
	cfg.Progress = func(r report.Result) {
		if o.progress == "none" {
			return
		}
		o.policy.Grade(&r) // a copy: the report is graded once more, with the rest of the gate
		fmt.Fprintf(env.stderr, "%-5s %-6s %-24s %s\n", strings.ToUpper(r.Verdict), r.Target, r.Check, r.Operation)
	}
	rep, err := runner.Run(ctx, cfg)
	var unreachable *runner.UnreachableError
	if errors.As(err, &unreachable) {
		return usageError(env, "%v", err)
	}
	if err != nil {
		return usageError(env, "%v", err)
	}
	if code := runScenarios(ctx, env, o, cfg, rep); code != exitOK {
		return code
	}
	judge(rep, o.policy, o.shard)
	return finish(env, o.out, o.formats, rep)
}

// runConfig turns flags into a runner configuration, starting embedded hosts when there is no target.
func runConfig(env *cliEnv, o *runOptions) (runner.Config, func(), int) {
	cfg := runner.Config{Parallel: o.parallel, Version: version, Client: wire.New(o.timeout, wire.DefaultMaxBody)}
	if len(env.args) > 0 {
		return cfg, nil, usageError(env, "run takes no arguments, got %q", env.args)
	}
	if o.parallel < 1 {
		return cfg, nil, usageError(env, "--parallel must be at least 1")
	}
	if o.progress != "plain" && o.progress != "none" {
		return cfg, nil, usageError(env, "--progress: want plain or none, got %q", o.progress)
	}
	if o.timeout <= 0 {
		return cfg, nil, usageError(env, "--timeout must be positive, e.g. 30s: without one a silent target hangs the run")
	}
	if strings.TrimSpace(o.user) == "" {
		return cfg, nil, usageError(env, "--user must name an account")
	}
	if _, err := report.Select(o.formats); err != nil {
		return cfg, nil, usageError(env, "--format: %v", err)
	}
	password, code := resolvePassword(env, o)
	if code != exitOK {
		return cfg, nil, code
	}
	cfg.Identity = session.Identity{User: o.user, Password: password}
	cfg.Redactor = redact.New(o.user)
	cfg.Redactor.AddPassword(password)
	var err error
	if cfg.Specs, err = loadSpecs(o.specs); err != nil {
		return cfg, nil, usageError(env, "%v", err)
	}
	if cfg.Checks, err = selectChecks(o.checks, o.skip); err != nil {
		return cfg, nil, usageError(env, "%v", err)
	}
	if o.policy, err = o.gate.policy(); err != nil {
		return cfg, nil, usageError(env, "%v", err)
	}
	if o.shard, err = gate.ParseShard(o.gate.shard); err != nil {
		return cfg, nil, usageError(env, "%v", err)
	}
	o.allSpecs = cfg.Specs // scenarios validate against every operation, whatever the shard
	cfg.Specs = shardSpecs(cfg.Specs, o.shard)
	cleanup, code := targets(env, o, &cfg, password)
	return cfg, cleanup, code
}

// resolvePassword reads the password from the environment; an explicitly named variable must be set.
func resolvePassword(env *cliEnv, o *runOptions) (string, int) {
	if p := os.Getenv(o.passwordEnv); p != "" {
		return p, exitOK
	}
	if o.passwordEnv != "SVCCHECK_PASSWORD" {
		return "", usageError(env, "--password-env %s: the variable is not set", o.passwordEnv)
	}
	return "Supervisor", exitOK // a fresh Creatio's default account
}

func loadSpecs(paths []string) ([]*spec.Spec, error) {
	if len(paths) == 0 {
		return spec.LoadFS(specs.FS, "specs")
	}
	return spec.LoadPaths(paths)
}

// selectChecks applies --check (only these) and --skip (all but these).
func selectChecks(only, skip []string) ([]checks.Check, error) {
	for flag, ids := range map[string][]string{"--check": only, "--skip": skip} {
		for _, id := range ids {
			if _, ok := checks.ByID(id); !ok {
				return nil, fmt.Errorf("%s: unknown check %q (see 'svccheck checks')", flag, id)
			}
		}
	}
	var out []checks.Check
	for _, c := range checks.All() {
		if (len(only) == 0 || slices.Contains(only, c.ID)) && !slices.Contains(skip, c.ID) {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--check and --skip leave no check to run")
	}
	return out, nil
}

// targets fills cfg.Targets: the given deployment, or one embedded host per flavor.
func targets(env *cliEnv, o *runOptions, cfg *runner.Config, password string) (func(), int) {
	flavors := profile.Flavors
	if o.flavor != "" && o.flavor != "auto" {
		f, err := profile.ParseFlavor(o.flavor)
		if err != nil {
			return nil, usageError(env, "--flavor: %v", err)
		}
		flavors = []profile.Flavor{f}
	}
	if o.target != "" {
		if len(o.faults) > 0 {
			return nil, usageError(env, "--fault seeds faults in the embedded host; it cannot be used with --target")
		}
		t, err := target.New(o.target, flavors[0])
		if err != nil {
			return nil, usageError(env, "%v", err)
		}
		if o.flavor == "" || o.flavor == "auto" {
			if t.Flavor, err = target.DetectFlavor(context.Background(), cfg.Client, t); err != nil {
				return nil, usageError(env, "%v", err)
			}
			fmt.Fprintf(env.stderr, "svccheck: %s looks like a %s site (the /0 workspace alias %s); pass --flavor to say so\n",
				t.Base, t.Flavor, map[profile.Flavor]string{profile.NetFx: "answers", profile.Net: "is 404"}[t.Flavor])
		}
		cfg.Targets = []target.Target{t}
		return nil, exitOK
	}
	fs, err := faults.Parse(o.faults)
	if err != nil {
		return nil, usageError(env, "--fault: %v", err)
	}
	cfg.Embedded = true
	var stops []func()
	cleanup := func() {
		for _, s := range stops {
			s()
		}
	}
	for _, f := range flavors {
		t, stop, err := runner.StartEmbedded(f, fs, map[string]string{o.user: password})
		if err != nil {
			cleanup()
			return nil, usageError(env, "starting the embedded %s host: %v", f, err)
		}
		stops = append(stops, stop)
		cfg.Targets = append(cfg.Targets, t)
	}
	return cleanup, exitOK
}

// finish writes the reports, prints the failures and the closing line, and picks the exit code;
// run and doctor share it, so they share formats and exit codes too.
func finish(env *cliEnv, out, formatList string, rep *report.Report) int {
	formats, _ := report.Select(formatList)
	paths, err := report.WriteAll(out, rep, formats)
	for _, name := range formats {
		if name == "github" {
			report.WriteGitHub(env.stdout, rep)
		}
	}
	expiredWaivers(env, rep)
	for _, r := range rep.Results {
		if (r.Verdict == "fail" || r.Verdict == "error") && (r.Method != "" || isScenario(r)) && r.Suppressed == "" {
			fmt.Fprintf(env.stdout, "%s %s %s: %s\n", strings.ToUpper(r.Verdict), r.Target, r.Check, r.Operation)
			fmt.Fprintf(env.stdout, "    %s\n", r.Reason)
		}
	}
	if err != nil {
		fmt.Fprintf(env.stderr, "svccheck: %v\n", err)
	}
	if len(paths) > 0 {
		fmt.Fprintf(env.stdout, "reports: %s\n", strings.Join(paths, ", "))
	}
	fmt.Fprintln(env.stdout, rep.Line())
	switch {
	case rep.Interrupted:
		fmt.Fprintln(env.stderr, "svccheck: interrupted; the reports hold the results measured so far")
		return exitInterrupted
	case err != nil:
		return exitUsage
	case !rep.OK():
		return exitFailed
	}
	return exitOK
}
