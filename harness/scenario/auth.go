package scenario

import (
	"errors"
	"flag"
	"net/http"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/svccheck/svccheck/harness/session"
)

// DefaultIdentity is the name `login` without an argument uses: the run's --user/--password-env.
const DefaultIdentity = "default"

func loginCommand() Command {
	return Command{Name: "login", Args: "[identity] [--wrong-password]", MinArgs: 0, MaxArgs: 1,
		Summary: "Log in at /ServiceModel/AuthService.svc/Login (site root, both flavors) with the run's credentials, or those of a named identity; " +
			"the outcome is judged by Code, never by status (F02). The session's cookies and BPMCSRF token are used by later calls. " +
			"A named identity the run has no credentials for skips the scenario (a target may have one account only).",
		Neg:     "the target must refuse the login (Code ≠ 0 or no .ASPXAUTH); the reply stays available to status/json",
		Example: "login\n! login --wrong-password\njson Code 1",
		Flags: func(fs *flag.FlagSet) func(*State, *testscript.TestScript, bool, []string) {
			wrong := fs.Bool("wrong-password", false, "send a password that is certainly wrong (F02: still HTTP 200)")
			return func(st *State, ts *testscript.TestScript, neg bool, args []string) {
				name := DefaultIdentity
				if len(args) == 1 {
					name = args[0]
				}
				id, ok := st.identities[name]
				if !ok {
					ts.Logf("no credentials for identity %q in this run", name)
					st.t.Skip("login " + name + ": no credentials for this identity in this run")
				}
				if *wrong {
					id.Password = id.Password + "-wrong-" + name
					st.red.AddPassword(id.Password)
				}
				login(st, ts, neg, id)
			}
		}}
}

func login(st *State, ts *testscript.TestScript, neg bool, id session.Identity) {
	s, ex, err := session.Login(st.ctx, st.client, st.target.Target, id, st.red)
	st.record(ex)
	var refused *session.LoginError
	switch {
	case err != nil && !errors.As(err, &refused):
		ts.Fatalf("login %s: %v", id.User, st.red.String(err.Error()))
	case neg && refused == nil:
		st.sess = s
		ts.Fatalf("login %s: succeeded, want a refusal", id.User)
	case neg:
		ts.Logf("login %s refused as expected: %s", id.User, st.red.String(refused.Error()))
	case refused != nil:
		ts.Fatalf("login %s: %s", id.User, st.red.String(refused.Error()))
	default:
		st.sess = s
		ts.Logf("login %s: %d, Code 0, cookies %s", id.User, ex.Status, cookieNames(s.Cookies))
	}
}

func cookieNames(cs []*http.Cookie) string {
	var names []string
	for _, c := range cs {
		names = append(names, c.Name)
	}
	return strings.Join(names, ", ")
}

func logoutCommand() Command {
	return Command{Name: "logout", MinArgs: 0, MaxArgs: 0,
		Summary: "POST {workspace}/rest/MainMenuService/Logout with the session's cookies and BPMCSRF header. The client keeps its cookies " +
			"afterwards, so a following call proves the server ended the session rather than the client forgetting it.",
		Example: "logout\nstatus 200\ncall GET '/rest/UsrCustomConfigurationService/GetContactIdByName?Name=Supervisor'\n! status 200",
		Flags: func(fs *flag.FlagSet) func(*State, *testscript.TestScript, bool, []string) {
			return func(st *State, ts *testscript.TestScript, _ bool, _ []string) {
				if st.sess == nil {
					ts.Fatalf("logout: not logged in")
				}
				send(st, ts, request{method: http.MethodPost, path: "/rest/MainMenuService/Logout", body: []byte("{}"),
					contentType: "application/json", csrf: true, cookies: true})
			}
		}}
}

func expireCommand() Command {
	return Command{Name: "expire-session", Args: "[--client]", MinArgs: 0, MaxArgs: 0,
		Summary: "End the scenario's session on the server, as an idle timeout does; the client keeps its now stale cookies. " +
			"Only an embedded reference host can do that: guard the line with [embedded]. Against a real target, --client " +
			"forgets the client's cookies instead, which proves less (the next call is simply anonymous).",
		Example: "[embedded] expire-session\n[!embedded] expire-session --client",
		Flags: func(fs *flag.FlagSet) func(*State, *testscript.TestScript, bool, []string) {
			client := fs.Bool("client", false, "forget the client's cookies instead of expiring sessions on the server")
			return func(st *State, ts *testscript.TestScript, _ bool, _ []string) {
				switch {
				case *client:
					st.sess = nil
					ts.Logf("the client forgot its cookies")
				case st.target.Expire == nil:
					ts.Fatalf("expire-session: the target is not an embedded reference host; guard the line with [embedded] or use --client")
				case st.sess == nil:
					ts.Fatalf("expire-session: not logged in")
				default:
					st.target.Expire(st.sess)
					ts.Logf("the server ended the session (the client keeps its cookies)")
				}
			}
		}}
}
