package report

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
)

// Reproducers turn a failure's first (redacted) exchange into something a person can run again.
// Secrets never come back: the session is made by logging in with the password from the
// environment ($SVCCHECK_PASSWORD), and any value still reading [redacted] has to be filled in.

// expectedStatus is what a correct host answers to the reproducer's call, per check.
var expectedStatus = map[string]string{
	"auth-login":               "200",
	"auth-session-required":    "401",
	"auth-session-call":        "200",
	"csrf-header-required":     "401",
	"anon-access":              "200",
	"contract-response-schema": "200",
	"wcf-reply-shape":          "200",
	"wcf-content-type":         "200",
	"wcf-raw-refused":          "400",
	"wcf-required-member":      "400",
	"wcf-body-limit":           "413",
	"wcf-method-not-allowed":   "405",
	"wcf-unknown-operation":    "404",
	"wcf-request-shape":        "400",
	"dc-date-format":           "200",
	"dc-required-members":      "200",
	"dc-member-case":           "200",
	"dc-dictionary-shape":      "200",
	"dc-backing-fields":        "200",
}

// droppedHeaders are set by curl or by the login itself.
var droppedHeaders = map[string]bool{"cookie": true, "bpmcsrf": true, "content-length": true, "host": true,
	"user-agent": true, "accept-encoding": true}

// Curl returns shell lines that replay a result's first exchange against base (the site root).
func Curl(res Result, base string) string {
	if len(res.Exchanges) == 0 || res.Method == "" {
		return ""
	}
	req := res.Exchanges[0].Request
	var b strings.Builder
	session := has(req.Headers, "Cookie")
	if session || res.Check == "auth-login" {
		b.WriteString("# log in first; the password comes from your secret store, never from the report\n")
		fmt.Fprintf(&b, "curl -sS -c jar.txt -H 'Content-Type: application/json' -d \"{\\\"UserName\\\":\\\"$SVCCHECK_USER\\\",\\\"UserPassword\\\":\\\"$SVCCHECK_PASSWORD\\\"}\" %s\n",
			shellQuote(strings.TrimRight(base, "/")+"/ServiceModel/AuthService.svc/Login"))
		if res.Check == "auth-login" {
			return b.String()
		}
	}
	b.WriteString("curl -sS -i")
	if session {
		b.WriteString(" -b jar.txt")
		if has(req.Headers, "BPMCSRF") {
			b.WriteString(` -H "BPMCSRF: $(awk '$6=="BPMCSRF"{print $7}' jar.txt)"`)
		}
	}
	fmt.Fprintf(&b, " -X %s", req.Method)
	for _, k := range sortedKeys(req.Headers) {
		if droppedHeaders[strings.ToLower(k)] {
			continue
		}
		for _, v := range req.Headers[k] {
			fmt.Fprintf(&b, " -H %s", shellQuote(k+": "+v))
		}
	}
	if req.Body != "" {
		fmt.Fprintf(&b, " --data-binary %s", shellQuote(req.Body))
	}
	fmt.Fprintf(&b, " %s\n", shellQuote(req.URL))
	return b.String()
}

// Txtar returns a draft scenario (the `svccheck run --scenarios` vocabulary: login, call, status)
// that fails while the finding stands and passes once it is fixed.
func Txtar(res Result) string {
	if len(res.Exchanges) == 0 || res.Method == "" {
		return ""
	}
	req := res.Exchanges[0].Request
	var b strings.Builder
	fmt.Fprintf(&b, "# %s on %s (%s): reproducer drafted by svccheck from report.json.\n", res.Check, res.Operation, res.Target)
	fmt.Fprintf(&b, "# Found: %s\n", strings.Join(strings.Fields(xmlSafe(res.Reason)), " "))
	if has(req.Headers, "Cookie") || res.Check == "auth-login" {
		b.WriteString("login\n")
	}
	if res.Check == "auth-login" {
		return b.String()
	}
	path := req.URL
	if u, err := url.Parse(req.URL); err == nil {
		path = u.RequestURI()
	}
	path = strings.TrimPrefix(path, "/0") // scenarios write paths as .NET serves them; call adds /0 on netfx
	call := "call"
	if has(req.Headers, "Cookie") && !has(req.Headers, "BPMCSRF") {
		call += " --no-csrf"
	}
	fmt.Fprintf(&b, "%s %s %s", call, req.Method, path)
	if req.Body != "" {
		b.WriteString(" body.json")
	}
	b.WriteString("\n")
	switch want, ok := expectedStatus[res.Check]; {
	case res.Check == "csrf-header-required": // the refusal differs by flavor (creatio-wire.md §10 row 11)
		b.WriteString("[netfx] status 401\n[net] status 403\n")
	case ok:
		fmt.Fprintf(&b, "status %s\n", want)
	}
	if req.Body != "" {
		fmt.Fprintf(&b, "\n-- body.json --\n%s\n", xmlSafe(req.Body))
	}
	return b.String()
}

func has(h map[string][]string, name string) bool {
	for k := range h {
		if strings.EqualFold(k, name) {
			return true
		}
	}
	return false
}

func sortedKeys(h map[string][]string) []string {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// shellQuote single-quotes s for POSIX shells.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(xmlSafe(s), "'", `'\''`) + "'"
}
