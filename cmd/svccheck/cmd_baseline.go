package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/svccheck/svccheck/harness/gate"
	"github.com/svccheck/svccheck/harness/report"
)

func baselineCommand() command {
	return command{name: "baseline", args: "write [--from DIR|report.json] FILE",
		summary: "Record every finding of a run's report.json in a baseline FILE; `run --baseline FILE` then fails only on new findings.",
		flags: func(fs *flag.FlagSet) func(context.Context, *cliEnv) int {
			from := fs.String("from", "reports/latest", "report directory or report.json to take the findings from")
			return func(_ context.Context, env *cliEnv) int {
				if len(env.args) == 0 || env.args[0] != "write" {
					return usageError(env, "usage: svccheck baseline write [--from DIR|report.json] FILE")
				}
				if err := fs.Parse(env.args[1:]); err != nil { // flags may follow the subcommand
					return exitUsage
				}
				if fs.NArg() != 1 {
					return usageError(env, "baseline write takes one FILE")
				}
				rep, err := gate.ReadReport(reportJSON(*from))
				if err != nil {
					return usageError(env, "%v", err)
				}
				b := gate.NewBaseline(rep, time.Now())
				if err := gate.WriteBaseline(fs.Arg(0), b); err != nil {
					return usageError(env, "%v", err)
				}
				fmt.Fprintf(env.stdout, "baseline %s: %d findings\n", fs.Arg(0), len(b.Findings))
				return exitOK
			}
		}}
}

func reportCommand() command {
	return command{name: "report", args: "merge [--out DIR] [--format LIST] DIR...",
		summary: "Merge the reports of `run --shard i/n` jobs into the report the unsharded run would have written; exit code as run's.",
		flags: func(fs *flag.FlagSet) func(context.Context, *cliEnv) int {
			out := fs.String("out", "reports/merged", "directory for the merged reports")
			formats := fs.String("format", strings.Join(report.DefaultFormats, ","), "report formats, comma-separated: "+strings.Join(report.KnownFormats, ", "))
			return func(_ context.Context, env *cliEnv) int {
				if len(env.args) == 0 || env.args[0] != "merge" {
					return usageError(env, "usage: svccheck report merge [--out DIR] DIR...")
				}
				if err := fs.Parse(env.args[1:]); err != nil {
					return exitUsage
				}
				if fs.NArg() == 0 {
					return usageError(env, "report merge takes one or more report directories")
				}
				if _, err := report.Select(*formats); err != nil {
					return usageError(env, "--format: %v", err)
				}
				var reps []*report.Report
				for _, dir := range fs.Args() {
					rep, err := gate.ReadReport(reportJSON(dir))
					if err != nil {
						return usageError(env, "%v", err)
					}
					reps = append(reps, rep)
				}
				merged, err := gate.Merge(reps)
				if err != nil {
					return usageError(env, "%v", err)
				}
				return finish(env, *out, *formats, merged)
			}
		}}
}

// reportJSON accepts a report directory or the report.json in it.
func reportJSON(p string) string {
	if st, err := os.Stat(p); err == nil && st.IsDir() {
		return filepath.Join(p, "report.json")
	}
	return p
}
