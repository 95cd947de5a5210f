package runner

import (
	"context"
	"net/http"
	"sort"
	"time"

	"github.com/svccheck/svccheck/harness/redact"
	"github.com/svccheck/svccheck/harness/report"
	"github.com/svccheck/svccheck/harness/wire"
)

// Bounds of what one exchange puts in a report: enough to read, small enough for a CI log, and safe
// against a target that answers with megabytes of headers.
const (
	maxReportBody    = 8 << 10
	maxReportHeaders = 64
	maxHeaderValue   = 1 << 10
)

// runJob runs one check and turns its outcome into a redacted report result.
func runJob(ctx context.Context, red *redact.Redactor, j job) report.Result {
	start := time.Now()
	out := j.check.Run(ctx, j.env, j.op)
	res := report.Result{
		Check: j.check.ID, Title: j.check.Title, Severity: string(j.check.Severity),
		Target: j.env.Target.Label, Operation: j.op.ID, Method: j.op.Method, Path: j.op.Path,
		Spec: j.op.Spec.File, Line: j.op.Line, Verdict: string(out.Verdict), Reason: red.String(out.Reason),
		DurationMS: time.Since(start).Milliseconds(),
	}
	if out.Verdict != "pass" && out.Verdict != "skip" {
		res.Fix = j.check.Fix
	}
	for _, ex := range out.Exchanges {
		res.Exchanges = append(res.Exchanges, exchange(red, ex))
	}
	return res
}

func exchange(red *redact.Redactor, ex *wire.Exchange) report.Exchange {
	body, truncated := clip(ex.Body)
	return report.Exchange{
		Request: report.Request{Method: ex.Method, URL: red.String(ex.URL), Headers: clipHeaders(red.Header(ex.ReqHeader)),
			Body: red.Body(ex.ReqBody)},
		Response: report.Response{Status: ex.Status, Headers: clipHeaders(red.Header(ex.Header)), Body: red.Body(body),
			Truncated: truncated || ex.Truncated, DurationMS: ex.Duration.Milliseconds()},
	}
}

func clip(b []byte) ([]byte, bool) {
	if len(b) > maxReportBody {
		return b[:maxReportBody], true
	}
	return b, false
}

// clipHeaders keeps at most maxReportHeaders header lines (in name order), each cut at maxHeaderValue.
func clipHeaders(h http.Header) http.Header {
	names := make([]string, 0, len(h))
	for k := range h {
		names = append(names, k)
	}
	sort.Strings(names)
	out, n := http.Header{}, 0
	for _, k := range names {
		for _, v := range h[k] {
			if n == maxReportHeaders {
				out.Add("X-Svccheck-Clipped", "more headers were left out")
				return out
			}
			if len(v) > maxHeaderValue {
				v = v[:maxHeaderValue] + "…"
			}
			out.Add(k, v)
			n++
		}
	}
	return out
}
