// Package scenario runs svccheck's scenario files: testscript (txtar) scripts whose commands log in,
// call services and assert on the answers, for flows a spec cannot express (log out and be refused,
// expire and log in once more, business sequences). The same engine serves `svccheck run
// --scenarios DIR` against any deployment and `go test ./scenarios/...` against the reference host.
// The command registry below is the single source of usage text, of the lint that turns a typo into
// a usage error, and of docs/scenarios.md.
package scenario

import (
	"flag"
	"fmt"
	"sort"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

// Command is one scenario command. Each invocation gets its own flag.FlagSet (testscript registers
// flags on the global set; sharing it would mix scenarios' options).
type Command struct {
	Name    string
	Args    string // synopsis after the name
	Summary string
	// Example is a line (or lines) of a scenario using the command, shown in docs/scenarios.md.
	Example string
	// Neg says what `! cmd` means; empty when the command refuses negation.
	Neg string
	// MinArgs and MaxArgs bound the positional arguments (MaxArgs < 0: unbounded).
	MinArgs, MaxArgs int
	// Flags declares the command's flags and returns the function that runs it with the positional
	// arguments.
	Flags func(fs *flag.FlagSet) func(st *State, ts *testscript.TestScript, neg bool, args []string)
}

// Condition is a scenario condition such as [netfx].
type Condition struct {
	Name, Summary string
}

// Commands is the registry, sorted by name.
func Commands() []Command {
	cs := []Command{loginCommand(), logoutCommand(), callCommand(), statusCommand(), headerCommand(),
		cookieCommand(), jsonCommand(), jsonMatchCommand(), bodyCommand(), goldenCommand(), validateCommand(),
		expireCommand(), includeCommand()}
	sort.Slice(cs, func(i, j int) bool { return cs[i].Name < cs[j].Name })
	return cs
}

// Conditions lists the conditions svccheck adds to testscript's own.
func Conditions() []Condition {
	return []Condition{
		{"netfx", "the target is .NET Framework Creatio (workspace routes under /0)"},
		{"net", "the target is .NET Creatio (no /0); svccheck rewrites it to [flavor:net] because testscript reserves [net] for \"external network available\""},
		{"embedded", "the target is an in-process reference host, so expire-session can end sessions on the server"},
		{"identity:NAME", "the run has credentials for the identity NAME (see login)"},
	}
}

// lookup finds a registered command.
func lookup(name string) (Command, bool) {
	for _, c := range Commands() {
		if c.Name == name {
			return c, true
		}
	}
	return Command{}, false
}

// parse declares c's flags on a fresh FlagSet and parses args, allowing flags anywhere between the
// positional arguments (`call POST /x body.json --no-csrf`).
func (c Command) parse(args []string) (func(*State, *testscript.TestScript, bool, []string), []string, error) {
	fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
	var sink strings.Builder
	fs.SetOutput(&sink)
	run := c.Flags(fs)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, nil, fmt.Errorf("%s: %v (usage: %s)", c.Name, err, c.Usage())
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(pos) < c.MinArgs || (c.MaxArgs >= 0 && len(pos) > c.MaxArgs) {
		return nil, nil, fmt.Errorf("%s: wrong number of arguments (usage: %s)", c.Name, c.Usage())
	}
	return run, pos, nil
}

// Usage is the command's synopsis line.
func (c Command) Usage() string { return strings.TrimSpace(c.Name + " " + c.Args) }

// testscriptCmd adapts a registry entry to testscript's command signature.
func (c Command) testscriptCmd() func(*testscript.TestScript, bool, []string) {
	return func(ts *testscript.TestScript, neg bool, args []string) {
		if neg && c.Neg == "" {
			ts.Fatalf("%s does not support '!'", c.Name)
		}
		run, pos, err := c.parse(args)
		if err != nil {
			ts.Fatalf("%v", err)
		}
		st := stateOf(ts)
		if err := st.ctx.Err(); err != nil {
			ts.Fatalf("scenario deadline exceeded (%v) before %s", st.timeout, c.Name)
		}
		run(st, ts, neg, pos)
	}
}

// cmds is the registry as testscript.Params.Cmds.
func cmds() map[string]func(*testscript.TestScript, bool, []string) {
	m := map[string]func(*testscript.TestScript, bool, []string){}
	for _, c := range Commands() {
		m[c.Name] = c.testscriptCmd()
	}
	return m
}
