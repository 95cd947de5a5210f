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
)

func serveCommand() command {
	return command{name: "serve", args: "[--flavor netfx|net] [--addr HOST:PORT] [--fault NAME]...",
		summary: "Serve the reference host: Creatio's web-service hosting on the wire, with seeded faults.",
		flags: func(fs *flag.FlagSet) func(context.Context, *cliEnv) int {
			flavor := fs.String("flavor", "netfx", "netfx or net")
			addr := fs.String("addr", "127.0.0.1:8080", "listen address (port 0 picks a free port)")
			user := fs.String("user", "Supervisor", "the account's user name")
			passwordEnv := fs.String("password-env", "", "environment variable holding the account's password (default: Supervisor)")
			var fl listFlag
			fs.Var(&fl, "fault", "seed a fault (see 'svccheck faults'); repeatable")
			return func(ctx context.Context, env *cliEnv) int {
				return runServe(ctx, env, *flavor, *addr, *user, *passwordEnv, fl)
			}
		}}
}

func runServe(ctx context.Context, env *cliEnv, flavor, addr, user, passwordEnv string, fl []string) int {
	if len(env.args) > 0 {
		return usageError(env, "serve takes no arguments, got %q", env.args)
	}
	f, err := profile.ParseFlavor(flavor)
	if err != nil {
		return usageError(env, "--flavor: %v", err)
	}
	fs, err := faults.Parse(fl)
	if err != nil {
		return usageError(env, "--fault: %v", err)
	}
	password := "Supervisor"
	if passwordEnv != "" {
		if password = os.Getenv(passwordEnv); password == "" {
			return usageError(env, "--password-env %s: the variable is not set", passwordEnv)
		}
	}
	h, err := host.New(host.Config{Flavor: f, Faults: fs, Users: map[string]string{user: password}})
	if err != nil {
		return usageError(env, "%v", err)
	}
	srv, err := host.Start(addr, h)
	if err != nil {
		return usageError(env, "cannot listen on %s: %v", addr, err)
	}
	fmt.Fprintf(env.stdout, "svccheck reference host (%s) listening on %s\n", f, srv.URL)
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
