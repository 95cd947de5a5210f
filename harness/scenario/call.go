package scenario

import (
	"flag"
	"fmt"
	"net/http"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
)

// request is one call as a scenario describes it.
type request struct {
	method, path  string
	body          []byte
	contentType   string
	header        http.Header
	csrf, cookies bool
	root          bool
}

// headerList is the repeatable --header K:V flag.
type headerList []string

func (h *headerList) String() string { return strings.Join(*h, ", ") }
func (h *headerList) Set(v string) error {
	if !strings.Contains(v, ":") {
		return fmt.Errorf("want NAME:VALUE, got %q", v)
	}
	*h = append(*h, v)
	return nil
}

func callCommand() Command {
	return Command{Name: "call", Args: "METHOD PATH [body-file] [--charset C] [--content-type T] [--header K:V]... [--no-csrf] [--anonymous] [--root]",
		MinArgs: 2, MaxArgs: 3,
		Summary: "Send a request. PATH is flavor-neutral as in the specs (/rest/…, /ServiceModel/X.svc/…): svccheck adds /0 on netfx, " +
			"except for AuthService.svc and paths given with --root, which stay at the site root. Non-ASCII query text is " +
			"percent-encoded as UTF-8; percent-encoded bytes are sent as written, so a custom charset's query (Name=M%FCller " +
			"in ISO-8859-1) is written that way. The body file (from the scenario's archive) is sent as application/json, re-encoded " +
			"to --charset with the label in Content-Type. A logged-in scenario sends its cookies and echoes BPMCSRF in a header " +
			"for every method, as Creatio's own clients do.",
		Example: "call POST /rest/UsrDemoService/GetContactIdByName ann.json\ncall POST /rest/UsrDemoService/GetContactIdByName ann.json --no-csrf\n" +
			"call GET '/ServiceModel/UsrDemoAnonService.svc/Echo?Text=Иван' --anonymous",
		Flags: func(fs *flag.FlagSet) func(*State, *testscript.TestScript, bool, []string) {
			charset := fs.String("charset", "", "encode the body in this charset and label Content-Type with it")
			ctype := fs.String("content-type", "application/json", "media type of the body")
			var hdrs headerList
			fs.Var(&hdrs, "header", "extra request header NAME:VALUE; repeatable")
			noCSRF := fs.Bool("no-csrf", false, "do not send the BPMCSRF header (the cookie still goes)")
			anon := fs.Bool("anonymous", false, "send no cookies and no BPMCSRF header")
			root := fs.Bool("root", false, "address PATH at the site root, without the /0 alias")
			return func(st *State, ts *testscript.TestScript, _ bool, args []string) {
				r := request{method: strings.ToUpper(args[0]), path: args[1], header: http.Header{},
					csrf: !*noCSRF && !*anon, cookies: !*anon, root: *root}
				for _, h := range hdrs {
					k, v, _ := strings.Cut(h, ":")
					r.header.Add(strings.TrimSpace(k), strings.TrimSpace(v))
				}
				if len(args) == 3 {
					r.body, r.contentType = []byte(ts.ReadFile(workFile(ts, "call", args[2]))), *ctype
					if *charset != "" {
						enc := lookupCharset(ts, *charset)
						b, err := enc.NewEncoder().Bytes(r.body)
						if err != nil {
							ts.Fatalf("call: the body cannot be encoded in %s: %v", *charset, err)
						}
						r.body, r.contentType = b, *ctype+"; charset="+*charset
					}
				}
				send(st, ts, r)
			}
		}}
}

// lookupCharset finds an encoding by IANA name first (so ISO-8859-1 stays Latin-1), then by the
// WHATWG names browsers know (cp1251), as go-notes.md advises.
func lookupCharset(ts *testscript.TestScript, name string) encoding.Encoding {
	if e, err := ianaindex.MIME.Encoding(name); err == nil && e != nil {
		return e
	}
	if e, err := htmlindex.Get(name); err == nil && e != nil {
		return e
	}
	ts.Fatalf("unknown charset %q", name)
	return nil
}

// send performs a request in the scenario's session and records it.
func send(st *State, ts *testscript.TestScript, r request) {
	url := st.url(r.path, r.root)
	h := r.header.Clone()
	if h == nil {
		h = http.Header{}
	}
	var cookies []*http.Cookie
	if st.sess != nil && r.cookies {
		cookies = st.sess.Cookies
		if r.csrf && st.sess.CSRF != "" && h.Get("BPMCSRF") == "" {
			h.Set("BPMCSRF", st.sess.CSRF)
		}
	}
	if r.contentType != "" && h.Get("Content-Type") == "" {
		h.Set("Content-Type", r.contentType)
	}
	ex, err := st.client.Do(st.ctx, r.method, url, h, r.body, cookies)
	st.record(ex)
	if err != nil {
		ts.Fatalf("%s %s: %v", r.method, st.red.String(url), st.red.String(err.Error()))
	}
	ts.Logf("%s %s → %d %s (%d bytes)", r.method, st.red.String(strings.TrimPrefix(url, st.target.Base)), ex.Status,
		ex.Header.Get("Content-Type"), len(ex.Body))
}

// url maps a flavor-neutral path onto the target: workspace routes get the flavor's alias.
func (s *State) url(p string, root bool) string {
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	p = escapeNonASCII(p)
	if root || isRootPath(p) {
		return s.target.Base + p
	}
	return s.target.Base + s.target.Flavor.WorkspacePrefix() + p
}

// isRootPath reports the routes the root application serves in both flavors (F01).
func isRootPath(p string) bool {
	l := strings.ToLower(p)
	return strings.HasPrefix(l, "/servicemodel/authservice.svc") || strings.HasPrefix(l, "/login/")
}

// escapeNonASCII percent-encodes bytes outside ASCII and spaces, leaving the rest of the URL as written.
func escapeNonASCII(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c == ' ' {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
