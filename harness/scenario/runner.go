package scenario

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/svccheck/svccheck/harness/redact"
	"github.com/svccheck/svccheck/harness/report"
	"github.com/svccheck/svccheck/harness/session"
	"github.com/svccheck/svccheck/harness/spec"
	"github.com/svccheck/svccheck/harness/wire"
)

// CheckID is the Check of every scenario result in a report.
const CheckID = "scenario"

// DefaultTimeout bounds one scenario; its commands share the deadline.
const DefaultTimeout = 60 * time.Second

// Config is one scenario run.
type Config struct {
	// Dir holds the scenarios (*.txtar, not recursive) and their preludes.
	Dir     string
	Targets []Target
	// Identities are the credentials `login [NAME]` uses; DefaultIdentity is the run's own.
	Identities map[string]session.Identity
	Client     *wire.Client
	Redactor   *redact.Redactor
	// Specs are what `validate` looks operations up in.
	Specs []*spec.Spec
	// Parallel is the number of scenarios run at once (at least 1).
	Parallel int
	// Timeout bounds each scenario (DefaultTimeout when zero).
	Timeout time.Duration
	// Update rewrites goldens that differ instead of failing.
	Update bool
	// Progress, when set, sees each result as it is made (calls are serialised).
	Progress func(report.Result)
	// Pick, when set, keeps only the scenario files (base names) it answers true for: the
	// caller's shard of the suite. Every file is still linted.
	Pick func(file string) bool
}

