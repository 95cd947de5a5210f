// Package session logs in to a target the way Creatio's clients do (AuthService.svc/Login, keep the
// cookies, echo BPMCSRF) and shares one login per identity across a run's workers, so a run of
// hundreds of checks costs one login, not hundreds (F18).
package session

import (
	"context"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"

	"github.com/svccheck/svccheck/harness/redact"
	"github.com/svccheck/svccheck/harness/target"
	"github.com/svccheck/svccheck/harness/wire"
)

// Identity is a set of credentials checks run as.
type Identity struct {
	User, Password string
}

// Session is a live login: its cookies and the CSRF token to echo.
type Session struct {
	Identity Identity
	Cookies  []*http.Cookie
	// CSRF is the BPMCSRF cookie's value ("" when the target issues none).
	CSRF string
}

// Cookie returns the session's cookie of that name, or nil.
func (s *Session) Cookie(name string) *http.Cookie {
	for _, c := range s.Cookies {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// Header returns request headers for a call in this session; csrf adds the BPMCSRF header.
func (s *Session) Header(csrf bool) http.Header {
	h := http.Header{}
	if csrf && s.CSRF != "" {
		h.Set("BPMCSRF", s.CSRF)
	}
	return h
}

// LoginError is a login the target refused or answered in an unexpected shape.
type LoginError struct {
	Status int
	Code   int // the reply's Code; -1 when the reply had none
	Msg    string
}

func (e *LoginError) Error() string {
	if e.Code >= 0 {
		return fmt.Sprintf("login refused: Code %d: %s", e.Code, e.Msg)
	}
	return "login failed: " + e.Msg
}

// loginReply is the part of LoginResponse that decides the outcome (creatio-wire.md §2.3).
type loginReply struct {
	Code    *int
	Message string
}

// Login performs one login. Every secret it meets is registered with red before anything is recorded.
func Login(ctx context.Context, c *wire.Client, t target.Target, id Identity, red *redact.Redactor) (*Session, *wire.Exchange, error) {
	red.AddPassword(id.Password)
	body, _ := json.Marshal(map[string]string{"UserName": id.User, "UserPassword": id.Password})
	h := http.Header{"Content-Type": {"application/json"}}
	ex, err := c.Do(ctx, http.MethodPost, t.LoginURL(), h, body, nil)
	if err != nil {
		return nil, ex, err
	}
	for _, ck := range ex.Cookies() {
		red.Add(ck.Value)
	}
	if err := judge(ex); err != nil {
		return nil, ex, err
	}
	s := &Session{Identity: id, Cookies: ex.Cookies()}
	if ck := s.Cookie("BPMCSRF"); ck != nil {
		s.CSRF = ck.Value
	}
	return s, ex, nil
}

// judge decides a login by Code, never by status alone (F02), and demands the auth cookie.
func judge(ex *wire.Exchange) error {
	mt, _, _ := mime.ParseMediaType(ex.Header.Get("Content-Type"))
	var r loginReply
	if ex.Status != http.StatusOK || mt != "application/json" || json.Unmarshal(ex.Body, &r) != nil || r.Code == nil {
		return &LoginError{Status: ex.Status, Code: -1,
			Msg: fmt.Sprintf("expected 200 application/json with a Code member, got %d %q", ex.Status, ex.Header.Get("Content-Type"))}
	}
	if *r.Code != 0 {
		return &LoginError{Status: ex.Status, Code: *r.Code, Msg: r.Message}
	}
	for _, ck := range ex.Cookies() {
		if ck.Name == ".ASPXAUTH" && ck.Value != "" {
			return nil
		}
	}
	return &LoginError{Status: ex.Status, Code: 0, Msg: "Code 0 but no .ASPXAUTH cookie was set"}
}
