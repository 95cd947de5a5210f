package scenario

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/svccheck/svccheck/harness/redact"
	"github.com/svccheck/svccheck/harness/report"
	"github.com/svccheck/svccheck/harness/session"
	"github.com/svccheck/svccheck/harness/wire"
	"github.com/svccheck/svccheck/reference/profile"
)

// suite writes files (name → content) into a fresh directory.
func suite(t *testing.T, files map[string]string) string {
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	return dir
}

func runSuite(t *testing.T, dir string, embedded bool) []report.Result {
	t.Helper()
	tg, stop, err := StartEmbedded(profile.NetFx, nil, nil)
	require.NoError(t, err)
	defer stop()
	if !embedded {
		tg.Expire = nil
	}
	res, err := Run(context.Background(), Config{Dir: dir, Targets: []Target{tg},
		Identities: map[string]session.Identity{DefaultIdentity: {User: "Supervisor", Password: "Supervisor"}},
		Client:     wire.New(5*time.Second, 1<<20), Redactor: redact.New("Supervisor"), Parallel: 2, Timeout: 10 * time.Second})
	require.NoError(t, err)
	return res
}

func TestLintTurnsTyposIntoUsageErrors(t *testing.T) {
	for name, tc := range map[string]struct{ script, want string }{
		"unknown command":   {"login\nstauts 200\n", `x.txtar:2: unknown command "stauts" (did you mean "status"?)`},
		"unknown condition": {"[netfxx] login\n", `x.txtar:1: unknown condition [netfxx]`},
		"short":             {"[short] login\n", `x.txtar:1: unknown condition [short]`},
		"bad flag":          {"call GET /x --no-crsf\n", `x.txtar:1: call: flag provided but not defined: -no-crsf`},
		"arity":             {"status\n", `x.txtar:1: status: wrong number of arguments (usage: status N [N...])`},
		"quote":             {"call GET '/x\n", `x.txtar:1: unterminated quoted argument`},
		"missing prelude":   {"include prelude/nope.txt\n", `x.txtar:1: include: open`},
		"prelude typo":      {"include p.txt\n-- x --\n", `x.txtar:1: include: p.txt:2: "logn" is not a svccheck command`},
	} {
		t.Run(name, func(t *testing.T) {
			dir := suite(t, map[string]string{"x.txtar": tc.script, "p.txt": "login\nlogn\n"})
			_, err := Lint(dir)
			var ue *UsageError
			require.ErrorAs(t, err, &ue)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	_, err := Lint(suite(t, map[string]string{"x.txt": "login\n"}))
	assert.ErrorContains(t, err, "no *.txtar scenarios")
}

func TestLintAcceptsBuiltinsAndFlavorConditions(t *testing.T) {
	dir := suite(t, map[string]string{"x.txtar": "[net] login\n[!netfx] status 200\nexec true\n[embedded] expire-session\n[identity:other] login other\n"})
	_, err := Lint(dir)
	assert.NoError(t, err)
}

// A failure names file:line, the command and a readable diff.
func TestFailureReasonHasLocationCommandAndDiff(t *testing.T) {
	dir := suite(t, map[string]string{"g.txtar": "# golden mismatch\ncall GET '/ServiceModel/UsrDemoAnonService.svc/Echo?Text=a/b' --anonymous\ngolden want.json\n-- want.json --\n{\"EchoResult\":\"a/b\"}\n"})
	res := runSuite(t, dir, true)
	require.Len(t, res, 1)
	r := res[0]
	assert.Equal(t, "fail", r.Verdict)
	assert.Equal(t, 3, r.Line)
	assert.Equal(t, "golden mismatch", r.Title)
	assert.Contains(t, r.Reason, filepath.Join(dir, "g.txtar")+":3: > golden want.json")
	assert.Contains(t, r.Reason, `-{"EchoResult":"a/b"}`)
	assert.Contains(t, r.Reason, `+{"EchoResult":"a\/b"}`)
	assert.Len(t, r.Exchanges, 1)
	assert.NotContains(t, r.Log, "PATH=", "testscript's environment dump stays out of reports")
}

// A failure inside a prelude names the prelude's line.
func TestPreludeFailureNamesThePrelude(t *testing.T) {
	dir := suite(t, map[string]string{"a.txtar": "include prelude/p.txt\n", "prelude/p.txt": "login\nstatus 500\n"})
	r := runSuite(t, dir, true)[0]
	assert.Equal(t, "fail", r.Verdict)
	assert.Contains(t, r.Reason, "> prelude/p.txt:2: status 500")
}

func TestExpireSessionAndIdentities(t *testing.T) {
	dir := suite(t, map[string]string{
		"expire.txtar": "login\nexpire-session\n",
		"client.txtar": "login\nexpire-session --client\ncall GET /rest/UsrCustomConfigurationService/GetContactIdByName\nstatus 302\n",
		"other.txtar":  "login other\n",
		"guard.txtar":  "[identity:other] login other\nlogin\n",
	})
	byName := map[string]report.Result{}
	for _, r := range runSuite(t, dir, false) {
		byName[r.Operation] = r
	}
	assert.Equal(t, "fail", byName["expire.txtar"].Verdict)
	assert.Contains(t, byName["expire.txtar"].Reason, "guard the line with [embedded]")
	assert.Equal(t, "pass", byName["client.txtar"].Verdict, byName["client.txtar"].Reason)
	assert.Equal(t, "skip", byName["other.txtar"].Verdict)
	assert.Equal(t, "pass", byName["guard.txtar"].Verdict)
}

func TestGoldenUpdateRewritesTheArchive(t *testing.T) {
	dir := suite(t, map[string]string{"u.txtar": "call GET '/ServiceModel/UsrAnonymousConfigurationService.svc/GetContactIdByName?Name=Ann' --anonymous\ngolden reply.json\n-- reply.json --\nold\n"})
	tg, stop, err := StartEmbedded(profile.Net, nil, nil)
	require.NoError(t, err)
	defer stop()
	res, err := Run(context.Background(), Config{Dir: dir, Targets: []Target{tg}, Update: true,
		Client: wire.New(5*time.Second, 1<<20), Redactor: redact.New(), Parallel: 1})
	require.NoError(t, err)
	assert.Equal(t, "pass", res[0].Verdict, res[0].Reason)
	b, err := os.ReadFile(filepath.Join(dir, "u.txtar"))
	require.NoError(t, err)
	assert.Contains(t, string(b), "-- reply.json --\n{\"GetContactIdByNameResult\":\"<guid>\"}\n")
}

func TestNormalise(t *testing.T) {
	in := `{"Id":"410006E1-CA4E-4502-A9EC-E54D922D2C00","When":"\/Date(1709287200000+0300)\/","At":"2024-03-01T10:00:00.123Z"}`
	assert.Equal(t, `{"Id":"<guid>","When":"\/Date(<ms>)\/","At":"<datetime>"}`, Normalise(in))
}

func TestInterruptedRunLeavesOutWhatDidNotRun(t *testing.T) {
	dir := suite(t, map[string]string{"a.txtar": "login\n", "b.txtar": "login\n"})
	tg, stop, err := StartEmbedded(profile.Net, nil, nil)
	require.NoError(t, err)
	defer stop()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := Run(ctx, Config{Dir: dir, Targets: []Target{tg}, Client: wire.New(time.Second, 1<<20),
		Redactor: redact.New(), Parallel: 1})
	require.NoError(t, err)
	assert.Empty(t, res)
}
