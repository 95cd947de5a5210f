package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/svccheck/svccheck/harness/doctor"
	"github.com/svccheck/svccheck/harness/gate"
	"github.com/svccheck/svccheck/harness/report"
	"github.com/svccheck/svccheck/reference/site"
)

func doctorCommand() command {
	return command{name: "doctor", args: "[--flavor auto|netfx|net] DIR | --compare BEFORE AFTER",
		summary: "Check a site's config files statically: every anonymous registration in every place, bindings, behaviours, encodings, CSRF. With --compare, report what an update removed or changed.",
		flags: func(fs *flag.FlagSet) func(context.Context, *cliEnv) int {
			flavor := fs.String("flavor", "auto", "auto, netfx or net")
			compare := fs.Bool("compare", false, "compare two site directories, BEFORE and AFTER an update")
			out := fs.String("out", "reports/doctor", "directory for the reports")
			formats := fs.String("format", strings.Join(report.DefaultFormats, ","), "report formats, comma-separated: "+strings.Join(report.KnownFormats, ", "))
			return func(_ context.Context, env *cliEnv) int { return runDoctor(env, *flavor, *compare, *out, *formats) }
		}}
}

func runDoctor(env *cliEnv, flavorFlag string, compare bool, out, formats string) int {
	f, code := siteFlavor(env, flavorFlag)
	if code != exitOK {
		return code
	}
	if _, err := report.Select(formats); err != nil {
		return usageError(env, "--format: %v", err)
	}
	started := time.Now()
	var findings []doctor.Finding
	var rules []doctor.Rule
	var label string
	var err error
	switch {
	case compare && len(env.args) == 2:
		label = env.args[0] + " → " + env.args[1]
		findings, err = doctor.Compare(env.args[0], env.args[1], f)
		rules = doctor.CompareRules()
	case !compare && len(env.args) == 1:
		label = env.args[0]
		findings, err = doctor.Check(env.args[0], f)
		rules = doctor.CheckRules()
	case compare:
		return usageError(env, "doctor --compare takes two site directories, BEFORE and AFTER")
	default:
		return usageError(env, "doctor takes one site directory (flags go before it: doctor --out DIR SITE)")
	}
	if err != nil {
		return usageError(env, "%v", err)
	}
	for _, dir := range env.args {
		if code := flavorMatches(env, dir, f); code != exitOK {
			return code
		}
	}
	for _, fd := range findings {
		fmt.Fprintf(env.stdout, "%s\n    fix: %s\n", fd, fd.Fix)
	}
	if f == "" {
		f, _ = site.Detect(env.args[len(env.args)-1])
	}
	rep := doctor.Report(label, string(f), findings, rules, started, version)
	gate.Apply(rep, gate.Policy{Now: time.Now()}) // fingerprints, so doctor findings can be baselined too
	return finish(env, out, formats, rep)
}

// siteFlavor turns --flavor auto|netfx|net into a site flavor ("" = detect from the directory).
func siteFlavor(env *cliEnv, s string) (site.Flavor, int) {
	switch s {
	case "auto", "":
		return "", exitOK
	case string(site.FlavorNetfx), string(site.FlavorNet):
		return site.Flavor(s), exitOK
	}
	return "", usageError(env, "--flavor: unknown flavor %q: want auto, netfx or net", s)
}

// flavorMatches refuses a forced --flavor that contradicts the directory's layout, instead of
// reporting every file of the other flavor as missing.
func flavorMatches(env *cliEnv, dir string, f site.Flavor) int {
	if f == "" {
		return exitOK
	}
	if got, err := site.Detect(dir); err == nil && got != f {
		return usageError(env, "%s is a %s site (--flavor %s expects the other layout)", dir, got, f)
	}
	return exitOK
}

func initSiteCommand() command {
	return command{name: "init-site", args: "--flavor netfx|net DIR",
		summary: "Write the reference host's default site (the example and demo registrations, in Creatio's real file formats) into DIR, for editing and `serve --site`.",
		flags: func(fs *flag.FlagSet) func(context.Context, *cliEnv) int {
			flavor := fs.String("flavor", "", "netfx or net (required)")
			return func(_ context.Context, env *cliEnv) int {
				if *flavor == "" {
					return usageError(env, "init-site: --flavor netfx|net is required")
				}
				if *flavor != string(site.FlavorNetfx) && *flavor != string(site.FlavorNet) {
					return usageError(env, "init-site: unknown flavor %q: want netfx or net", *flavor)
				}
				if len(env.args) != 1 {
					return usageError(env, "init-site takes one directory")
				}
				if err := site.WriteDefault(env.args[0], site.Flavor(*flavor)); err != nil {
					return usageError(env, "init-site: %v", err)
				}
				fmt.Fprintf(env.stdout, "wrote the default %s site to %s\n", *flavor, env.args[0])
				return exitOK
			}
		}}
}
