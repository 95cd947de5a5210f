package session

import (
	"context"
	"sync"

	"github.com/svccheck/svccheck/harness/redact"
	"github.com/svccheck/svccheck/harness/target"
	"github.com/svccheck/svccheck/harness/wire"
)

// Pool hands out one shared login per identity. Concurrent callers wait for the first login instead
// of starting their own; a failed login is remembered for the run rather than retried in a storm.
type Pool struct {
	client *wire.Client
	target target.Target
	red    *redact.Redactor
	mu     sync.Mutex
	byID   map[Identity]*entry
}

type entry struct {
	ready chan struct{}
	sess  *Session
	ex    *wire.Exchange
	err   error
}

// NewPool makes a pool for one target.
func NewPool(c *wire.Client, t target.Target, red *redact.Redactor) *Pool {
	return &Pool{client: c, target: t, red: red, byID: map[Identity]*entry{}}
}

// Get returns the shared session of id, logging in on first use. The exchange is the login's.
func (p *Pool) Get(ctx context.Context, id Identity) (*Session, *wire.Exchange, error) {
	p.mu.Lock()
	e, ok := p.byID[id]
	if !ok {
		e = &entry{ready: make(chan struct{})}
		p.byID[id] = e
	}
	p.mu.Unlock()
	if !ok {
		e.sess, e.ex, e.err = Login(ctx, p.client, p.target, id, p.red)
		close(e.ready)
	}
	select {
	case <-e.ready:
		return e.sess, e.ex, e.err
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
}

// Fresh logs in anew for a check that must not disturb the shared session (logout, expiry).
func (p *Pool) Fresh(ctx context.Context, id Identity) (*Session, *wire.Exchange, error) {
	return Login(ctx, p.client, p.target, id, p.red)
}
