// Package gate turns a run's results into a CI verdict that stays trustworthy over time: stable
// fingerprints per finding, baselines of known findings, waivers with reasons and expiry dates,
// severities with a --fail-on threshold, deterministic shards, and the merge of shard reports.
package gate

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"

	"github.com/svccheck/svccheck/harness/report"
)

// FingerprintVersion is the recipe's version; it is hashed in, so a changed recipe never matches
// an old baseline by accident.
const FingerprintVersion = "svccheck/v1"

// Volatile parts of a reason, replaced before hashing (docs/reports.md, "Fingerprints").
var volatile = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`(?i)\b[a-z][a-z0-9+.-]*://[^/\s"')]+`), "<origin>"},                                 // scheme://host:port
	{regexp.MustCompile(`(?i)\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b`), "<guid>"},   // GUIDs
	{regexp.MustCompile(`(?i)\b(localhost|\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\]):\d+`), "<host>"},             // host:port
	{regexp.MustCompile(`(?i)(\.aspxauth|bpmcsrf|bpmloader|usertype|sessionid)=[^;,\s"]*`), "$1=<value>"},    // cookie values
	{regexp.MustCompile(`(?i)\b\d+(\.\d+)?\s*(ns|µs|us|ms|s|sec|seconds|b|bytes|kb|kib|mb|mib)\b`), "<n$2>"}, // durations, sizes
	{regexp.MustCompile(`(?i)\b[0-9a-f]{16,}\b`), "<hex>"},                                                   // tokens, hashes
	{regexp.MustCompile(`\d{4,}`), "<n>"},                                                                    // ids, timestamps
}

// Normalise strips the values of a reason that change from run to run (origins and ports, GUIDs,
// cookie values, durations and sizes, long hex tokens, numbers of four digits or more) and folds case
// and spacing. Short numbers such as status codes stay: they are what a finding is about.
func Normalise(reason string) string {
	for _, v := range volatile {
		reason = v.re.ReplaceAllString(reason, v.with)
	}
	return strings.Join(strings.Fields(strings.ToLower(reason)), " ")
}

// Fingerprint identifies a finding across runs: the hash of the recipe version, the check ID, the
// target's flavor (not its label or URL: embedded hosts listen on random ports), the operation, the
// spec file for static findings (not the line: edits above it move it) and the normalised reason.
func Fingerprint(res report.Result, flavor string) string {
	parts := []string{FingerprintVersion, res.Check, flavor, res.Operation}
	if res.Method == "" {
		parts = append(parts, res.Spec)
	} else {
		parts = append(parts, res.Method+" "+res.Path)
	}
	parts = append(parts, Normalise(res.Reason))
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(sum[:16])
}

// Stamp sets the fingerprint of every result of a report.
func Stamp(rep *report.Report) {
	flavors := map[string]string{}
	for _, t := range rep.Targets {
		flavors[t.Label] = t.Flavor
	}
	for i := range rep.Results {
		rep.Results[i].Fingerprint = Fingerprint(rep.Results[i], flavors[rep.Results[i].Target])
	}
}
