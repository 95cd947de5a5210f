package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// sample is a small report with a pass, a failure whose body holds control characters, a skip and an error.
func sample() *Report {
	r := &Report{Tool: "svccheck", Version: "test", Started: time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC), DurationMS: 1234,
		Targets: []Target{{Label: "netfx", URL: "http://127.0.0.1:1", Flavor: "netfx", Embedded: true}},
		Specs:   []Spec{{File: "specs/a.yaml", SHA256: "ab12"}},
		Results: []Result{
			{Check: "anon-access", Title: "t", Severity: "error", Target: "netfx", Operation: "S.Op", Method: "GET", Path: "/ServiceModel/S.svc/Op", Spec: "specs/a.yaml", Line: 7, Verdict: "pass", Reason: "ok"},
			{Check: "contract-response-schema", Title: "t", Severity: "error", Target: "netfx", Operation: "S.Op", Method: "GET", Path: "/x", Spec: "specs/a.yaml", Line: 7, Verdict: "fail",
				Reason: "a | b \x1b[31mred\x1b[0m",
				Exchanges: []Exchange{{Request: Request{Method: "GET", URL: "http://h/x", Headers: map[string][]string{"Cookie": {".ASPXAUTH=[redacted]"}}},
					Response: Response{Status: 200, Headers: map[string][]string{"Content-Type": {"text/html"}}, Body: "<html>\x00\x07</html>"}}}},
			{Check: "csrf-header-required", Title: "t", Severity: "error", Target: "netfx", Operation: "S.Post", Method: "POST", Path: "/y", Verdict: "skip", Reason: "no session"},
			{Check: "auth-session-call", Title: "t", Severity: "error", Target: "netfx", Operation: "S.Post", Method: "POST", Path: "/y", Verdict: "error", Reason: "connection reset"},
			{Check: "DOC-CSRF-001", Title: "t", Severity: "warning", Target: "site", Operation: "UseCsrfToken", Spec: "Terrasoft.WebApp/Web.config", Line: 38, Verdict: "warn", Reason: "UseCsrfToken is false", Fix: "set it to true"},
		}}
	r.Tally()
	return r
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(p, got, 0o644))
	}
	want, err := os.ReadFile(p)
	require.NoError(t, err, "run go test -update to create %s", p)
	assert.Equal(t, string(want), string(got))
}

func TestJSONGoldenAndParseBack(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteJSON(&b, sample()))
	golden(t, "report.json", b.Bytes())
	var back Report
	require.NoError(t, json.Unmarshal(b.Bytes(), &back))
	assert.Equal(t, *sample(), back)
}

func TestJUnitGoldenAndParseBack(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteJUnit(&b, sample()))
	golden(t, "junit.xml", b.Bytes())
	var back junitSuites
	require.NoError(t, xml.Unmarshal(b.Bytes(), &back), "control characters must not make the XML unparsable")
	assert.Equal(t, 5, back.Tests)
	assert.Equal(t, 1, back.Fails)
	assert.Equal(t, 1, back.Errors)
	require.Len(t, back.Suites, 2)
	assert.Equal(t, "Terrasoft.WebApp/Web.config:38 UseCsrfToken", back.Suites[1].Cases[0].Name)
	assert.Equal(t, "contract-response-schema", back.Suites[0].Cases[1].Classname)
	assert.NotNil(t, back.Suites[0].Cases[2].Skipped)
}

func TestMarkdownGolden(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteMarkdown(&b, sample()))
	golden(t, "summary.md", b.Bytes())
	assert.Contains(t, b.String(), "1 passed, 2 failed, 1 warning, 1 skipped")
	assert.Contains(t, b.String(), `a \| b`, "pipes are escaped in table cells")
	assert.Contains(t, b.String(), "| Terrasoft.WebApp/Web.config:38 UseCsrfToken | `DOC-CSRF-001` | UseCsrfToken is false |")
}

func TestWriteAllIsAtomicAndRefusesUnknownFormats(t *testing.T) {
	dir := t.TempDir()
	paths, err := WriteAll(dir, sample(), DefaultFormats)
	require.NoError(t, err)
	assert.Len(t, paths, len(DefaultFormats))
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, len(DefaultFormats), "no temporary files are left behind")
	_, err = Select("json,pdf")
	assert.ErrorContains(t, err, `unknown report format "pdf"`)
	_, err = Select(" , ")
	assert.Error(t, err)
}

func TestLine(t *testing.T) {
	assert.Equal(t, "1 passed, 2 failed, 1 warning, 1 skipped", sample().Line())
	r := &Report{Results: []Result{{Verdict: "pass"}}}
	r.Tally()
	assert.True(t, r.OK())
	assert.Equal(t, "1 passed, 0 failed", r.Line())
}

// A hostile target's text in a reason cannot inject HTML into summary.md (GitHub renders inline HTML).
func TestMarkdownEscapesHTML(t *testing.T) {
	r := sample()
	r.Results[1].Reason = `</script><img src=x onerror=alert(1)> <a href="javascript:alert(2)">x</a>`
	var b bytes.Buffer
	require.NoError(t, WriteMarkdown(&b, r))
	assert.NotContains(t, b.String(), "<img")
	assert.NotContains(t, b.String(), "<a href")
	assert.Contains(t, b.String(), "&lt;img src=x onerror=alert(1)&gt;")
}
