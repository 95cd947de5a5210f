package host

import (
	"crypto/subtle"
	"io"
	"net/http"
	"time"

	"github.com/svccheck/svccheck/reference/datacontract"
	"github.com/svccheck/svccheck/reference/faults"
	"github.com/svccheck/svccheck/reference/profile"
	"github.com/svccheck/svccheck/reference/wcf"
)

// Cookie names Creatio uses (creatio-wire.md §2.5).
const (
	authCookie     = ".ASPXAUTH"
	csrfCookie     = "BPMCSRF"
	userNameCookie = "UserName"
	loaderCookie   = "BPMLOADER"
)

// credentials is the AuthService.svc/Login request body (§2.2); other members are accepted and ignored.
type credentials struct {
	UserName     string `dc:"UserName"`
	UserPassword string `dc:"UserPassword"`
}

// loginResponse is LoginResponse in the documented member order (§2.3).
type loginResponse struct {
	Code              int             `dc:"Code,order=0"`
	Message           string          `dc:"Message,order=1"`
	Exception         *loginException `dc:"Exception,order=2"`
	PasswordChangeUrl *string         `dc:"PasswordChangeUrl,order=3"`
	RedirectUrl       *string         `dc:"RedirectUrl,order=4"`
	UserType          string          `dc:"UserType,omitdefault,order=5"`
}

// loginException is the Exception object the login page reads Type from (§10 row 2).
type loginException struct {
	Message string `dc:"Message"`
	Type    string `dc:"Type"`
}

// login implements AuthService.svc/Login: the outcome is in Code, the status is 200 either way (F02).
func (h *Host) login(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		wcf.MethodNotAllowed(w, http.MethodPost)
		return
	}
	var c credentials
	if err := wcf.RequireJSON(r.Header.Get("Content-Type")); err != nil {
		wcf.RequestError(w, err)
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		w.WriteHeader(http.StatusRequestEntityTooLarge)
		return
	}
	if err := datacontract.Unmarshal(body, &c); err != nil {
		wcf.RequestError(w, err)
		return
	}
	if !h.passwordOK(c) {
		msg := "Either username or password is specified incorrectly or the user does not exist."
		wcf.WriteJSON(w, h.prof.LoginFailureStatus, loginResponse{Code: 1, Message: msg,
			Exception: &loginException{Message: msg, Type: h.prof.LoginFailureExceptionType}})
		return
	}
	sess := h.sessions.create(c.UserName)
	if h.faults.Has(faults.SessionLost) {
		h.sessions.remove(sess.token)
	}
	h.setLoginCookies(w, sess)
	wcf.WriteJSON(w, http.StatusOK, loginResponse{UserType: h.prof.LoginUserType})
}

func (h *Host) passwordOK(c credentials) bool {
	want, ok := h.users[c.UserName]
	return ok && subtle.ConstantTimeCompare([]byte(want), []byte(c.UserPassword)) == 1
}

// setLoginCookies issues the cookies of §2.5 with the profile's attributes.
func (h *Host) setLoginCookies(w http.ResponseWriter, sess *session) {
	p := h.prof
	cookie := func(name, value, path string, httpOnly bool) *http.Cookie {
		return &http.Cookie{Name: name, Value: value, Path: path, HttpOnly: httpOnly, SameSite: p.CookieSameSite, Secure: p.CookieSecure}
	}
	if h.flavor == profile.NetFx {
		http.SetCookie(w, cookie(loaderCookie, randomHex(12), p.CookiePath, true))
	}
	http.SetCookie(w, cookie(authCookie, sess.token, p.CookiePath, true))
	if p.CSRFEnabled {
		http.SetCookie(w, cookie(csrfCookie, sess.csrf, "/", h.faults.Has(faults.CSRFCookieHTTPOnly)))
	}
	user := cookie(userNameCookie, sess.user, "/", true)
	user.Expires = time.Now().Add(30 * 24 * time.Hour)
	http.SetCookie(w, user)
}

// logout implements MainMenuService.Logout: the session ends on the server (§3, §10 row 20).
func (h *Host) logout(w http.ResponseWriter, sess *session) {
	h.sessions.remove(sess.token)
	for _, name := range []string{authCookie, csrfCookie} {
		http.SetCookie(w, &http.Cookie{Name: name, Value: "", Path: "/", MaxAge: -1})
	}
	wcf.WriteJSON(w, http.StatusOK, logoutReply{})
}

// logoutReply is Logout's Wrapped reply, its result renamed by MessageParameter (§3).
type logoutReply struct {
	RedirectLocation string `dc:"RedirectLocation"`
}
