package scenario

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

// within reports whether path, with every symlink resolved, lies inside root: a suite must not
// reach files outside its own directory (or a scenario outside its work directory), not even
// through a link.
func within(root, path string) bool {
	r, err1 := filepath.EvalSymlinks(root)
	p, err2 := filepath.EvalSymlinks(path)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(r, p)
	return err == nil && filepath.IsLocal(rel)
}

// workFile is the path of a file a command names (a body, a golden): it must be one of the
// scenario's own files, never a path that leaves its work directory.
func workFile(ts *testscript.TestScript, cmd, name string) string {
	if !filepath.IsLocal(name) {
		ts.Fatalf("%s: %q must name a file of the scenario's archive (a relative path inside it)", cmd, name)
	}
	p := ts.MkAbs(name)
	if _, err := os.Lstat(p); err == nil && !within(ts.Getenv("WORK"), p) {
		ts.Fatalf("%s: %q leads outside the scenario's work directory", cmd, name)
	}
	return p
}

// localArchiveNames refuses archive files whose names would be written outside $WORK.
func localArchiveNames(names []string) error {
	for _, n := range names {
		if !filepath.IsLocal(filepath.FromSlash(n)) || strings.Contains(n, "\\") {
			return fmt.Errorf("archive file %q must have a relative name inside the scenario's work directory", n)
		}
	}
	return nil
}
