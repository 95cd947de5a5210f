package report

import (
	"fmt"
	"io"
	"strings"
)

// WriteGitHub writes GitHub Actions workflow commands, one `::error` (or `::warning`, `::notice` for
// info) line per unsuppressed finding, pointing at the spec file and line; printed on stdout, they
// annotate the pull request. Expired waivers get an `::error` of their own.
func WriteGitHub(w io.Writer, r *Report) error {
	var b strings.Builder
	for _, res := range r.Results {
		if !isFinding(res) || res.Suppressed != "" {
			continue
		}
		level := map[string]string{"error": "error", "warning": "warning", "note": "notice"}[sarifLevel(res.Severity)]
		if res.Verdict == "warn" && level == "error" {
			level = "warning"
		}
		props := []string{}
		if res.Spec != "" {
			props = append(props, "file="+ghProperty(res.Spec))
			if res.Line > 0 {
				props = append(props, fmt.Sprintf("line=%d", res.Line))
			}
		}
		props = append(props, "title="+ghProperty(res.Check+" "+res.Target+" "+res.Operation))
		msg := res.Reason
		if res.Fix != "" {
			msg += "\nFix: " + res.Fix
		}
		fmt.Fprintf(&b, "::%s %s::%s\n", level, strings.Join(props, ","), ghData(msg))
	}
	if r.Gate != nil {
		for _, e := range r.Gate.Expired {
			fmt.Fprintf(&b, "::error title=expired waiver::%s\n", ghData(e))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ghData escapes a workflow command's message (GitHub's toolkit: %, CR, LF).
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(xmlSafe(s))
}

// ghProperty escapes a workflow command's property value (also ':' and ',').
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(xmlSafe(s))
}
