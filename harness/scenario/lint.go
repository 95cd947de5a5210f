package scenario

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/rogpeppe/go-internal/txtar"
)

// UsageError is a mistake in a scenario (unknown command or condition, bad arguments): the
// scenario's author must fix it, so the CLI exits 2 instead of blaming the target.
type UsageError struct {
	File string
	Line int
	Msg  string
}

func (e *UsageError) Error() string {
	if e.File == "" {
		return e.Msg
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// builtins are testscript's own commands, which scenarios may use too.
var builtins = []string{"cd", "chmod", "cmp", "cmpenv", "cp", "env", "exec", "exists", "grep", "kill", "mkdir", "mv",
	"rm", "skip", "stderr", "stdin", "stdout", "stop", "symlink", "ttyin", "ttyout", "unix2dos", "unquote", "wait"}

// builtinConds are testscript conditions that work outside go test ([short] does not).
var builtinConds = regexp.MustCompile(`^(exec:.+|go1\.\d+|unix|link|symlink|gc|gccgo|linux|darwin|windows|freebsd|openbsd|netbsd|amd64|arm64|386|arm)$`)

// Lint checks every scenario of dir without running anything and returns their paths.
func Lint(dir string) ([]string, error) {
	files, err := sortedScenarios(dir)
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		if err := lintFile(dir, f); err != nil {
			return nil, err
		}
	}
	return files, nil
}

func lintFile(dir, file string) error {
	a, err := txtar.ParseFile(file)
	if err != nil {
		return &UsageError{File: file, Msg: err.Error()}
	}
	var names []string
	for _, f := range a.Files {
		names = append(names, f.Name)
	}
	if err := localArchiveNames(names); err != nil {
		return &UsageError{File: file, Msg: err.Error()}
	}
	for i, line := range strings.Split(string(a.Comment), "\n") {
		if msg := lintLine(dir, line); msg != "" {
			return &UsageError{File: file, Line: i + 1, Msg: msg}
		}
	}
	return nil
}

// lintLine returns what is wrong with one script line, or "".
func lintLine(dir, line string) string {
	t := strings.TrimSpace(line)
	if t == "" || strings.HasPrefix(t, "#") {
		return ""
	}
	conds, _, name, args, err := splitLine(t, func(string) string { return "x" })
	if err != nil {
		return err.Error()
	}
	for _, c := range conds {
		c = strings.TrimSpace(strings.TrimPrefix(c, "!"))
		if !knownCondition(c) {
			return fmt.Sprintf("unknown condition [%s] (svccheck's: netfx, net, embedded, identity:NAME)", c)
		}
	}
	if slices.Contains(builtins, name) {
		return ""
	}
	c, ok := lookup(name)
	if !ok {
		return unknownCommand(name)
	}
	if _, _, err := c.parse(args); err != nil {
		return err.Error()
	}
	if c.Name == "include" {
		if _, err := readPrelude(dir, args[0]); err != nil {
			return "include: " + err.Error()
		}
	}
	return ""
}

func knownCondition(c string) bool {
	switch {
	case c == "netfx", c == "net", c == "flavor:netfx", c == "flavor:net", c == "embedded":
		return true
	case strings.HasPrefix(c, "identity:") && len(c) > len("identity:"):
		return true
	}
	return builtinConds.MatchString(c)
}

// unknownCommand names the nearest known command, as testscript does.
func unknownCommand(name string) string {
	var all []string
	for _, c := range Commands() {
		all = append(all, c.Name)
	}
	all = append(all, builtins...)
	best, dist := "", 3
	for _, c := range all {
		if d := editDistance(name, c); d < dist {
			best, dist = c, d
		}
	}
	if best != "" {
		return fmt.Sprintf("unknown command %q (did you mean %q?)", name, best)
	}
	return fmt.Sprintf("unknown command %q", name)
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// netCond is [net] or [!net] in a script line.
var netCond = regexp.MustCompile(`\[(\s*!?\s*)net(\s*)\]`)

// rewriteAll copies the scenarios into tmp with [net] spelled [flavor:net]: testscript answers
// [net] itself ("external network available"), before svccheck's conditions are asked. Line
// numbers stay as they are, and failure messages are mapped back to the original file.
func rewriteAll(files []string, tmp string) ([]string, error) {
	var out []string
	for _, f := range files {
		a, err := txtar.ParseFile(f)
		if err != nil {
			return nil, err
		}
		a.Comment = netCond.ReplaceAll(a.Comment, []byte("[${1}flavor:net${2}]"))
		dst := filepath.Join(tmp, filepath.Base(f))
		if err := os.WriteFile(dst, txtar.Format(a), 0o644); err != nil {
			return nil, err
		}
		out = append(out, dst)
	}
	return out, nil
}
