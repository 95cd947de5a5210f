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
	f := cfg.Flavor
	h, err := host.New(cfg)
	if err != nil {
		return target.Target{}, nil, err
	}
	srv, err := host.Start("127.0.0.1:0", h)
	if err != nil {
		return target.Target{}, nil, err
	}
	t, err := target.New(srv.URL, f)
	if err != nil {
		return target.Target{}, nil, err
	}
	t.Label = string(f)
	stop := func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Close(ctx)
	}
	return t, stop, nil
}
