package scenario

import (
	"bytes"
	"flag"
	"fmt"
	"strings"
)

// docIntro is the hand-written part of docs/scenarios.md; the command and condition sections
// below it come from the registry.
const docIntro = `# Scenarios

<!-- Generated from the command registry in harness/scenario; do not edit.
     Regenerate: go test ./harness/scenario -run ScenarioDoc -update -->

Scenarios are flows a spec cannot express — log in, call, log out, the same call refused; a session
that expires and one re-login; business sequences across services. Each is a
[testscript](https://pkg.go.dev/github.com/rogpeppe/go-internal/testscript) file (` + "`.txtar`" + `): script
lines first, then the files it uses (request bodies, goldens). testscript's own commands (` + "`exec`, `cmp`, `env`, `skip`" + `, …)
work as usual; svccheck adds the commands below.

## Running them

` + "```sh" + `
svccheck run --scenarios scenarios/                       # embedded reference host, netfx and net
svccheck run --scenarios scenarios/ --fault csrf-off      # see a suite catch a seeded fault
svccheck run --target https://mycreatio.example --flavor netfx --scenarios scenarios/
go test ./scenarios/...                                   # the bundled suites, both flavors
go test ./scenarios/... -update                           # rewrite goldens that differ
` + "```" + `

- Every scenario runs against every target, in parallel (` + "`--parallel`" + `), each with its own session and a
  deadline of one minute for svccheck's commands; programs started with testscript's ` + "`exec`" + ` are killed
  at the batch's deadline (one minute per round of ` + "`--parallel`" + ` scenarios). Each is one result in every report: Check ` + "`scenario`" + `, Operation the file name,
  its log and its HTTP exchanges (redacted).
- A failure names file:line, the command and what differed (a diff for goldens).
- A typo — unknown command, unknown condition, bad flag, wrong number of arguments, a missing prelude — is a
  usage error: ` + "`svccheck run`" + ` exits 2 before anything runs.
- Without ` + "`--target`" + `, scenarios get embedded hosts of their own (same faults, same account), so
  ` + "`expire-session`" + ` and ` + "`logout`" + ` never disturb the checks.
- Paths are flavor-neutral, as in the specs: ` + "`/rest/…`" + ` and ` + "`/ServiceModel/X.svc/…`" + ` get ` + "`/0`" + ` on netfx;
  ` + "`AuthService.svc`" + ` and ` + "`/Login/…`" + ` stay at the site root; ` + "`call --root`" + ` addresses any path as written.
- Identities: ` + "`login`" + ` uses the run's ` + "`--user`" + ` and ` + "`--password-env`" + `. ` + "`login NAME`" + ` needs credentials
  for NAME; the CLI has only the run's own account, so a scenario with ` + "`login other`" + ` is skipped there
  (guard such lines with ` + "`[identity:other]`" + `); ` + "`go test`" + ` gives the embedded host a second account.
- Secrets: passwords and cookie values never appear in logs, reasons, exchanges or goldens; every value the
  run learns is registered with the run's redactor before anything is logged.
- Shared preludes: ` + "`include prelude/login.txt`" + ` runs a file of svccheck commands from the suite directory.
  Preludes live in a subdirectory, so they are not run as scenarios themselves.
- Files: a command's file argument (` + "`call`" + `'s body, ` + "`golden`" + `'s FILE) must be a file of the scenario's own
  archive, archive names must stay inside its work directory, and preludes inside the suite, links
  included: a suite reaches nothing outside itself through svccheck's commands.
- Trust: testscript's own commands run too — ` + "`exec`" + ` starts any program. Run suites you trust, as you
  would a test suite or a Makefile.

## Bundled suites (` + "`scenarios/`" + `)

| suite | field cases | fails against |
|---|---|---|
| auth-cookie | F01 F02 F04 | ` + "`csrf-cookie-httponly`" + ` (also ` + "`login-page-200`, `session-lost`" + `) |
| csrf | F05 F16 F19 | ` + "`csrf-off`" + ` |
| anonymous | F12 F13 | ` + "`anon-registration-lost`" + ` |
| session-expiry-relogin | F04 F22 | ` + "`session-lost`" + ` |
| logout | F04 | ` + "`login-page-200`" + ` |
| datacontract | F07 | ` + "`unwrapped-result`" + ` |
| encoding | F21 | ` + "`unwrapped-result`" + ` |
| charset_cp1251 | F11 F21 | ` + "`charset-binding-lost`" + ` (netfx) |
| errors | F02 F09 F14 F17 F20 | ` + "`login-page-200`" + ` |

` + "`scenarios/scenarios_test.go`" + ` proves each row: the suite passes on the clean host in both flavors and
fails at the expected command against its fault. Still to grow: datacontract could cover ` + "`\\/Date(…)\\/`" + `,
DataMember names and EmitDefaultValue through the demo ` + "`Contact`" + ` operations (F08, F10), which the checks
` + "`dc-*`" + ` already cover.

## Conditions

| condition | true when |
|---|---|
`

// Doc renders docs/scenarios.md from the registry.
func Doc() string {
	var b strings.Builder
	b.WriteString(docIntro)
	for _, c := range Conditions() {
		fmt.Fprintf(&b, "| `[%s]` | %s |\n", c.Name, c.Summary)
	}
	b.WriteString("\n`[short]` is refused: it panics outside `go test`.\n\n## Commands\n")
	for _, c := range Commands() {
		fmt.Fprintf(&b, "\n### %s\n\n```\n%s\n```\n\n%s\n", c.Name, c.Usage(), c.Summary)
		if c.Neg != "" {
			fmt.Fprintf(&b, "\n`! %s`: %s.\n", c.Name, c.Neg)
		}
		fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
		c.Flags(fs)
		var flags bytes.Buffer
		fs.SetOutput(&flags)
		fs.PrintDefaults()
		if flags.Len() > 0 {
			fmt.Fprintf(&b, "\n```\n%s```\n", flags.String())
		}
		fmt.Fprintf(&b, "\nExample:\n\n```\n%s\n```\n", c.Example)
	}
	return b.String()
}
