// Package checks holds the conformance checks a spec operation yields. Each check has a stable ID
// (documented in docs/checks.md with what, why and how to fix), decides whether it applies to an
// operation, and runs against one target. One file per check family; IDs are constants.
package checks

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/svccheck/svccheck/harness/session"
	"github.com/svccheck/svccheck/harness/spec"
	"github.com/svccheck/svccheck/harness/target"
	"github.com/svccheck/svccheck/harness/wire"
)

// Verdict is a check's result on one operation.
type Verdict string

// Verdicts. Error means the check could not be carried out (e.g. the target stopped answering).
const (
	Pass  Verdict = "pass"
	Fail  Verdict = "fail"
	Skip  Verdict = "skip"
	Error Verdict = "error"
)

// Severity ranks findings; every check of this catalogue is an error unless it says otherwise.
type Severity string

// Severities.
const (
	SevError   Severity = "error"
	SevWarning Severity = "warning"
)

// Outcome is what a check found, with the exchanges that prove it.
type Outcome struct {
	Verdict   Verdict
	Reason    string
	Exchanges []*wire.Exchange
}

// Env is what a check runs with: the target, an HTTP client and the run's shared logins.
type Env struct {
	Client   *wire.Client
	Target   target.Target
	Sessions *session.Pool
	Identity session.Identity

	replies replies
}

// Check is one catalogue entry.
type Check struct {
	ID       string
	Title    string
	Severity Severity
	// Fix is the "How to fix" paragraph of docs/checks.md, shown next to a failure in every report.
	Fix string
	// Applies says whether the check has anything to say about an operation.
	Applies func(*spec.Operation) bool
	Run     func(context.Context, *Env, *spec.Operation) Outcome
}

// All is the catalogue, in ID order: the order of reports.
func All() []Check {
	var all []Check
	for _, family := range [][]Check{authChecks(), csrfChecks(), anonChecks(), contractChecks(), wcfChecks(), negativeChecks(), dataContractChecks(), charsetChecks()} {
		all = append(all, family...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	for i := range all {
		all[i].Fix = fixes[all[i].ID]
	}
	return all
}

// ByID finds a check, for tests and --check filters.
func ByID(id string) (Check, bool) {
	for _, c := range All() {
		if c.ID == id {
			return c, true
		}
	}
	return Check{}, false
}

// call sends an operation's example request; sess may be nil (no cookies), csrf adds the header.
func call(ctx context.Context, env *Env, op *spec.Operation, sess *session.Session, csrf bool) (*wire.Exchange, error) {
	h := http.Header{}
	var cookies []*http.Cookie
	if sess != nil {
		h = sess.Header(csrf)
		cookies = sess.Cookies
	}
	ct, body := encodeRequest(op, op.Example.ContentType, op.Example.Body)
	if ct != "" {
		h.Set("Content-Type", ct)
	}
	return env.Client.Do(ctx, op.Method, env.Target.URL(op), h, body, cookies)
}

// encodeRequest writes a request body (UTF-8 JSON from the spec) in the operation's charset and
// labels Content-Type with it when that is not UTF-8, as a WCF client of the endpoint does.
// Characters the charset lacks go out as '?', like .NET's encoder fallback.
func encodeRequest(op *spec.Operation, contentType string, body []byte) (string, []byte) {
	cs := op.Text()
	if cs.IsUTF8() || len(body) == 0 {
		return contentType, body
	}
	if contentType != "" && !strings.Contains(strings.ToLower(contentType), "charset=") {
		contentType += "; charset=" + cs.Label()
	}
	return contentType, cs.EncodeLossy(string(body))
}

// sessionFor returns the session a check calls op with: the shared login, or a private one for
// operations that end their session.
func sessionFor(ctx context.Context, env *Env, op *spec.Operation) (*session.Session, *wire.Exchange, error) {
	if op.EndsSession {
		return env.Sessions.Fresh(ctx, env.Identity)
	}
	return env.Sessions.Get(ctx, env.Identity)
}

// outcome helpers keep the check bodies short.
func pass(reason string, ex ...*wire.Exchange) Outcome { return Outcome{Pass, reason, compact(ex)} }
func fail(reason string, ex ...*wire.Exchange) Outcome { return Outcome{Fail, reason, compact(ex)} }
func skip(reason string, ex ...*wire.Exchange) Outcome { return Outcome{Skip, reason, compact(ex)} }
func broken(err error, ex ...*wire.Exchange) Outcome   { return Outcome{Error, err.Error(), compact(ex)} }

func compact(ex []*wire.Exchange) []*wire.Exchange {
	out := ex[:0:0]
	for _, e := range ex {
		if e != nil {
			out = append(out, e)
		}
	}
	return out
}

// isLoginRedirect reports a redirect to a login page (F04).
func isLoginRedirect(ex *wire.Exchange) bool {
	switch ex.Status {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther, http.StatusTemporaryRedirect:
		return strings.Contains(strings.ToLower(ex.Header.Get("Location")), "/login/")
	}
	return false
}

// isHTML reports an HTML answer, the shape of a login or error page parsed as data (F17).
func isHTML(ex *wire.Exchange) bool {
	return strings.Contains(strings.ToLower(ex.Header.Get("Content-Type")), "text/html")
}

// isRefusal reports an answer that tells a client "not authenticated".
func isRefusal(ex *wire.Exchange) bool {
	return ex.Status == http.StatusUnauthorized || ex.Status == http.StatusForbidden || isLoginRedirect(ex)
}

func is2xx(ex *wire.Exchange) bool { return ex.Status >= 200 && ex.Status < 300 }

// describe summarises an answer for a reason text.
func describe(ex *wire.Exchange) string {
	s := http.StatusText(ex.Status)
	out := strings.TrimSpace(strings.Join([]string{strconv.Itoa(ex.Status), s}, " "))
	if loc := ex.Header.Get("Location"); loc != "" {
		out += " to " + loc
	}
	if ct := ex.Header.Get("Content-Type"); ct != "" {
		out += " (" + ct + ")"
	}
	if ex.Truncated {
		out += fmt.Sprintf(", body cut at svccheck's %d-byte cap", len(ex.Body))
	}
	return out
}
