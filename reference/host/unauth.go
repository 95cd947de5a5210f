package host

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/svccheck/svccheck/reference/faults"
	"github.com/svccheck/svccheck/reference/profile"
	"github.com/svccheck/svccheck/reference/wcf"
)

// unauthorized answers a request without a live session, per route family and flavor (§5.1, §10 rows 17–18).
func (h *Host) unauthorized(w http.ResponseWriter, r *http.Request, kind routeKind) {
	if kind == routeRest && h.faults.Has(faults.LoginPage200) {
		loginPage(w, h.flavor)
		return
	}
	u := h.prof.UnauthRest
	if kind == routeSvc {
		u = h.prof.UnauthSvc
	}
	status := u.Status
	if r.Header.Get("X-Requested-With") == "XMLHttpRequest" {
		status = u.XHRStatus
	}
	switch {
	case status == http.StatusFound:
		h.redirectToLogin(w, r)
	case kind == routeSvc:
		wcf.WriteJSON(w, status, authFailed{Message: "Authentication failed.", ExceptionType: h.prof.UnauthExceptionType})
	default:
		w.WriteHeader(status)
	}
}

// authFailed is the JSON envelope of a rejected .svc call; clients match Message by equality (F03, F22).
type authFailed struct {
	Message       string  `dc:"Message,order=0"`
	StackTrace    *string `dc:"StackTrace,order=1"`
	ExceptionType string  `dc:"ExceptionType,order=2"`
}

// redirectToLogin is forms authentication's 302 with the original URL in ReturnUrl (F04).
func (h *Host) redirectToLogin(w http.ResponseWriter, r *http.Request) {
	ret := url.QueryEscape(r.URL.RequestURI())
	if h.flavor == profile.NetFx {
		ret = lowerEscapes(ret) // ASP.NET's HttpUtility.UrlEncode writes lower-case hex
	}
	loc := h.flavor.LoginPage() + "?ReturnUrl=" + ret
	w.Header().Set("Location", loc)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusFound)
	fmt.Fprintf(w, "<html><head><title>Object moved</title></head><body>\r\n<h2>Object moved to <a href=\"%s\">here</a>.</h2>\r\n</body></html>\r\n", loc)
}

var escape = regexp.MustCompile(`%[0-9A-F]{2}`)

func lowerEscapes(s string) string { return escape.ReplaceAllStringFunc(s, strings.ToLower) }

// loginPage is the flavor's HTML login page; the net shell carries the bootstrap.login marker (F04).
func loginPage(w http.ResponseWriter, f profile.Flavor) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	if f == profile.NetFx {
		fmt.Fprint(w, "<!DOCTYPE html>\n<html><head><title>Creatio</title></head><body>\n<form method=\"post\" action=\"./NuiLogin.aspx\" id=\"form1\"><div id=\"loginEdit\"></div></form>\n</body></html>\n")
		return
	}
	fmt.Fprint(w, "<!DOCTYPE html>\n<html><head><title>Creatio</title></head><body>\n<div id=\"app\"></div><script>require([\"bootstrap.login\"]);</script>\n</body></html>\n")
}

// notFound is IIS/Kestrel's plain 404 for paths no application serves.
func notFound(w http.ResponseWriter, status int) {
	http.Error(w, "The resource cannot be found.", status)
}
