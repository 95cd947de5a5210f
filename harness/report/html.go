package report

import (
	_ "embed"
	"html/template"
	"io"
	"strings"
)

// report.html is one self-contained page (inline CSS and JS, no fetch of any kind): the run's header,
// a route × identity matrix coloured by verdict, filters, and every failure with its transcript,
// reason, fix and reproducers. html/template escapes every value, so hostile bodies stay text.

//go:embed html.tmpl
var htmlSource string

// codeSpans renders a fix text's `code` spans as <code>, escaping everything else.
func codeSpans(s string) template.HTML {
	parts := strings.Split(s, "`")
	var b strings.Builder
	for i, p := range parts {
		if i%2 == 1 && i < len(parts)-1 {
			b.WriteString("<code>" + template.HTMLEscapeString(p) + "</code>")
			continue
		}
		if i%2 == 1 {
			b.WriteString("`")
		}
		b.WriteString(template.HTMLEscapeString(p))
	}
	return template.HTML(b.String())
}

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"code": codeSpans,
	"short": func(s string) string {
		if len(s) > 12 {
			return s[:12]
		}
		return s
	},
	"seconds": func(ms int64) string { return seconds(ms) },
	"safe":    xmlSafe,
}).Parse(htmlSource))

// Identities are the matrix's columns: how a route was called, named by the check that calls it so.
var Identities = []struct{ Name, Check string }{
	{"no session", "auth-session-required"},
	{"session", "auth-session-call"},
	{"session without CSRF", "csrf-header-required"},
	{"anonymous", "anon-access"},
	{"reply shape", "wcf-reply-shape"},
	{"schema", "contract-response-schema"},
}

type htmlView struct {
	R                            *Report
	Failing                      int
	Columns                      []string
	Rows                         []htmlRow
	Findings                     []htmlFinding
	Checks, Operations, Verdicts []string
}

type htmlRow struct {
	Target, Operation, Method, Path string
	Cells                           []htmlCell
}

type htmlCell struct{ Verdict, Reason string }

type htmlFinding struct {
	Result
	Transcript, Curl, Txtar string
}

// WriteHTML writes report.html.
func WriteHTML(w io.Writer, r *Report) error {
	v := htmlView{R: r, Failing: r.Summary.Failed + r.Summary.Errors, Verdicts: []string{"pass", "fail", "error", "warn", "skip"}}
	for _, id := range Identities {
		v.Columns = append(v.Columns, id.Name)
	}
	v.Rows = matrix(r)
	checks, ops := map[string]bool{}, map[string]bool{}
	for _, res := range r.Results {
		if !checks[res.Check] {
			checks[res.Check] = true
			v.Checks = append(v.Checks, res.Check)
		}
		if !ops[res.Operation] {
			ops[res.Operation] = true
			v.Operations = append(v.Operations, res.Operation)
		}
	}
	base := map[string]string{}
	for _, t := range r.Targets {
		base[t.Label] = t.URL
	}
	for _, res := range withVerdict(r, "fail", "error", "warn") {
		v.Findings = append(v.Findings, htmlFinding{Result: res, Transcript: xmlSafe(transcript(res)),
			Curl: Curl(res, base[res.Target]), Txtar: Txtar(res)})
	}
	return htmlTemplate.Execute(w, v)
}

// matrix has a row per target × route and a cell per identity: the verdict of the check that calls
// the route as that identity, empty where the check does not apply.
func matrix(r *Report) []htmlRow {
	var rows []htmlRow
	index := map[string]int{}
	for _, res := range r.Results {
		if res.Method == "" {
			continue
		}
		key := res.Target + "\x00" + res.Operation
		i, ok := index[key]
		if !ok {
			i = len(rows)
			index[key] = i
			rows = append(rows, htmlRow{Target: res.Target, Operation: res.Operation, Method: res.Method, Path: res.Path,
				Cells: make([]htmlCell, len(Identities))})
		}
		for c, id := range Identities {
			if id.Check == res.Check {
				verdict := res.Verdict
				if res.Suppressed != "" {
					verdict += " " + res.Suppressed
				}
				rows[i].Cells[c] = htmlCell{Verdict: verdict, Reason: strings.TrimSpace(xmlSafe(res.Reason))}
			}
		}
	}
	return rows
}
