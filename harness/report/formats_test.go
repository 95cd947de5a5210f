package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// gated is sample() as a gate leaves it, plus a failure whose body is hostile HTML and a baselined one.
func gated() *Report {
	r := sample()
	r.Catalogue = "checks-0123456789ab"
	r.Results[1].Fingerprint = "11111111111111111111111111111111"
	r.Results[3].Fingerprint = "33333333333333333333333333333333"
	r.Results = append(r.Results,
		Result{Check: "auth-session-required", Title: "t", Severity: "error", Target: "netfx", Operation: "S.Post", Method: "POST", Path: "/0/rest/S/Post",
			Spec: "specs/a.yaml", Line: 12, Verdict: "fail", Reason: "answered 200 OK (text/html): <b>login page</b>", Fix: "Let unauthenticated calls end in 401.",
			Fingerprint: "44444444444444444444444444444444",
			Exchanges: []Exchange{{Request: Request{Method: "POST", URL: "http://127.0.0.1:1/0/rest/S/Post",
				Headers: map[string][]string{"Content-Type": {"application/json"}}, Body: `{"name":"O'Brien"}`},
				Response: Response{Status: 200, Headers: map[string][]string{"Content-Type": {"text/html"}}, Body: `<script>alert("pwned")</script><img src=x onerror=alert(1)>`}}}},
		Result{Check: "csrf-header-required", Title: "t", Severity: "error", Target: "netfx", Operation: "S.Post", Method: "POST", Path: "/0/rest/S/Post",
			Spec: "specs/a.yaml", Line: 12, Verdict: "fail", Reason: "not refused: 200 OK", Fix: "Set UseCsrfToken to true.", Fingerprint: "55555555555555555555555555555555",
			Suppressed: "waiver", Waiver: "staging has CSRF off (until 2026-12-31)",
			Exchanges: []Exchange{{Request: Request{Method: "POST", URL: "http://127.0.0.1:1/0/rest/S/Post",
				Headers: map[string][]string{"Cookie": {".ASPXAUTH=[redacted]; BPMCSRF=[redacted]"}, "Content-Type": {"application/json"}}, Body: `{}`},
				Response: Response{Status: 200, Body: `{"PostResult":1}`}}}},
	)
	r.Gate = &Gate{FailOn: "error", Waivers: "waivers.yaml", Blocking: 3, Pass: false}
	r.Tally()
	return r
}

// parseHTML parses an HTML document and collects elements by a predicate.
func findAll(n *html.Node, keep func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	if n.Type == html.ElementNode && keep(n) {
		out = append(out, n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, findAll(c, keep)...)
	}
	return out
}

func attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func TestHTMLGoldenAndParseBack(t *testing.T) {
	var b bytes.Buffer
	r := gated()
	require.NoError(t, WriteHTML(&b, r))
	golden(t, "report.html", b.Bytes())
	out := b.String()
	assert.NotContains(t, out, `<script>alert`, "hostile bodies are escaped")
	assert.NotContains(t, out, `<img src=x`, "hostile bodies are escaped")
	assert.NotRegexp(t, `(?i)(src|href)="?https?:`, out, "self-contained: nothing is fetched")

	doc, err := html.Parse(&b)
	require.NoError(t, err)
	count := findAll(doc, func(n *html.Node) bool { return attr(n, "id") == "failure-count" })
	require.Len(t, count, 1)
	assert.Equal(t, "3", attr(count[0], "data-count"), "failures + errors not suppressed")
	findings := findAll(doc, func(n *html.Node) bool { return hasClass(n, "finding") })
	assert.Len(t, findings, 5, "3 failures, 1 error, 1 warning")
	var transcripts, fixes, curls, txtars int
	for _, f := range findings {
		for _, pre := range findAll(f, func(n *html.Node) bool { return n.Data == "pre" }) {
			switch attr(pre, "class") {
			case "transcript":
				transcripts++
			case "curl":
				curls++
				assert.Contains(t, text(pre), "curl -sS -i")
			case "txtar":
				txtars++
			}
		}
		fixes += len(findAll(f, func(n *html.Node) bool { return hasClass(n, "fix") }))
	}
	assert.Equal(t, 3, transcripts)
	assert.Equal(t, 3, curls)
	assert.Equal(t, 3, txtars)
	assert.Equal(t, 3, fixes)
	scripts := findAll(doc, func(n *html.Node) bool { return n.Data == "script" })
	require.Len(t, scripts, 1, "one inline script, no hostile one")
	assert.Empty(t, attr(scripts[0], "src"))
	matrix := findAll(doc, func(n *html.Node) bool { return hasClass(n, "route") })
	assert.Len(t, matrix, 2, "one row per route of the runtime target")
	assert.Contains(t, out, `<td class="v-fail waiver"`, "a waived cell says so")
}

