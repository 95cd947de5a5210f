package wcf

import (
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/svccheck/svccheck/reference/charset"
	"github.com/svccheck/svccheck/reference/datacontract"
)

// Options change one dispatch. DC carries the server's time zone; the other fields imitate
// non-WCF hosts and exist so the reference host can seed faults.
type Options struct {
	DC datacontract.Options
	// WrappedVoidBody is the reply of a Wrapped void operation ("{}", wcf-wire.md §5.2, unconfirmed).
	WrappedVoidBody string
	// BareResult answers Wrapped operations with the bare value (fault unwrapped-result).
	BareResult bool
	// WrapBare wraps Bare replies in {"<Op>Result":…} (fault wrapped-bare).
	WrapBare bool
	// LenientWrapped binds a non-object body of a Wrapped request to its first parameter
	// (fault bare-request-accepted).
	LenientWrapped bool
	// IgnoreMethod runs an operation whatever the HTTP method (fault method-ignored).
	IgnoreMethod bool
	// Encoding is the endpoint's customTextMessageEncoding (netfx only): request bodies and query
	// values are read in it and replies written in it. nil means webHttpBinding (UTF-8/UTF-16).
	Encoding *charset.Charset
	// WriteEncoding is webHttpBinding's writeEncoding (UTF-16LE/BE); nil means UTF-8.
	WriteEncoding *charset.Charset
	// IgnoreCharset reads every request body as UTF-8 whatever its label or first bytes, as a
	// re-host on a UTF-8-only JSON stack does (fault charset-utf8-only).
	IgnoreCharset bool
	// Text holds the unconfirmed text-encoding behaviours (docs/charsets.md); zero fields take
	// DefaultText's values.
	Text TextSettings
}

// TextSettings are text-encoding behaviours no public source pins down; the host profile sets them
// so a measured deployment can be matched (creatio-wire.md §10 row 27, wcf-wire.md §6, §8).
type TextSettings struct {
	// CustomReplyType is the Content-Type of a custom-encoding reply; %s is the charset's label.
	CustomReplyType string
	// CustomQueryInUTF8 reads query values of custom-encoding endpoints as UTF-8 instead of in the
	// endpoint's charset (the Academy example reads them in ISO-8859-1, hence false by default).
	CustomQueryInUTF8 bool
	// UnrecognizedCharsetStatus answers a request charset webHttpBinding does not know.
	UnrecognizedCharsetStatus int
}

// DefaultText is the documented default of every TextSettings field.
var DefaultText = TextSettings{CustomReplyType: "application/json; charset=%s", UnrecognizedCharsetStatus: http.StatusBadRequest}

func (t TextSettings) replyType() string {
	if t.CustomReplyType == "" {
		return DefaultText.CustomReplyType
	}
	return t.CustomReplyType
}

func (t TextSettings) charsetStatus() int {
	if t.UnrecognizedCharsetStatus == 0 {
		return DefaultText.UnrecognizedCharsetStatus
	}
	return t.UnrecognizedCharsetStatus
}

// Serve dispatches a request whose escaped path below the service is opPath (no leading slash):
// the first operation whose UriTemplate and method match runs; a template match under other
// methods is 405 with Allow; a match only with a trailing slash is 307; nothing is 404.
func (s *Service) Serve(w http.ResponseWriter, r *http.Request, opPath string, opt Options) {
	q := queryValues(r.URL.RawQuery)
	var allow []string
	redirect := false
	for _, op := range s.Operations {
		vals, ok := op.tmpl.match(opPath, q)
		if !ok {
			_, slash := op.tmpl.match(opPath+"/", q)
			redirect = redirect || slash
			continue
		}
		if op.HTTPMethod() == r.Method || opt.IgnoreMethod {
			s.invoke(w, r, op, vals, opt)
			return
		}
		allow = append(allow, op.HTTPMethod())
	}
	switch {
	case len(allow) > 0:
		sort.Strings(allow)
		MethodNotAllowed(w, strings.Join(allow, ", "))
	case redirect:
		u := *r.URL
		u.Path += "/"
		u.RawPath = ""
		w.Header().Set("Location", u.String())
		errorPage(w, http.StatusTemporaryRedirect, "Service", "There is no operation at the requested address, but there is one at the redirected address.")
	default:
		NotFound(w)
	}
}

// invoke binds the arguments, runs the handler and writes its reply or fault.
func (s *Service) invoke(w http.ResponseWriter, r *http.Request, op *Operation, vals map[string]string, opt Options) {
	decodeValues(vals, opt)
	args, err := bindArgs(r, op, vals, opt)
	if err != nil {
		bindError(w, err, opt)
		return
	}
	rep, err := op.Handler(&Call{Ctx: r.Context(), Args: args})
	if err != nil {
		writeFault(w, op, err, opt)
		return
	}
	writeReply(w, op, rep, opt)
}

// queryValues parses a query string as ASP.NET's UrlDecode does: a malformed escape ("%zz", a lone
// "%") is kept as literal text instead of dropping the whole pair, as Go's url.ParseQuery does
// (unconfirmed on a live host; it is the documented UrlDecode behaviour).
func queryValues(raw string) url.Values {
	out := url.Values{}
	for _, pair := range strings.Split(raw, "&") {
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		out.Add(lenientUnescape(k), lenientUnescape(v))
	}
	return out
}

func lenientUnescape(s string) string {
	if u, err := url.QueryUnescape(s); err == nil {
		return u
	}
	var b strings.Builder
	s = strings.ReplaceAll(s, "+", " ")
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			n, _ := strconv.ParseUint(s[i+1:i+3], 16, 8)
			b.WriteByte(byte(n))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(c byte) bool {
	return ('0' <= c && c <= '9') || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')
}
