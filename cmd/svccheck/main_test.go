package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts run svccheck as a real program through testscript.
func TestMain(m *testing.M) {
	os.Exit(testscript.RunMain(m, map[string]func() int{
		"svccheck": func() int { return Run(os.Args[1:], os.Stdout, os.Stderr) },
	}))
}

// TestScripts runs the CLI's own txtar scripts (testdata/script).
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Cmds: map[string]func(*testscript.TestScript, bool, []string){"freeport": freeport, "waithttp": waithttp,
			"samelastline": sameLastLine},
	})
}

// freeport VAR sets VAR to a loopback port nobody listens on, for `svccheck serve --addr`.
func freeport(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: freeport VAR")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	ts.Check(err)
	port := ln.Addr().(*net.TCPAddr).Port
	ts.Check(ln.Close())
	ts.Setenv(args[0], strconv.Itoa(port))
}

// waithttp URL waits (at most 10 s) until URL answers any HTTP status, e.g. a server started with &.
func waithttp(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: waithttp URL")
	}
	c := &http.Client{Timeout: time.Second}
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if resp, err := c.Get(args[0]); err == nil {
			resp.Body.Close()
			return
		}
	}
	ts.Fatalf("%s did not answer within 10 s", fmt.Sprint(args[0]))
}

// samelastline A B asserts that the last lines of two files are equal: e.g. the closing
// "N passed, N failed" of two runs, without hard-coding N.
func sameLastLine(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: samelastline FILE1 FILE2")
	}
	last := func(name string) string {
		lines := strings.Split(strings.TrimSpace(ts.ReadFile(name)), "\n")
		return lines[len(lines)-1]
	}
	a, b := last(args[0]), last(args[1])
	if (a == b) == neg {
		ts.Fatalf("last lines: %q vs %q", a, b)
	}
}
