package report

import (
	"fmt"
	"html"
	"io"
	"sort"
	"strings"
)

// WriteMarkdown writes summary.md: counts per target, then every failure with its reason and
// transcript, short enough for $GITHUB_STEP_SUMMARY.
func WriteMarkdown(w io.Writer, r *Report) error {
	var b strings.Builder
	b.WriteString("# svccheck summary\n\n")
	if r.Interrupted {
		b.WriteString("**The run was interrupted: these are partial results.**\n\n")
	}
	fmt.Fprintf(&b, "**%s** in %.1f s\n\n", r.Line(), float64(r.DurationMS)/1000)
	b.WriteString("| target | flavor | passed | failed | skipped |\n|---|---|---:|---:|---:|\n")
	for _, t := range r.Targets {
		p, f, s := count(r, t.Label)
		fmt.Fprintf(&b, "| %s | %s | %d | %d | %d |\n", mdCell(t.Label), t.Flavor, p, f, s)
	}
	writeGate(&b, r)
	if warns := withVerdict(r, "warn"); len(warns) > 0 {
		b.WriteString("\n## Warnings\n\n| where | check | reason |\n|---|---|---|\n")
		for _, res := range warns {
			fmt.Fprintf(&b, "| %s | `%s` | %s |\n", mdCell(location(res)), res.Check, mdCell(res.Reason))
		}
	}
	failures := failed(r)
	if len(failures) == 0 {
		b.WriteString("\nNo failures.\n")
	} else {
		b.WriteString("\n## Failures\n\n| target | check | operation | reason |\n|---|---|---|---|\n")
		for _, res := range failures {
			reason := res.Reason
			if res.Fix != "" {
				reason += " — fix: " + res.Fix
			}
			fmt.Fprintf(&b, "| %s | `%s` | %s | %s |\n", mdCell(res.Target), res.Check, mdCell(location(res)), mdCell(reason))
		}
		b.WriteString("\nWhat each check means and how to fix it: docs/checks.md.\n")
		for _, res := range failures {
			if len(res.Exchanges) == 0 {
				continue
			}
			fmt.Fprintf(&b, "\n<details><summary>%s</summary>\n\n```\n%s```\n</details>\n", mdCell(res.Name()), strings.ReplaceAll(xmlSafe(transcript(res)), "```", "'''"))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func count(r *Report, target string) (pass, fail, skip int) {
	for _, res := range r.Results {
		if res.Target != target {
			continue
		}
		switch res.Verdict {
		case "pass", "warn": // a warning does not fail the run, so it does not count as failed here
			pass++
		case "skip":
			skip++
		default:
			fail++
		}
	}
	return
}

// failed lists failing and erroring results in a stable order.
func failed(r *Report) []Result { return withVerdict(r, "fail", "error") }

// withVerdict lists the results with one of the verdicts, sorted by name.
func withVerdict(r *Report, verdicts ...string) []Result {
	var out []Result
	for _, res := range r.Results {
		for _, v := range verdicts {
			if res.Verdict == v {
				out = append(out, res)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out
}

// mdCell keeps table cells on one line and pipes from breaking the table.
func mdCell(s string) string {
	// HTML-escaped too: GitHub renders inline HTML, and reasons can carry a hostile target's text
	return strings.ReplaceAll(html.EscapeString(strings.Join(strings.Fields(xmlSafe(s)), " ")), "|", `\|`)
}

func writeHeaders(b *strings.Builder, prefix string, h map[string][]string) {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, v := range h[k] {
			fmt.Fprintf(b, "%s%s: %s\n", prefix, k, v)
		}
	}
}

// location is where a result points: the operation, plus file:line for static findings.
func location(res Result) string {
	if res.Method == "" && res.Spec != "" {
		return fmt.Sprintf("%s:%d %s", res.Spec, res.Line, res.Operation)
	}
	return res.Operation
}

// writeGate says what the CI gate decided: baselined and waived counts and every expired waiver.
func writeGate(b *strings.Builder, r *Report) {
	if r.Gate == nil {
		return
	}
	fmt.Fprintf(b, "\nGate: fail on %s; %d blocking, %d baselined, %d waived.\n", r.Gate.FailOn, r.Gate.Blocking, r.Summary.Baselined, r.Summary.Waived)
	for _, e := range r.Gate.Expired {
		fmt.Fprintf(b, "- **expired waiver** %s\n", mdCell(e))
	}
}