func TestSARIFGoldenAndParseBack(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteSARIF(&b, gated()))
	golden(t, "report.sarif", b.Bytes())
	var back sarifLog
	require.NoError(t, json.Unmarshal(b.Bytes(), &back))
	assert.Equal(t, "2.1.0", back.Version)
	require.Len(t, back.Runs, 1)
	run := back.Runs[0]
	assert.Len(t, run.Results, 5, "findings only: no passes, no skips")
	located := 0
	for _, res := range run.Results {
		assert.Equal(t, res.RuleID, run.Tool.Driver.Rules[res.RuleIndex].ID)
		if len(res.Locations) == 1 {
			located++
			assert.NotEmpty(t, res.Locations[0].PhysicalLocation.ArtifactLocation.URI)
		}
	}
	assert.Equal(t, 4, located, "every finding with a spec file is located in it")
	first := run.Results[0]
	assert.Equal(t, "contract-response-schema", first.RuleID)
	assert.Equal(t, 7, first.Locations[0].PhysicalLocation.Region.StartLine, "the line of the operation in the spec")
	assert.Equal(t, "11111111111111111111111111111111", first.PartialFingerprints["svccheck/v1"])
	assert.Equal(t, "warning", run.Results[2].Level, "doctor's warning")
	assert.Len(t, run.Results[4].Suppressions, 1, "the waived finding is suppressed, not dropped")
	assert.NotContains(t, b.String(), "\x1b", "control characters are stripped")
}

func TestGitHubAnnotations(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteGitHub(&b, gated()))
	golden(t, "github.txt", b.Bytes())
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	assert.Len(t, lines, 4, "the waived finding is not annotated")
	for _, l := range lines {
		assert.Regexp(t, `^::(error|warning) (file=[^,:]+,line=\d+,)?title=[^:]+::`, l)
	}
	assert.Contains(t, b.String(), "%0AFix: Let unauthenticated calls end in 401.")
}

func TestReproducers(t *testing.T) {
	r := gated()
	anon, csrf := r.Results[5], r.Results[6]
	assert.Equal(t, `curl -sS -i -X POST -H 'Content-Type: application/json' --data-binary '{"name":"O'\''Brien"}' 'http://127.0.0.1:1/0/rest/S/Post'`+"\n",
		Curl(anon, "http://127.0.0.1:1"))
	c := Curl(csrf, "http://h")
	assert.Contains(t, c, `curl -sS -c jar.txt`)
	assert.Contains(t, c, `$SVCCHECK_PASSWORD`)
	assert.Contains(t, c, "-b jar.txt -X POST", "the CSRF check's call leaves the header out, so does its reproducer")
	withHeader := csrf
	withHeader.Exchanges = []Exchange{{Request: Request{Method: "GET", URL: "http://h/0/rest/S/Get", Headers: map[string][]string{"Cookie": {"x"}, "BPMCSRF": {"[redacted]"}}}}}
	assert.Contains(t, Curl(withHeader, "http://h"), `-b jar.txt -H "BPMCSRF: $(awk '$6=="BPMCSRF"{print $7}' jar.txt)" -X GET 'http://h/0/rest/S/Get'`)
	assert.NotContains(t, c, "[redacted]", "the redacted cookie is replaced by a login")
	assert.Equal(t, "# auth-session-required on S.Post (netfx): reproducer drafted by svccheck from report.json.\n"+
		"# Found: answered 200 OK (text/html): <b>login page</b>\ncall POST /rest/S/Post body.json\nstatus 401\n\n-- body.json --\n{\"name\":\"O'Brien\"}\n", Txtar(anon))
	csrfNoHeader := csrf
	csrfNoHeader.Exchanges = []Exchange{{Request: Request{Method: "POST", URL: "http://h/0/rest/S/Post", Headers: map[string][]string{"Cookie": {"x"}}}}}
	assert.Contains(t, Txtar(csrfNoHeader), "login\ncall --no-csrf POST /rest/S/Post\n[netfx] status 401\n[net] status 403\n")
}

func TestCodeSpansEscapeEverythingElse(t *testing.T) {
	assert.Equal(t, "Set <code>UseCsrfToken</code> to &lt;b&gt;", string(codeSpans("Set `UseCsrfToken` to <b>")))
	assert.Equal(t, "odd `&lt;x&gt;", string(codeSpans("odd `<x>")), "an unpaired backtick stays text")
}
