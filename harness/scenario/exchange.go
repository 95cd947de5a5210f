package scenario

import (
	"github.com/svccheck/svccheck/harness/redact"
	"github.com/svccheck/svccheck/harness/report"
	"github.com/svccheck/svccheck/harness/wire"
)

// maxReportBody bounds a body in a report, as the check runner does.
const maxReportBody = 8 << 10

// exchange is a redacted report exchange.
func exchange(red *redact.Redactor, ex *wire.Exchange) report.Exchange {
	body, truncated := ex.Body, ex.Truncated
	if len(body) > maxReportBody {
		body, truncated = body[:maxReportBody], true
	}
	return report.Exchange{
		Request: report.Request{Method: ex.Method, URL: red.String(ex.URL), Headers: red.Header(ex.ReqHeader),
			Body: red.Body(ex.ReqBody)},
		Response: report.Response{Status: ex.Status, Headers: red.Header(ex.Header), Body: red.Body(body),
			Truncated: truncated, DurationMS: ex.Duration.Milliseconds()},
	}
}
