package host

import (
	"container/list"
	"crypto/rand"
	"encoding/hex"
	"strings"
	"sync"
	"time"
)

// session is one login: the user and the CSRF token the BPMCSRF header must echo.
type session struct {
	token, user, csrf string
	lastSeen          time.Time
	elem              *list.Element
}

// sessionStore keeps logins with a sliding timeout and a hard cap, dropping the oldest login first,
// so a client that logs in in a loop cannot grow the server without bound.
type sessionStore struct {
	mu      sync.Mutex
	byToken map[string]*session
	order   *list.List // oldest first
	max     int
	timeout time.Duration
	now     func() time.Time
}

func newSessionStore(max int, timeout time.Duration, now func() time.Time) *sessionStore {
	return &sessionStore{byToken: map[string]*session{}, order: list.New(), max: max, timeout: timeout, now: now}
}

// create starts a session for user and returns it; its tokens are fresh random values.
func (s *sessionStore) create(user string) *session {
	sess := &session{token: randomHex(40), user: user, csrf: randomHex(11), lastSeen: s.now()}
	s.mu.Lock()
	defer s.mu.Unlock()
	for s.max > 0 && len(s.byToken) >= s.max {
		s.removeLocked(s.order.Front().Value.(*session))
	}
	sess.elem = s.order.PushBack(sess)
	s.byToken[sess.token] = sess
	return sess
}

// get returns the live session for a token and slides its expiry, or nil.
func (s *sessionStore) get(token string) *session {
	s.mu.Lock()
	defer s.mu.Unlock()
	sess := s.byToken[token]
	if sess == nil {
		return nil
	}
	if s.now().Sub(sess.lastSeen) > s.timeout {
		s.removeLocked(sess)
		return nil
	}
	sess.lastSeen = s.now()
	return sess
}

// remove ends a session (logout).
func (s *sessionStore) remove(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sess := s.byToken[token]; sess != nil {
		s.removeLocked(sess)
	}
}

func (s *sessionStore) len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.byToken)
}

func (s *sessionStore) removeLocked(sess *session) {
	delete(s.byToken, sess.token)
	s.order.Remove(sess.elem)
}

// randomHex returns n random bytes in uppercase hex, the look of a forms-auth ticket.
func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b) // never fails: crypto/rand crashes the program itself when the platform source is broken
	return strings.ToUpper(hex.EncodeToString(b))
}
