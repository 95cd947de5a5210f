package scenario

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A suite reaches no file outside itself: not through a command's file argument, an archive
// name, or a prelude that is a link.
func TestScenariosStayInsideTheirDirectories(t *testing.T) {
	dir := suite(t, map[string]string{"a.txtar": "status 200\n-- ../evil.json --\nx\n"})
	_, err := Lint(dir)
	require.ErrorContains(t, err, `archive file "../evil.json" must have a relative name`)

	dir = suite(t, map[string]string{"a.txtar": "include prelude/p.txt\n"})
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "prelude"), 0o755))
	require.NoError(t, os.Symlink("/etc/passwd", filepath.Join(dir, "prelude", "p.txt")))
	_, err = Lint(dir)
	require.ErrorContains(t, err, "links outside it")

	dir = suite(t, map[string]string{
		"body.txtar":   "call POST /rest/UsrDemoService/GetContactIdByName /etc/passwd\n",
		"golden.txtar": "call --anonymous GET /ServiceModel/UsrDemoAnonService.svc/Echo?Text=x\ngolden ../../../../etc/passwd\n",
	})
	for _, r := range runSuite(t, dir, true) {
		assert.Equal(t, "fail", r.Verdict, r.Operation)
		assert.Contains(t, r.Reason, "must name a file of the scenario's archive", r.Operation)
		assert.NotContains(t, r.Reason+r.Log, "root:", "nothing of /etc/passwd reached the report")
	}
}
