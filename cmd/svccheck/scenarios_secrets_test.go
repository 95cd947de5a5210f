package main

import (
	"bytes"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/svccheck/svccheck/reference/faults"
	"github.com/svccheck/svccheck/reference/host"
	"github.com/svccheck/svccheck/reference/profile"
)

// The bundled scenarios, run against a faulty target, leave no password or cookie value in
// stdout, stderr or any report format — their logs and transcripts included.
func TestScenarioSecretsNeverReachOutputOrReports(t *testing.T) {
	const password = "Sup3r-Secret-Passw0rd"
	h, err := host.New(host.Config{Flavor: profile.NetFx, Users: map[string]string{"Supervisor": password},
		Faults: faults.Set{faults.UnwrappedResult: true}})
	require.NoError(t, err)
	tap := &cookieTap{next: h}
	srv := httptest.NewServer(tap)
	defer srv.Close()
	t.Setenv("SVCCHECK_TEST_PASSWORD", password)
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := Run([]string{"run", "--target", srv.URL, "--flavor", "netfx", "--password-env", "SVCCHECK_TEST_PASSWORD",
		"--check", "auth-login", "--scenarios", "../../scenarios", "--out", out}, &stdout, &stderr)
	require.Equal(t, exitFailed, code, stdout.String())
	assert.Contains(t, stdout.String(), "FAIL "+srv.URL+" scenario: datacontract.txtar")

	secrets := append([]string{password}, tap.values...)
	require.Greater(t, len(secrets), 5)
	texts := map[string]string{"stdout": stdout.String(), "stderr": stderr.String()}
	files, _ := filepath.Glob(filepath.Join(out, "*"))
	for _, p := range files {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		texts[filepath.Base(p)] = string(b)
	}
	assert.Contains(t, texts["junit.xml"], "> include prelude/login.txt", "scenario logs reach JUnit system-out")
	for name, text := range texts {
		for _, s := range secrets {
			assert.False(t, strings.Contains(text, s), "%s leaks a secret (%d chars)", name, len(s))
		}
	}
}
