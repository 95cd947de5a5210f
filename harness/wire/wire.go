// Package wire sends the harness's HTTP requests and records each exchange for the reports. It never
// follows redirects (a 302 to the login page is a verdict, not a detour) and caps what it reads, so a
// hostile target cannot stall or flood a run.
package wire

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"time"
)

// Exchange is one request and its response as sent and received.
type Exchange struct {
	Method    string
	URL       string
	ReqHeader http.Header
	ReqBody   []byte
	Status    int
	Header    http.Header
	Body      []byte
	// Truncated says the response body was longer than the client's cap and was cut.
	Truncated bool
	Duration  time.Duration
}

// Cookies parses the response's Set-Cookie headers.
func (e *Exchange) Cookies() []*http.Cookie {
	return (&http.Response{Header: e.Header}).Cookies()
}

// Client sends requests with limits. The zero value is not usable; use New.
type Client struct {
	http    *http.Client
	maxBody int64
}

// Defaults a run uses unless told otherwise.
const (
	DefaultTimeout = 30 * time.Second
	DefaultMaxBody = 10 << 20
)

// New makes a client whose requests time out after timeout and whose response bodies are cut at maxBody.
func New(timeout time.Duration, maxBody int64) *Client {
	return &Client{maxBody: maxBody, http: &http.Client{
		Timeout:       timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Transport: &http.Transport{
			Proxy:                  http.ProxyFromEnvironment,
			MaxIdleConnsPerHost:    16,
			IdleConnTimeout:        30 * time.Second,
			ResponseHeaderTimeout:  timeout,
			MaxResponseHeaderBytes: 64 << 10,
			TLSHandshakeTimeout:    10 * time.Second,
		},
	}}
}

// Do sends one request and records it. header may be nil; cookies are added as a Cookie header.
func (c *Client) Do(ctx context.Context, method, url string, header http.Header, body []byte, cookies []*http.Cookie) (*Exchange, error) {
	req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	if header != nil {
		req.Header = header.Clone()
	}
	for _, ck := range cookies {
		req.AddCookie(ck)
	}
	ex := &Exchange{Method: method, URL: url, ReqHeader: req.Header.Clone(), ReqBody: body}
	start := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		return ex, err
	}
	defer resp.Body.Close()
	ex.Status, ex.Header = resp.StatusCode, resp.Header
	ex.Body, err = io.ReadAll(io.LimitReader(resp.Body, c.maxBody+1))
	if int64(len(ex.Body)) > c.maxBody {
		ex.Body, ex.Truncated = ex.Body[:c.maxBody], true
	}
	ex.Duration = time.Since(start)
	return ex, err
}

// CloseIdle releases pooled connections at the end of a run, so no goroutine outlives it.
func (c *Client) CloseIdle() { c.http.CloseIdleConnections() }

// NoAnswer reports whether a request got no status line at all — the target is unreachable —
// as opposed to an answer that was slow or cut short (which is the target's finding, not a reason
// to stop the run).
func NoAnswer(ex *Exchange, err error) bool {
	return err != nil && (ex == nil || ex.Status == 0) && !errors.Is(err, context.Canceled)
}