// Run lints every scenario (a typo is a *UsageError, nothing runs) and runs them all against every
// target. Results come in target order, then file order. On cancellation, scenarios not yet
// started are left out, as are those cut short.
func Run(ctx context.Context, cfg Config) ([]report.Result, error) {
	files, err := Lint(cfg.Dir)
	if err != nil {
		return nil, err
	}
	if cfg.Pick != nil {
		files = slices.DeleteFunc(files, func(f string) bool { return !cfg.Pick(filepath.Base(f)) })
	}
	defer cfg.Client.CloseIdle() // pooled (and speculatively dialled) connections end with the run
	tmp, err := os.MkdirTemp("", "svccheck-scenarios-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	copies, err := rewriteAll(files, tmp)
	if err != nil {
		return nil, err
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	results := make([][]*report.Result, len(cfg.Targets))
	var progress sync.Mutex
	p := &pool{sem: make(chan struct{}, max(cfg.Parallel, 1)), stop: func() bool { return ctx.Err() != nil }}
	byName := map[string]int{}
	for i, f := range files {
		byName[strings.TrimSuffix(filepath.Base(f), ".txtar")] = i
	}
	for ti, t := range cfg.Targets {
		results[ti] = make([]*report.Result, len(files))
		root := &scriptT{pool: p, root: true}
		params := cfg.params(ctx, t, copies, files)
		done := func(st *scriptT) {
			i, ok := byName[st.name]
			if !ok || (ctx.Err() != nil && st.failed) {
				return
			}
			res := cfg.result(t, files[i], copies[i], st)
			progress.Lock()
			results[ti][i] = &res
			if cfg.Progress != nil {
				cfg.Progress(res)
			}
			progress.Unlock()
		}
		p.done = func(st *scriptT) { done(st) } // RunT starts this target's scripts before the next target is set up
		if err := runT(root, params); err != nil {
			p.wg.Wait()
			return nil, err
		}
		p.wg.Wait()
	}
	var out []report.Result
	for _, rs := range results {
		for _, r := range rs {
			if r != nil {
				out = append(out, *r)
			}
		}
	}
	return out, nil
}

// runT calls testscript.RunT, turning a root failure into an error.
func runT(root *scriptT, p testscript.Params) (err error) {
	defer func() {
		if r := recover(); r != nil {
			rf, ok := r.(rootFatal)
			if !ok {
				panic(r)
			}
			err = fmt.Errorf("scenarios: %s", rf.msg)
		}
	}()
	testscript.RunT(root, p)
	return nil
}

// params builds testscript's parameters for one target.
func (cfg Config) params(ctx context.Context, t Target, copies, files []string) testscript.Params {
	cond := conditionFunc(t, cfg.Identities)
	// testscript bounds subprocesses (exec) only by one deadline for the whole batch: the time the
	// scenarios need if each uses its full Timeout, batch by batch on the pool.
	batches := (len(copies) + max(cfg.Parallel, 1) - 1) / max(cfg.Parallel, 1)
	return testscript.Params{
		Deadline:  time.Now().Add(time.Duration(batches)*cfg.Timeout + 5*time.Second),
		Files:     copies,
		Cmds:      cmds(),
		Condition: cond,
		Setup: func(env *testscript.Env) error {
			name := strings.TrimPrefix(filepath.Base(env.WorkDir), "script-")
			sctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
			env.Defer(cancel)
			st := &State{ctx: sctx, cancel: cancel, timeout: cfg.Timeout, client: cfg.Client, target: t,
				identities: cfg.Identities, red: cfg.Redactor, specs: cfg.Specs, dir: cfg.Dir, update: cfg.Update,
				cond: cond, t: env.T()}
			for i, c := range copies {
				if strings.TrimSuffix(filepath.Base(c), ".txtar") == name {
					st.file = files[i]
				}
			}
			env.Values[stateKey{}] = st
			if sT, ok := env.T().(*scriptT); ok {
				sT.state = st
			}
			env.Setenv("FLAVOR", string(t.Flavor))
			return nil
		},
	}
}

// conditionFunc answers svccheck's conditions for one target.
func conditionFunc(t Target, ids map[string]session.Identity) func(string) (bool, error) {
	return func(c string) (bool, error) {
		switch {
		case c == "netfx" || c == "flavor:netfx":
			return t.Flavor == "netfx", nil
		case c == "net" || c == "flavor:net":
			return t.Flavor == "net", nil
		case c == "embedded":
			return t.Expire != nil, nil
		case strings.HasPrefix(c, "identity:"):
			_, ok := ids[strings.TrimPrefix(c, "identity:")]
			return ok, nil
		}
		return false, fmt.Errorf("unknown condition %q (svccheck's: netfx, net, embedded, identity:NAME)", c)
	}
}

var failLine = regexp.MustCompile(`(?m)^FAIL: (.*?):(\d+): `)

// result turns a finished script into a redacted report result.
func (cfg Config) result(t Target, file, copy string, st *scriptT) report.Result {
	log := cfg.Redactor.String(strings.ReplaceAll(withoutEnv(st.log.String()), copy, file))
	res := report.Result{Check: CheckID, Title: title(file), Severity: "error", Target: t.Label,
		Operation: filepath.Base(file), Spec: file, Line: 1, Verdict: "pass", Log: log, DurationMS: st.elapsed.Milliseconds()}
	switch {
	case st.failed:
		res.Verdict, res.Reason = "fail", "the scenario failed (see its log)"
		if m := failLine.FindStringSubmatchIndex(log); m != nil {
			res.Line, _ = strconv.Atoi(log[m[4]:m[5]])
			res.Reason = reason(log, m[0])
		}
	case st.skipped != "":
		res.Verdict, res.Reason = "skip", cfg.Redactor.String(st.skipped)
	}
	if st.state != nil {
		for _, ex := range st.state.exchanges {
			res.Exchanges = append(res.Exchanges, exchange(cfg.Redactor, ex))
		}
	}
	return res
}

// reason is "file:line: > command: message" followed by the diff, if any.
func reason(log string, at int) string {
	before, msg := log[:at], strings.TrimPrefix(log[at:], "FAIL: ")
	cmd := ""
	if i := strings.LastIndex(before, "\n> "); i >= 0 {
		cmd = strings.TrimSpace(strings.SplitN(before[i+1:], "\n", 2)[0])
	} else if strings.HasPrefix(before, "> ") {
		cmd = strings.SplitN(before, "\n", 2)[0]
	}
	loc, rest, _ := strings.Cut(msg, ": ") // loc is file:line
	return loc + ": " + cmd + ": " + strings.TrimRight(rest, "\n")
}

// withoutEnv drops the environment dump testscript puts before a verbose log: it says nothing
// about the target and would leak the runner's PATH into reports.
func withoutEnv(log string) string {
	if strings.HasPrefix(log, "WORK=") {
		if _, rest, ok := strings.Cut(log, "\n\n"); ok {
			return rest
		}
	}
	return log
}

// title is the first comment line of a scenario, its one-line purpose.
func title(file string) string {
	a, err := txtar.ParseFile(file)
	if err != nil {
		return ""
	}
	for _, l := range strings.Split(string(a.Comment), "\n") {
		if strings.HasPrefix(l, "#") {
			return strings.TrimSpace(strings.TrimLeft(l, "#"))
		}
	}
	return ""
}

// sortedScenarios lists the *.txtar files of dir in name order.
func sortedScenarios(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".txtar") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(out)
	if len(out) == 0 {
		return nil, &UsageError{Msg: fmt.Sprintf("%s: no *.txtar scenarios", dir)}
	}
	return out, nil
}
