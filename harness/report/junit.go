package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// The de-facto JUnit schema (go-notes.md): testsuites/testsuite/testcase/failure/skipped/system-out.
type junitSuites struct {
	XMLName xml.Name     `xml:"testsuites"`
	Name    string       `xml:"name,attr"`
	Tests   int          `xml:"tests,attr"`
	Fails   int          `xml:"failures,attr"`
	Errors  int          `xml:"errors,attr"`
	Time    string       `xml:"time,attr"`
	Suites  []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name    string      `xml:"name,attr"`
	Tests   int         `xml:"tests,attr"`
	Fails   int         `xml:"failures,attr"`
	Errors  int         `xml:"errors,attr"`
	Skipped int         `xml:"skipped,attr"`
	Cases   []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitMessage `xml:"failure,omitempty"`
	Error     *junitMessage `xml:"error,omitempty"`
	Skipped   *junitMessage `xml:"skipped,omitempty"`
	SystemOut *junitText    `xml:"system-out,omitempty"`
}

type junitMessage struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",cdata"`
}

// junitText keeps transcripts readable: CDATA instead of an escape per newline.
type junitText struct {
	Text string `xml:",cdata"`
}

// WriteJUnit writes junit.xml: one suite per target, one testcase per check × operation, classname =
// check ID (GitLab groups by it). Characters XML 1.0 forbids are stripped, whatever the bodies hold.
func WriteJUnit(w io.Writer, r *Report) error {
	out := junitSuites{Name: "svccheck", Time: seconds(r.DurationMS)}
	index := map[string]int{}
	for _, res := range r.Results {
		i, ok := index[res.Target]
		if !ok {
			i = len(out.Suites)
			index[res.Target] = i
			out.Suites = append(out.Suites, junitSuite{Name: res.Target})
		}
		s := &out.Suites[i]
		s.Tests++
		c := junitCase{Name: xmlSafe(caseName(res)), Classname: res.Check,
			Time: seconds(res.DurationMS)}
		if out := systemOut(res); out != "" {
			c.SystemOut = &junitText{Text: xmlSafe(out)}
		}
		msg := &junitMessage{Message: xmlSafe(res.Reason), Type: res.Check, Text: xmlSafe(strings.TrimSpace(res.Reason + "\n" + res.Fix))}
		switch res.Verdict {
		case "fail":
			c.Failure, s.Fails = msg, s.Fails+1
		case "skip":
			c.Skipped, s.Skipped = msg, s.Skipped+1
		case "pass", "warn":
		default:
			c.Error, s.Errors = msg, s.Errors+1
		}
		s.Cases = append(s.Cases, c)
	}
	for _, s := range out.Suites {
		out.Tests, out.Fails, out.Errors = out.Tests+s.Tests, out.Fails+s.Fails, out.Errors+s.Errors
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func seconds(ms int64) string { return fmt.Sprintf("%.3f", float64(ms)/1000) }

// xmlSafe drops characters XML 1.0 cannot carry (control bytes, ANSI escapes, U+FFFE/U+FFFF); the
// Markdown writer uses it too, so a terminal escape in a body never reaches a CI page.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return r
		case r < 0x20, r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
			return -1
		}
		return r
	}, s)
}

// transcript renders a result's exchanges as plain text for system-out and the Markdown details.
func transcript(res Result) string {
	var b strings.Builder
	for _, ex := range res.Exchanges {
		fmt.Fprintf(&b, "> %s %s\n", ex.Request.Method, ex.Request.URL)
		writeHeaders(&b, "> ", ex.Request.Headers)
		if ex.Request.Body != "" {
			fmt.Fprintf(&b, ">\n> %s\n", ex.Request.Body)
		}
		fmt.Fprintf(&b, "< %d (%d ms)\n", ex.Response.Status, ex.Response.DurationMS)
		writeHeaders(&b, "< ", ex.Response.Headers)
		if ex.Response.Body != "" {
			fmt.Fprintf(&b, "<\n%s\n", ex.Response.Body)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// systemOut is a testcase's log: a warning's reason and fix, then the transcript.
func systemOut(res Result) string {
	out := transcript(res)
	if res.Log != "" {
		out = res.Log + "\n" + out
	}
	if res.Verdict == "warn" {
		out = "warning: " + res.Reason + "\n" + out
	}
	if res.Fix != "" && res.Verdict != "pass" {
		out += "fix: " + res.Fix + "\n"
	}
	return out
}

// caseName names a testcase: the operation and its route, or file:line for static findings.
func caseName(res Result) string {
	if res.Method == "" {
		return location(res)
	}
	return res.Operation + " (" + res.Method + " " + res.Path + ")"
}
