package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

// Exit codes (docs/exit-codes.md).
const (
	exitOK          = 0 // every check passed
	exitFailed      = 1 // a check failed
	exitUsage       = 2 // usage or configuration error, or target unreachable
	exitInterrupted = 3 // interrupted; partial reports were written
)

// version is stamped at release time; reports carry it.
var version = "0.1.0-dev"

// command is one subcommand; the registry below is the single source of the usage text and of
// docs/cli.md (a test fails when the doc is stale).
type command struct {
	name    string
	args    string // synopsis after the name
	summary string
	// flags declares the command's flags on fs and returns the function that runs it.
	flags func(fs *flag.FlagSet) func(ctx context.Context, env *cliEnv) int
}

// cliEnv is what a command runs with.
type cliEnv struct {
	args           []string
	stdout, stderr io.Writer
}

func commands() []command {
	cs := []command{runCommand(), serveCommand(), doctorCommand(), initSiteCommand(), checksCommand(), faultsCommand(), versionCommand(),
		baselineCommand(), reportCommand()}
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	return cs
}

// Run is the whole CLI: it parses args, runs one command and returns the exit code. It never panics
// on bad input and never calls os.Exit, so tests can drive it.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			return helpFor(args[1], stdout, stderr)
		}
		usage(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return execute(c, args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "svccheck: unknown command %q\n", args[0])
	usage(stderr)
	return exitUsage
}

func execute(c command, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("svccheck "+c.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	runFn := c.flags(fs)
	fs.Usage = func() {} // a bad flag is one line (the flag package's), help is asked for with -h
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			commandUsage(stdout, c, fs)
			return exitOK
		}
		fmt.Fprintf(stderr, "run 'svccheck help %s' for its flags\n", c.name)
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return runFn(ctx, &cliEnv{args: fs.Args(), stdout: stdout, stderr: stderr})
}

func usage(w io.Writer) {
	fmt.Fprint(w, "svccheck — contract tests for Creatio-style web services\n\nUsage:\n  svccheck <command> [flags]\n\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nRun 'svccheck help <command>' for a command's flags.\n")
}

func helpFor(name string, stdout, stderr io.Writer) int {
	for _, c := range commands() {
		if c.name == name {
			fs := flag.NewFlagSet("svccheck "+c.name, flag.ContinueOnError)
			c.flags(fs)
			commandUsage(stdout, c, fs)
			return exitOK
		}
	}
	fmt.Fprintf(stderr, "svccheck: unknown command %q\n", name)
	return exitUsage
}

func commandUsage(w io.Writer, c command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: svccheck %s %s\n\n%s\n", c.name, c.args, c.summary)
	var b strings.Builder
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fs.SetOutput(w)
	if b.Len() > 0 {
		fmt.Fprintf(w, "\nFlags:\n%s", b.String())
	}
}

// usageError reports bad input the way every command does: one line, exit 2.
func usageError(env *cliEnv, format string, args ...any) int {
	fmt.Fprintf(env.stderr, "svccheck: "+format+"\n", args...)
	return exitUsage
}

// listFlag is a repeatable string flag (--spec a --spec b).
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }
