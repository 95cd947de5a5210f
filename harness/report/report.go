// Package report holds a run's results and writes them in every format, one file per format. The
// model is already redacted when it reaches this package: writers never see a secret.
package report

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Report is one run: what was tested, with what, and every check × operation result.
type Report struct {
	Tool        string    `json:"tool"`
	Version     string    `json:"version"`
	Started     time.Time `json:"started"`
	DurationMS  int64     `json:"duration_ms"`
	Interrupted bool      `json:"interrupted,omitempty"`
	// Catalogue identifies the check catalogue the run used (IDs, titles, fixes), so two reports can be
	// told apart when svccheck's checks changed between them.
	Catalogue string `json:"catalogue,omitempty"`
	// Shard is "i/n" when the run covered one shard of the operations; merged reports have none.
	Shard string `json:"shard,omitempty"`
	// Gate says how baselines, waivers and --fail-on judged the findings; nil when no gate ran.
	Gate    *Gate    `json:"gate,omitempty"`
	Targets []Target `json:"targets"`
	Specs   []Spec   `json:"specs"`
	Results []Result `json:"results"`
	Summary Summary  `json:"summary"`
}

// Target is a deployment the run tested.
type Target struct {
	Label    string `json:"label"`
	URL      string `json:"url"`
	Flavor   string `json:"flavor"`
	Embedded bool   `json:"embedded,omitempty"`
}

// Spec identifies a spec document by name and content hash, so two reports can be compared.
type Spec struct {
	File   string `json:"file"`
	SHA256 string `json:"sha256"`
}

// Result is one check on one operation of one target.
type Result struct {
	Check     string `json:"check"`
	Title     string `json:"title"`
	Severity  string `json:"severity"`
	Target    string `json:"target"`
	Operation string `json:"operation"`
	Method    string `json:"method"`
	Path      string `json:"path"`
	Spec      string `json:"spec"`
	Line      int    `json:"line"`
	Verdict   string `json:"verdict"`
	Reason    string `json:"reason"`
	// Fix says how to repair a failure (static checks carry it; runtime checks point to docs/checks.md).
	Fix        string     `json:"fix,omitempty"`
	DurationMS int64      `json:"duration_ms"`
	Exchanges  []Exchange `json:"exchanges,omitempty"`
	// Log is a scenario's step-by-step log (redacted), shown with its exchanges.
	Log string `json:"log,omitempty"`
	// Fingerprint identifies a finding across runs (harness/gate: check, flavor, operation, normalised
	// reason); baselines and waivers match on it.
	Fingerprint string `json:"fingerprint,omitempty"`
	// Suppressed is "baseline" or "waiver" when a known finding does not fail the run; Waiver is the
	// waiver's reason.
	Suppressed string `json:"suppressed,omitempty"`
	Waiver     string `json:"waiver,omitempty"`
}

// Gate is the verdict of the CI gate over the findings.
type Gate struct {
	FailOn   string `json:"fail_on"`
	Baseline string `json:"baseline,omitempty"`
	Waivers  string `json:"waivers,omitempty"`
	// Blocking counts findings that fail the run: not baselined, not waived, at or above FailOn.
	Blocking int `json:"blocking"`
	// Expired lists expired waivers ("file:line: …"); any one fails the run.
	Expired []string `json:"expired,omitempty"`
	Pass    bool     `json:"pass"`
}

// Name identifies a result within a run: target, check and operation.
func (r Result) Name() string { return r.Target + " " + r.Check + " " + r.Operation }

// Exchange is a redacted request/response summary.
type Exchange struct {
	Request  Request  `json:"request"`
	Response Response `json:"response"`
}

// Request is what was sent.
type Request struct {
	Method  string              `json:"method"`
	URL     string              `json:"url"`
	Headers map[string][]string `json:"headers,omitempty"`
	Body    string              `json:"body,omitempty"`
}

// Response is what came back.
type Response struct {
	Status     int                 `json:"status"`
	Headers    map[string][]string `json:"headers,omitempty"`
	Body       string              `json:"body,omitempty"`
	Truncated  bool                `json:"truncated,omitempty"`
	DurationMS int64               `json:"duration_ms"`
}

// Summary counts verdicts.
type Summary struct {
	Total   int `json:"total"`
	Passed  int `json:"passed"`
	Failed  int `json:"failed"`
	Skipped int `json:"skipped"`
	// Warnings are findings of warning severity: reported, but they do not fail the run.
	Warnings int `json:"warnings"`
	Errors   int `json:"errors"`
	// Baselined and Waived count findings a baseline or a waiver suppressed (not in Failed/Errors/Warnings).
	Baselined int `json:"baselined,omitempty"`
	Waived    int `json:"waived,omitempty"`
}

// Tally recomputes the summary from the results.
func (r *Report) Tally() {
	s := Summary{Total: len(r.Results)}
	for _, res := range r.Results {
		switch {
		case res.Suppressed == "baseline" && res.Verdict != "pass" && res.Verdict != "skip":
			s.Baselined++
			continue
		case res.Suppressed == "waiver" && res.Verdict != "pass" && res.Verdict != "skip":
			s.Waived++
			continue
		}
		switch res.Verdict {
		case "pass":
			s.Passed++
		case "fail":
			s.Failed++
		case "skip":
			s.Skipped++
		case "warn":
			s.Warnings++
		default:
			s.Errors++
		}
	}
	r.Summary = s
}

// OK reports whether the run has nothing that fails it.
func (r *Report) OK() bool {
	return r.Summary.Failed == 0 && r.Summary.Errors == 0 && (r.Gate == nil || r.Gate.Pass)
}

// Line is the closing line CI readers look for: "N passed, N failed" (errors count as failed).
func (r *Report) Line() string {
	failed := r.Summary.Failed + r.Summary.Errors
	if r.Gate != nil && r.Gate.FailOn == "warning" {
		failed += r.Summary.Warnings // --fail-on warning: a warning fails the run, so it counts as failed
	}
	line := fmt.Sprintf("%d passed, %d failed", r.Summary.Passed, failed)
	if r.Summary.Warnings > 0 {
		line += fmt.Sprintf(", %d %s", r.Summary.Warnings, plural(r.Summary.Warnings, "warning"))
	}
	if r.Summary.Skipped > 0 {
		line += fmt.Sprintf(", %d skipped", r.Summary.Skipped)
	}
	if r.Summary.Baselined > 0 {
		line += fmt.Sprintf(", %d baselined", r.Summary.Baselined)
	}
	if r.Summary.Waived > 0 {
		line += fmt.Sprintf(", %d waived", r.Summary.Waived)
	}
	if r.Gate != nil && len(r.Gate.Expired) > 0 {
		line += fmt.Sprintf(", %d expired %s", len(r.Gate.Expired), plural(len(r.Gate.Expired), "waiver"))
	}
	return line
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// writeAtomic writes a file through a temporary file and a rename, so a reader (or an interrupted
// run) never sees half a report.
func writeAtomic(path string, write func(*os.File) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// Format is one output format: its file name and writer. A format without a file (github) is
// written on stdout by the CLI.
type Format struct {
	Name  string
	File  string
	Write func(*os.File, *Report) error
}

// Formats are the formats svccheck writes, by name.
var Formats = map[string]Format{
	"json":   {Name: "json", File: "report.json", Write: func(f *os.File, r *Report) error { return WriteJSON(f, r) }},
	"junit":  {Name: "junit", File: "junit.xml", Write: func(f *os.File, r *Report) error { return WriteJUnit(f, r) }},
	"md":     {Name: "md", File: "summary.md", Write: func(f *os.File, r *Report) error { return WriteMarkdown(f, r) }},
	"html":   {Name: "html", File: "report.html", Write: func(f *os.File, r *Report) error { return WriteHTML(f, r) }},
	"sarif":  {Name: "sarif", File: "report.sarif", Write: func(f *os.File, r *Report) error { return WriteSARIF(f, r) }},
	"github": {Name: "github", Write: func(f *os.File, r *Report) error { return WriteGitHub(f, r) }},
}

// DefaultFormats are written when the user does not choose.
var DefaultFormats = []string{"json", "junit", "md", "html"}

// KnownFormats lists every format, for help texts and errors.
var KnownFormats = []string{"json", "junit", "md", "html", "sarif", "github"}

// Select parses a comma-separated format list, refusing unknown names.
func Select(list string) ([]string, error) {
	var out []string
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(name)
		if name == "" || slices.Contains(out, name) {
			continue
		}
		if _, ok := Formats[name]; !ok {
			return nil, fmt.Errorf("unknown report format %q (known: %s)", name, strings.Join(KnownFormats, ", "))
		}
		out = append(out, name)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no report format chosen (known: %s)", strings.Join(KnownFormats, ", "))
	}
	return out, nil
}

// WriteAll writes the chosen formats into dir and returns the paths written.
func WriteAll(dir string, r *Report, formats []string) ([]string, error) {
	var paths []string
	for _, name := range formats {
		f, ok := Formats[name]
		if !ok {
			return paths, fmt.Errorf("unknown report format %q (known: %s)", name, strings.Join(KnownFormats, ", "))
		}
		if f.File == "" {
			continue
		}
		p := filepath.Join(dir, f.File)
		if err := writeAtomic(p, func(fh *os.File) error { return f.Write(fh, r) }); err != nil {
			return paths, fmt.Errorf("writing %s: %w", p, err)
		}
		paths = append(paths, p)
	}
	return paths, nil
}
