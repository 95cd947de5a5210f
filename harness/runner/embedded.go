package runner

import (
	"context"
	"time"

	"github.com/svccheck/svccheck/harness/target"
	"github.com/svccheck/svccheck/reference/faults"
	"github.com/svccheck/svccheck/reference/host"
	"github.com/svccheck/svccheck/reference/profile"
)

// StartEmbedded starts the reference host of a flavor on a free loopback port, for runs without
// --target. The returned stop function shuts it down and waits for it.
func StartEmbedded(f profile.Flavor, fs faults.Set, users map[string]string) (target.Target, func(), error) {
	return StartHost(host.Config{Flavor: f, Faults: fs, Users: users})
}

// StartHost is StartEmbedded for any host configuration (a site directory, a profile).
func StartHost(cfg host.Config) (target.Target, func(), error) {
	e, err := Embed(cfg)
	if err != nil {
		return target.Target{}, nil, err
	}
	return e.Target, e.Stop, nil
}

// Embedded is a running in-process reference host: its target, the host itself (for scenario
// commands that act on the server, such as ending a session) and how to stop it.
type Embedded struct {
	Target target.Target
	Host   *host.Host
	Stop   func()
}

// Embed starts a host of cfg on a free loopback port, labelled by its flavor.
func Embed(cfg host.Config) (*Embedded, error) {
	h, err := host.New(cfg)
	if err != nil {
		return nil, err
	}
	srv, err := host.Start("127.0.0.1:0", h)
	if err != nil {
		return nil, err
	}
	stop := func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Close(ctx)
	}
	t, err := target.New(srv.URL, cfg.Flavor)
	if err != nil {
		stop()
		return nil, err
	}
	t.Label = string(cfg.Flavor)
	return &Embedded{Target: t, Host: h, Stop: stop}, nil
}
