package scenario

import (
	"flag"
	"os"
	"regexp"
	"strings"
	"sync"

	"github.com/rogpeppe/go-internal/diff"
	"github.com/rogpeppe/go-internal/testscript"
	"github.com/rogpeppe/go-internal/txtar"
)

func goldenCommand() Command {
	return Command{Name: "golden", Args: "FILE", MinArgs: 1, MaxArgs: 1,
		Summary: "The last response's body (decoded with its charset) equals FILE from the scenario's archive after normalising " +
			"volatile values: GUIDs become <guid>, \\/Date(…)\\/ becomes \\/Date(<ms>)\\/, ISO timestamps <datetime>, and every " +
			"password and cookie value [redacted]. A mismatch shows a diff; `-update` (go test ./scenarios/...) rewrites FILE " +
			"inside the .txtar. The body is compared byte for byte otherwise, so WCF's \\/ escaping shows.",
		Example: "golden echo.json\n\n-- echo.json --\n{\"EchoResult\":\"a\\/b\"}",
		Flags: func(fs *flag.FlagSet) func(*State, *testscript.TestScript, bool, []string) {
			return func(st *State, ts *testscript.TestScript, _ bool, args []string) {
				got := Normalise(st.red.String(decodedBody(ts, st.lastOrFail(ts, "golden"))))
				want, err := os.ReadFile(workFile(ts, "golden", args[0]))
				if err != nil && !st.update {
					ts.Fatalf("golden: %v (add -- %s -- to the archive, or run with -update)", err, args[0])
				}
				if trimNL(string(want)) == trimNL(got) {
					return
				}
				if st.update {
					if err := updateArchive(st.file, args[0], got); err != nil {
						ts.Fatalf("golden: updating %s: %v", st.file, err)
					}
					ts.Logf("golden: rewrote %s in %s", args[0], st.file)
					return
				}
				d := diff.Diff(args[0]+" (want)", []byte(trimNL(string(want))+"\n"), "response (got)", []byte(trimNL(got)+"\n"))
				ts.Fatalf("golden %s: the response differs:\n%s", args[0], d)
			}
		}}
}

func trimNL(s string) string { return strings.TrimRight(s, "\n") }

var volatile = []struct {
	re   *regexp.Regexp
	repl string
}{
	{regexp.MustCompile(`(?i)\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b`), "<guid>"},
	{regexp.MustCompile(`\\?/Date\(-?\d+([+-]\d{4})?\)\\?/`), `\/Date(<ms>)\/`},
	{regexp.MustCompile(`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?`), "<datetime>"},
}

// Normalise replaces the values that differ between runs and deployments, so goldens compare
// shapes and stable text. Secrets must already be redacted.
func Normalise(s string) string {
	for _, v := range volatile {
		s = v.re.ReplaceAllString(s, v.repl)
	}
	return s
}

// archiveLocks serialises golden rewrites of one scenario file (both flavors may update it).
var archiveLocks sync.Map

func updateArchive(path, name, content string) error {
	mu, _ := archiveLocks.LoadOrStore(path, &sync.Mutex{})
	mu.(*sync.Mutex).Lock()
	defer mu.(*sync.Mutex).Unlock()
	a, err := txtar.ParseFile(path)
	if err != nil {
		return err
	}
	data := []byte(trimNL(content) + "\n")
	found := false
	for i := range a.Files {
		if a.Files[i].Name == name {
			a.Files[i].Data, found = data, true
		}
	}
	if !found {
		a.Files = append(a.Files, txtar.File{Name: name, Data: data})
	}
	return os.WriteFile(path, txtar.Format(a), 0o644)
}
