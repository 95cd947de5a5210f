package main

import (
	"bytes"
	"flag"
	"fmt"
	"strings"
)

// cliDoc renders docs/cli.md from the command registry, so the reference never drifts from the code
// (TestCLIDocIsCurrent fails when it does; `go test ./cmd/svccheck -run CLIDoc -update` rewrites it).
func cliDoc() string {
	var b strings.Builder
	b.WriteString("# svccheck command reference\n\n<!-- Generated from the command registry in cmd/svccheck; do not edit.\n     Regenerate: go test ./cmd/svccheck -run CLIDoc -update -->\n\n")
	b.WriteString("Exit codes are listed in [exit-codes.md](exit-codes.md).\n")
	for _, c := range commands() {
		fs := flag.NewFlagSet("svccheck "+c.name, flag.ContinueOnError)
		c.flags(fs)
		var flags bytes.Buffer
		fs.SetOutput(&flags)
		fs.PrintDefaults()
		fmt.Fprintf(&b, "\n## svccheck %s\n\n```\n%s\n```\n\n%s\n", c.name, strings.TrimSpace("svccheck "+c.name+" "+c.args), c.summary)
		if flags.Len() > 0 {
			fmt.Fprintf(&b, "\n```\n%s```\n", flags.String())
		}
	}
	return b.String()
}
