package wcf

import (
	"fmt"
	"net/http"
	"strings"
)

// errorPage writes WCF's XHTML service page (wcf-wire.md §6): checkers match status, Content-Type and
// heading text, so the structure follows WCF while the bytes need not.
func errorPage(w http.ResponseWriter, status int, heading, text string) {
	w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	w.WriteHeader(status)
	fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
  <head>
    <title>%s</title>
  </head>
  <body>
    <div id="content">
      <p class="heading1">%s</p>
      <p>%s</p>
    </div>
  </body>
</html>
`, xmlText.Replace(heading), xmlText.Replace(heading), xmlText.Replace(text))
}

// xmlText escapes element text as XmlWriter does: apostrophes and quotes stay readable.
var xmlText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// NotFound is WCF's answer when no operation template matches.
func NotFound(w http.ResponseWriter) {
	errorPage(w, http.StatusNotFound, "Service", "Endpoint not found.")
}

// MethodNotAllowed is WCF's answer when the path matches only under other methods.
func MethodNotAllowed(w http.ResponseWriter, allow string) {
	w.Header().Set("Allow", allow)
	errorPage(w, http.StatusMethodNotAllowed, "Service", "Method not allowed.")
}

// RequestError is WCF's answer to any exception that is not a WebFaultException: 400, not 500.
func RequestError(w http.ResponseWriter, err error) {
	text := "The server encountered an error processing the request. See server logs for more details."
	if err != nil {
		text = "The server encountered an error processing the request. The exception message is '" + err.Error() + "'."
	}
	errorPage(w, http.StatusBadRequest, "Request Error", text)
}

// ActivationError is ASP.NET's 500 page when WCF cannot open the service host: a missing
// services.config entry, an unresolved binding (creatio-wire.md §5.2; status unconfirmed).
func ActivationError(w http.ResponseWriter, reason string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	fmt.Fprintf(w, "<html><head><title>Server Error in '/0' Application.</title></head><body><h1>Server Error in '/0' Application.</h1><h2><i>%s</i></h2></body></html>\n",
		xmlText.Replace(reason))
}

// UnsupportedMediaType is a SOAP endpoint's answer to JSON (F15): it expects text/xml.
func UnsupportedMediaType(w http.ResponseWriter) {
	w.WriteHeader(http.StatusUnsupportedMediaType)
	fmt.Fprint(w, "Cannot process the message because the content type 'application/json' was not the expected type 'text/xml; charset=utf-8'.")
}
