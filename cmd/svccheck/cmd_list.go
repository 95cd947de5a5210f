package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/svccheck/svccheck/harness/checks"
	"github.com/svccheck/svccheck/reference/faults"
)

func checksCommand() command {
	return command{name: "checks", summary: "List the check catalogue: ID, severity and title (details in docs/checks.md).",
		flags: func(*flag.FlagSet) func(context.Context, *cliEnv) int {
			return func(_ context.Context, env *cliEnv) int {
				if len(env.args) > 0 {
					return usageError(env, "checks takes no arguments")
				}
				for _, c := range checks.All() {
					fmt.Fprintf(env.stdout, "%-26s %-8s %s\n", c.ID, c.Severity, c.Title)
				}
				return exitOK
			}
		}}
}

func faultsCommand() command {
	return command{name: "faults", summary: "List the faults the reference host can seed (serve --fault, run --fault).",
		flags: func(*flag.FlagSet) func(context.Context, *cliEnv) int {
			return func(_ context.Context, env *cliEnv) int {
				if len(env.args) > 0 {
					return usageError(env, "faults takes no arguments")
				}
				for _, n := range faults.Known() {
					fmt.Fprintf(env.stdout, "%-24s %s\n", n, faults.Describe(faults.Name(n)))
				}
				return exitOK
			}
		}}
}

func versionCommand() command {
	return command{name: "version", summary: "Print svccheck's version.",
		flags: func(*flag.FlagSet) func(context.Context, *cliEnv) int {
			return func(_ context.Context, env *cliEnv) int {
				if len(env.args) > 0 {
					return usageError(env, "version takes no arguments")
				}
				fmt.Fprintln(env.stdout, "svccheck", version)
				return exitOK
			}
		}}
}
