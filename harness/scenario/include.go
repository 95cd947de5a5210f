package scenario

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

func includeCommand() Command {
	return Command{Name: "include", Args: "FILE", MinArgs: 1, MaxArgs: 1,
		Summary: "Run the lines of a shared prelude (FILE relative to the suite directory, e.g. prelude/login.txt) as if they " +
			"stood here. Preludes may use svccheck's commands, '!' and svccheck's conditions, not testscript's built-ins; " +
			"a failure names the prelude's file:line.",
		Example: "include prelude/login.txt",
		Flags: func(fs *flag.FlagSet) func(*State, *testscript.TestScript, bool, []string) {
			return func(st *State, ts *testscript.TestScript, _ bool, args []string) {
				lines, err := readPrelude(st.dir, args[0])
				if err != nil {
					ts.Fatalf("include: %v", err)
				}
				for _, l := range lines {
					ts.Logf("> %s:%d: %s", l.file, l.no, l.text)
					cond, neg, name, rest, err := splitLine(l.text, ts.Getenv)
					if err != nil {
						ts.Fatalf("%s:%d: %v", l.file, l.no, err)
					}
					if ok, err := st.conditionsHold(cond); err != nil || !ok {
						if err != nil {
							ts.Fatalf("%s:%d: %v", l.file, l.no, err)
						}
						continue
					}
					c, _ := lookup(name)
					c.testscriptCmd()(ts, neg, rest)
				}
			}
		}}
}

// preludeLine is one command line of a prelude, with where it came from.
type preludeLine struct {
	file, text string
	no         int
}

// readPrelude reads FILE below dir, refusing paths that leave it, and checks every command is
// one of svccheck's, so a typo in a prelude is a usage error like one in a scenario.
func readPrelude(dir, name string) ([]preludeLine, error) {
	clean := filepath.Clean(name)
	if !filepath.IsLocal(clean) {
		return nil, fmt.Errorf("%s: a prelude must lie inside the suite directory", name)
	}
	p := filepath.Join(dir, clean)
	if _, err := os.Lstat(p); err == nil && !within(dir, p) {
		return nil, fmt.Errorf("%s: a prelude must lie inside the suite directory (it links outside it)", name)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	var out []preludeLine
	for i, text := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(text)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		_, _, cmd, args, err := splitLine(t, func(string) string { return "x" })
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, i+1, err)
		}
		c, ok := lookup(cmd)
		if !ok || c.Name == "include" {
			return nil, fmt.Errorf("%s:%d: %q is not a svccheck command a prelude may use", name, i+1, cmd)
		}
		if _, _, err := c.parse(args); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, i+1, err)
		}
		out = append(out, preludeLine{file: name, text: t, no: i + 1})
	}
	return out, nil
}

// splitLine splits a script line as testscript does (spaces separate, 'single quotes' group,
// ” is a quote, $VAR expands outside quotes, # starts a comment) and takes off the leading
// [conditions] and '!'.
func splitLine(line string, getenv func(string) string) (conds []string, neg bool, name string, args []string, err error) {
	words, err := words(line, getenv)
	if err != nil {
		return nil, false, "", nil, err
	}
	for len(words) > 0 && strings.HasPrefix(words[0], "[") && strings.HasSuffix(words[0], "]") {
		conds = append(conds, strings.TrimSpace(words[0][1:len(words[0])-1]))
		words = words[1:]
	}
	if len(words) > 0 && words[0] == "!" {
		neg, words = true, words[1:]
	}
	if len(words) == 0 {
		return nil, false, "", nil, fmt.Errorf("missing command")
	}
	return conds, neg, words[0], words[1:], nil
}

func words(line string, getenv func(string) string) ([]string, error) {
	var out []string
	var cur strings.Builder
	inWord, quoted := false, false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quoted && c == '\'' && i+1 < len(line) && line[i+1] == '\'':
			cur.WriteByte('\'')
			i++
		case c == '\'':
			quoted, inWord = !quoted, true
		case quoted:
			cur.WriteByte(c)
		case c == '#':
			i = len(line)
		case c == ' ' || c == '\t' || c == '\r':
			if inWord {
				out = append(out, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			j := i
			for j < len(line) && !strings.ContainsRune(" \t\r'#", rune(line[j])) {
				j++
			}
			cur.WriteString(os.Expand(line[i:j], getenv))
			i, inWord = j-1, true
		}
	}
	if quoted {
		return nil, fmt.Errorf("unterminated quoted argument")
	}
	if inWord {
		out = append(out, cur.String())
	}
	return out, nil
}
