package scenario

import (
	"github.com/svccheck/svccheck/harness/runner"
	"github.com/svccheck/svccheck/harness/session"
	"github.com/svccheck/svccheck/reference/faults"
	"github.com/svccheck/svccheck/reference/host"
	"github.com/svccheck/svccheck/reference/profile"
)

// StartEmbedded starts a reference host of a flavor on a free loopback port for scenarios. It is
// their own host, not the checks': a scenario that expires or ends its session must not disturb
// anyone else's. stop shuts it down and waits for it.
func StartEmbedded(f profile.Flavor, fs faults.Set, users map[string]string) (Target, func(), error) {
	e, err := runner.Embed(host.Config{Flavor: f, Faults: fs, Users: users})
	if err != nil {
		return Target{}, nil, err
	}
	expire := func(s *session.Session) {
		if c := s.Cookie(".ASPXAUTH"); c != nil {
			e.Host.EndSession(c.Value)
		}
	}
	return Target{Target: e.Target, Expire: expire}, e.Stop, nil
}
