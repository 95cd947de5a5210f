package scenario

import (
	"flag"
	"mime"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/svccheck/svccheck/harness/wire"
)

func statusCommand() Command {
	return Command{Name: "status", Args: "N [N...]", MinArgs: 1, MaxArgs: -1,
		Summary: "The last response's status is one of the given codes (several where the wire reference leaves it open, e.g. F05's 401 or 403).",
		Neg:     "the status is none of them",
		Example: "status 200\n[netfx] status 401\n[net] status 302\n! status 200",
		Flags: func(fs *flag.FlagSet) func(*State, *testscript.TestScript, bool, []string) {
			return func(st *State, ts *testscript.TestScript, neg bool, args []string) {
				ex := st.lastOrFail(ts, "status")
				var want []int
				for _, a := range args {
					n, err := strconv.Atoi(a)
					if err != nil || n < 100 || n > 599 {
						ts.Fatalf("status: %q is not an HTTP status", a)
					}
					want = append(want, n)
				}
				if slices.Contains(want, ex.Status) == neg {
					ts.Fatalf("status: got %s, want %s%s", describe(ex), notIf(neg), strings.Join(args, " or "))
				}
			}
		}}
}

func notIf(neg bool) string {
	if neg {
		return "anything but "
	}
	return ""
}

// describe summarises an answer: status, Location and Content-Type.
func describe(ex *wire.Exchange) string {
	out := strconv.Itoa(ex.Status) + " " + http.StatusText(ex.Status)
	if loc := ex.Header.Get("Location"); loc != "" {
		out += " to " + loc
	}
	if ct := ex.Header.Get("Content-Type"); ct != "" {
		out += " (" + ct + ")"
	}
	return out
}

func headerCommand() Command {
	return Command{Name: "header", Args: "NAME REGEX", MinArgs: 2, MaxArgs: 2,
		Summary: "A header of the last response matches the regular expression (Go syntax, unanchored).",
		Neg:     "the header is absent or no value matches",
		Example: "header Content-Type '^application/json; charset=utf-8$'\nheader Location '/Login/'",
		Flags: func(fs *flag.FlagSet) func(*State, *testscript.TestScript, bool, []string) {
			return func(st *State, ts *testscript.TestScript, neg bool, args []string) {
				ex := st.lastOrFail(ts, "header")
				re := compile(ts, args[1])
				vals := ex.Header.Values(args[0])
				found := slices.ContainsFunc(vals, re.MatchString)
				if found == neg {
					ts.Fatalf("header %s: got %q, want %svalue matching %q", args[0], st.red.String(strings.Join(vals, " | ")), notIf(neg), args[1])
				}
			}
		}}
}

func compile(ts *testscript.TestScript, expr string) *regexp.Regexp {
	re, err := regexp.Compile(expr)
	if err != nil {
		ts.Fatalf("bad regular expression %q: %v", expr, err)
	}
	return re
}

func cookieCommand() Command {
	return Command{Name: "cookie", Args: "NAME [httponly|!httponly] [secure|!secure] [samesite=V] [cleared]", MinArgs: 1, MaxArgs: 5,
		Summary: "The last response sets the cookie NAME with the given attributes; `cleared` means it is deleted (empty value or expired). " +
			"Values are never printed.",
		Neg:     "the response sets no cookie of that name",
		Example: "cookie .ASPXAUTH httponly\ncookie BPMCSRF !httponly\n[net] cookie BPMCSRF samesite=Lax\ncookie .ASPXAUTH cleared",
		Flags: func(fs *flag.FlagSet) func(*State, *testscript.TestScript, bool, []string) {
			return func(st *State, ts *testscript.TestScript, neg bool, args []string) {
				ex := st.lastOrFail(ts, "cookie")
				var ck *http.Cookie
				for _, c := range ex.Cookies() {
					if c.Name == args[0] {
						ck = c
					}
				}
				switch {
				case neg && ck != nil:
					ts.Fatalf("cookie %s: set, want no such cookie", args[0])
				case neg:
					return
				case ck == nil:
					ts.Fatalf("cookie %s: not set (cookies set: %s)", args[0], cookieNames(ex.Cookies()))
				}
				for _, attr := range args[1:] {
					if msg := cookieAttr(ck, attr); msg != "" {
						ts.Fatalf("cookie %s: %s", args[0], msg)
					}
				}
			}
		}}
}

// cookieAttr checks one attribute word, returning what is wrong ("" when it holds).
func cookieAttr(c *http.Cookie, attr string) string {
	switch strings.ToLower(attr) {
	case "httponly", "!httponly":
		if c.HttpOnly != (attr[0] != '!') {
			return "HttpOnly is " + strconv.FormatBool(c.HttpOnly) + ", want " + attr
		}
	case "secure", "!secure":
		if c.Secure != (attr[0] != '!') {
			return "Secure is " + strconv.FormatBool(c.Secure) + ", want " + attr
		}
	case "cleared":
		if c.Value != "" && c.MaxAge >= 0 {
			return "still has a value and no Max-Age<0, want it cleared"
		}
	default:
		want, ok := strings.CutPrefix(strings.ToLower(attr), "samesite=")
		if !ok {
			return "unknown attribute " + attr + " (want httponly, secure, samesite=V, cleared)"
		}
		if got := sameSite(c.SameSite); got != want {
			return "SameSite is " + got + ", want " + want
		}
	}
	return ""
}

func sameSite(s http.SameSite) string {
	switch s {
	case http.SameSiteLaxMode:
		return "lax"
	case http.SameSiteStrictMode:
		return "strict"
	case http.SameSiteNoneMode:
		return "none"
	}
	return "unset"
}

func bodyCommand() Command {
	return Command{Name: "body", Args: "REGEX", MinArgs: 1, MaxArgs: 1,
		Summary: "The last response's body, decoded with the charset its Content-Type declares, matches the regular expression.",
		Neg:     "it does not match",
		Example: `body '^\{"EchoResult":"a\\/b"\}$'`,
		Flags: func(fs *flag.FlagSet) func(*State, *testscript.TestScript, bool, []string) {
			return func(st *State, ts *testscript.TestScript, neg bool, args []string) {
				text := decodedBody(ts, st.lastOrFail(ts, "body"))
				if compile(ts, args[0]).MatchString(text) == neg {
					ts.Fatalf("body: %s, want %smatch for %q", clipText(st.red.Body([]byte(text))), notIf(neg), args[0])
				}
			}
		}}
}

// decodedBody decodes a body with the charset of its Content-Type (utf-8 when none is declared).
func decodedBody(ts *testscript.TestScript, ex *wire.Exchange) string {
	_, params, _ := mime.ParseMediaType(ex.Header.Get("Content-Type"))
	cs := params["charset"]
	if cs == "" || strings.EqualFold(cs, "utf-8") {
		return string(ex.Body)
	}
	b, err := lookupCharset(ts, cs).NewDecoder().Bytes(ex.Body)
	if err != nil {
		ts.Fatalf("the body is not valid %s: %v", cs, err)
	}
	return string(b)
}

// clipText keeps failure messages readable.
func clipText(s string) string {
	const max = 400
	if len(s) > max {
		return strconv.Quote(s[:max]) + "…"
	}
	return strconv.Quote(s)
}
