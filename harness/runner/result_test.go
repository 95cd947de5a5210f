package runner

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A target answering with thousands of headers, or huge ones, cannot blow up the reports.
func TestClipHeaders(t *testing.T) {
	h := http.Header{}
	for i := 0; i < 500; i++ {
		h.Add("X-Junk", strings.Repeat("x", 5000))
	}
	got := clipHeaders(h)
	assert.Len(t, got["X-Junk"], maxReportHeaders)
	assert.Len(t, got.Get("X-Junk"), maxHeaderValue+len("…"))
	assert.NotEmpty(t, got.Get("X-Svccheck-Clipped"))
	small := http.Header{"A": {"1"}, "B": {"2"}}
	assert.Equal(t, small, clipHeaders(small))
}
