package scenario

import (
	"context"
	"strings"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/svccheck/svccheck/harness/redact"
	"github.com/svccheck/svccheck/harness/session"
	"github.com/svccheck/svccheck/harness/spec"
	"github.com/svccheck/svccheck/harness/target"
	"github.com/svccheck/svccheck/harness/wire"
)

// Target is a deployment scenarios run against. Expire is set for embedded reference hosts only:
// it ends a session on the server, which a client cannot do to a real deployment.
type Target struct {
	target.Target
	Expire func(*session.Session)
}

// stateKey names the per-scenario State in testscript's values.
type stateKey struct{}

// State is one scenario run against one target: its session, its last answer and every exchange,
// bounded by the scenario's own deadline (testscript gives custom commands no context).
type State struct {
	ctx        context.Context
	cancel     context.CancelFunc
	timeout    time.Duration
	client     *wire.Client
	target     Target
	identities map[string]session.Identity
	red        *redact.Redactor
	specs      []*spec.Spec
	dir        string // the suite directory: include paths are relative to it
	file       string // the scenario file, as the user named it (golden rewrites it)
	update     bool
	cond       func(string) (bool, error)
	t          testscript.T

	sess      *session.Session
	last      *wire.Exchange
	exchanges []*wire.Exchange
}

// stateOf returns the scenario's State; Setup always installs one.
func stateOf(ts *testscript.TestScript) *State {
	return ts.Value(stateKey{}).(*State)
}

// record keeps an exchange for the report and makes it the one assertions look at.
func (s *State) record(ex *wire.Exchange) {
	if ex == nil {
		return
	}
	s.exchanges = append(s.exchanges, ex)
	s.last = ex
}

// lastOrFail is the last answer, failing the scenario when there is none yet.
func (s *State) lastOrFail(ts *testscript.TestScript, cmd string) *wire.Exchange {
	if s.last == nil {
		ts.Fatalf("%s: no response yet (run call or login first)", cmd)
	}
	return s.last
}

// conditionsHold evaluates [cond] prefixes of a prelude line ("!x" negates).
func (s *State) conditionsHold(conds []string) (bool, error) {
	for _, c := range conds {
		want := !strings.HasPrefix(c, "!")
		ok, err := s.cond(strings.TrimSpace(strings.TrimPrefix(c, "!")))
		if err != nil || ok != want {
			return false, err
		}
	}
	return true, nil
}
