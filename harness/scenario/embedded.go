package scenario

import (
	"context"
	"time"

	"github.com/svccheck/svccheck/harness/session"
	"github.com/svccheck/svccheck/harness/target"
	"github.com/svccheck/svccheck/reference/faults"
	"github.com/svccheck/svccheck/reference/host"
	"github.com/svccheck/svccheck/reference/profile"
)

// StartEmbedded starts a reference host of a flavor on a free loopback port for scenarios. It is
// their own host, not the checks': a scenario that expires or ends its session must not disturb
// anyone else's. stop shuts it down and waits for it.
func StartEmbedded(f profile.Flavor, fs faults.Set, users map[string]string) (Target, func(), error) {
	h, err := host.New(host.Config{Flavor: f, Faults: fs, Users: users})
	if err != nil {
		return Target{}, nil, err
	}
	srv, err := host.Start("127.0.0.1:0", h)
	if err != nil {
		return Target{}, nil, err
	}
	stop := func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Close(ctx)
	}
	t, err := target.New(srv.URL, f)
	if err != nil {
		stop()
		return Target{}, nil, err
	}
	t.Label = string(f)
	expire := func(s *session.Session) {
		if c := s.Cookie(".ASPXAUTH"); c != nil {
			h.EndSession(c.Value)
		}
	}
	return Target{Target: t, Expire: expire}, stop, nil
}
