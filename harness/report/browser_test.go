package report_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/svccheck/svccheck/harness/runner/runnertest"
	"github.com/svccheck/svccheck/reference/host"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/svccheck/svccheck/harness/checks"
	"github.com/svccheck/svccheck/harness/gate"
	"github.com/svccheck/svccheck/harness/report"
	"github.com/svccheck/svccheck/reference/faults"
	"github.com/svccheck/svccheck/reference/profile"
)

// chromium finds Debian's Chromium; the test skips without it unless SVCCHECK_BROWSER=1 (make
// test-browser, CI), where a missing browser is a failure.
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("SVCCHECK_BROWSER") == "1" {
		t.Fatal("SVCCHECK_BROWSER=1 but chromium is not installed (make test-browser installs it)")
	}
	t.Skip("chromium not installed; run make test-browser")
	return ""
}

// headless runs Chromium with the flags this machine's closed network needs and a fresh profile.
func headless(t *testing.T, bin string, args ...string) []byte {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(), "--window-size=1400,1900", "--hide-scrollbars"}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var stderr []byte
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); ok {
		stderr = ee.Stderr
	}
	require.NoError(t, err, "chromium: %s", stderr)
	return out
}

// failingRun runs the bundled specs against an embedded netfx host with two seeded faults, so the
// report has failures with transcripts, as `svccheck run --fault …` writes it.
func failingRun(t *testing.T) *report.Report {
	rep := runnertest.Host(t, host.Config{Flavor: profile.NetFx, Faults: faults.Set{faults.CSRFOff: true, faults.UnwrappedResult: true}})
	rep.Catalogue = gate.Catalogue(checks.All())
	gate.Apply(rep, gate.Policy{Now: time.Now()})
	require.False(t, rep.OK())
	return rep
}

var update = os.Getenv("SVCCHECK_UPDATE_SCREENSHOT") == "1"

// The HTML report renders in a real browser: the failure count its script computes from the DOM
// equals report.json's, each failure shows its transcript, the URL filters work, and a screenshot
// is kept in the test's artifacts (and in docs/report-html.png with SVCCHECK_UPDATE_SCREENSHOT=1).
func TestBrowserRendersHTMLReport(t *testing.T) {
	bin := chromium(t)
	rep := failingRun(t)
	dir := t.ArtifactDir()
	_, err := report.WriteAll(dir, rep, []string{"json", "html"})
	require.NoError(t, err)
	back, err := gate.ReadReport(filepath.Join(dir, "report.json"))
	require.NoError(t, err)
	want := back.Summary.Failed + back.Summary.Errors
	require.Positive(t, want)
	page := "file://" + filepath.Join(dir, "report.html")

	dom := string(headless(t, bin, "--dump-dom", page))
	m := regexp.MustCompile(`<body data-rendered-failures="(\d+)"`).FindStringSubmatch(dom)
	require.NotNil(t, m, "the page's script ran and counted the failures it rendered")
	got, _ := strconv.Atoi(m[1])
	assert.Equal(t, want, got, "failures rendered in the browser = report.json's")
	assert.Contains(t, dom, `data-count="`+strconv.Itoa(want)+`"`)
	assert.Regexp(t, `(?s)<section class="finding fail" data-check="csrf-header-required".*?<pre class="transcript">&gt; POST http://127\.0\.0\.1:\d+/0/rest/UsrDemoService/`, dom,
		"the CSRF failure shows its request transcript")
	assert.Contains(t, dom, ".ASPXAUTH=[redacted]", "with the session cookie redacted")
	assert.Regexp(t, `\d+ results shown`, dom)

	csrfFails := 0
	for _, res := range back.Results {
		if res.Check == "csrf-header-required" && res.Verdict == "fail" {
			csrfFails++
		}
	}
	require.Positive(t, csrfFails)
	filtered := string(headless(t, bin, "--dump-dom", page+"#verdict=fail&check=csrf-header-required"))
	assert.Contains(t, filtered, `<span id="shown">`+strconv.Itoa(csrfFails)+` results shown</span>`, "the filters select the CSRF failures")

	shot := filepath.Join(dir, "report-html.png")
	headless(t, bin, "--screenshot="+shot, page)
	info, err := os.Stat(shot)
	require.NoError(t, err)
	assert.Greater(t, info.Size(), int64(10_000), "a real picture, not a blank page")
	t.Logf("screenshot: %s", shot)
	if update {
		data, err := os.ReadFile(shot)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile("../../docs/report-html.png", data, 0o644))
	}
}
