package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/svccheck/svccheck/reference/faults"
	"github.com/svccheck/svccheck/reference/host"
	"github.com/svccheck/svccheck/reference/profile"
	"github.com/svccheck/svccheck/reference/site"
)

func serveCommand() command {
	return command{name: "serve", args: "[--flavor netfx|net] [--addr HOST:PORT] [--fault NAME]...",
		summary: "Serve the reference host: Creatio's web-service hosting on the wire, with seeded faults.",
		flags: func(fs *flag.FlagSet) func(context.Context, *cliEnv) int {
			flavor := fs.String("flavor", "", "netfx or net (default: the --site directory's flavor, else netfx)")
			addr := fs.String("addr", "127.0.0.1:8080", "listen address (port 0 picks a free port)")
			user := fs.String("user", "Supervisor", "the account's user name")
			passwordEnv := fs.String("password-env", "", "environment variable holding the account's password (default: Supervisor)")
			siteDir := fs.String("site", "", "site directory in Creatio's file layout (default: the built-in site; see init-site)")
			var fl listFlag
			fs.Var(&fl, "fault", "seed a fault (see 'svccheck faults'); repeatable")
			return func(ctx context.Context, env *cliEnv) int {
				return runServe(ctx, env, serveOptions{*flavor, *addr, *user, *passwordEnv, *siteDir, fl})
			}
		}}
}

// serveOptions are serve's flags.
type serveOptions struct {
	flavor, addr, user, passwordEnv, site string
	faults                                []string
}

func runServe(ctx context.Context, env *cliEnv, o serveOptions) int {
	if len(env.args) > 0 {
		return usageError(env, "serve takes no arguments, got %q", env.args)
	}
	cfg, code := hostConfig(env, o)
	if code != exitOK {
		return code
	}
	h, err := host.New(cfg)
	if err != nil {
		return usageError(env, "%v", err)
	}
	srv, err := host.Start(o.addr, h)
	if err != nil {
		return usageError(env, "cannot listen on %s: %v", o.addr, err)
	}
	fmt.Fprintf(env.stdout, "svccheck reference host (%s) listening on %s\n", cfg.Flavor, srv.URL)
	select {
	case <-ctx.Done():
	case <-waitChan(srv):
		return usageError(env, "the server stopped: %v", srv.Wait())
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Close(shutdown); err != nil {
		fmt.Fprintf(env.stderr, "svccheck: shutdown: %v\n", err)
	}
	return exitOK
}

// waitChan turns the server's Wait into a channel for select.
func waitChan(srv *host.Server) <-chan struct{} {
	ch := make(chan struct{})
	go func() { srv.Wait(); close(ch) }()
	return ch
}

// hostConfig turns serve's flags into a host configuration.
func hostConfig(env *cliEnv, o serveOptions) (host.Config, int) {
	if o.flavor == "" {
		o.flavor = string(profile.NetFx)
		if detected, err := site.Detect(o.site); o.site != "" && err == nil {
			o.flavor = string(detected)
		}
	}
	f, err := profile.ParseFlavor(o.flavor)
	if err != nil {
		return host.Config{}, usageError(env, "--flavor: %v", err)
	}
	fs, err := faults.Parse(o.faults)
	if err != nil {
		return host.Config{}, usageError(env, "--fault: %v", err)
	}
	password := "Supervisor"
	if o.passwordEnv != "" {
		if password = os.Getenv(o.passwordEnv); password == "" {
			return host.Config{}, usageError(env, "--password-env %s: the variable is not set", o.passwordEnv)
		}
	}
	cfg := host.Config{Flavor: f, Faults: fs, Users: map[string]string{o.user: password}}
	if o.site != "" {
		if code := flavorMatches(env, o.site, site.Flavor(f)); code != exitOK {
			return host.Config{}, code
		}
		if cfg.Site, err = site.Load(o.site, site.Flavor(f)); err != nil {
			return host.Config{}, usageError(env, "--site: %v", err)
		}
	}
	return cfg, exitOK
}
