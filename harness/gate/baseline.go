package gate

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/svccheck/svccheck/harness/report"
)

// Baseline records the findings a team has accepted for now: a run with --baseline fails only on
// findings that are not in it. Entries keep check, operation and reason so a reviewer can read it.
type Baseline struct {
	Tool        string          `json:"tool"`
	Recipe      string          `json:"fingerprint_recipe"`
	Created     time.Time       `json:"created"`
	FromVersion string          `json:"from_version,omitempty"`
	Findings    []BaselineEntry `json:"findings"`
}

// BaselineEntry is one accepted finding.
type BaselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	Check       string `json:"check"`
	Target      string `json:"target"`
	Operation   string `json:"operation"`
	Reason      string `json:"reason"`
}

// IsFinding says whether a result is something a gate judges: a failure, an error or a warning.
func IsFinding(res report.Result) bool {
	return res.Verdict == "fail" || res.Verdict == "error" || res.Verdict == "warn"
}

// NewBaseline records every finding of a report (suppressed ones too: they are still findings).
func NewBaseline(rep *report.Report, now time.Time) *Baseline {
	Stamp(rep)
	b := &Baseline{Tool: "svccheck", Recipe: FingerprintVersion, Created: now.UTC(), FromVersion: rep.Version, Findings: []BaselineEntry{}}
	seen := map[string]bool{}
	for _, res := range rep.Results {
		if !IsFinding(res) || seen[res.Fingerprint] {
			continue
		}
		seen[res.Fingerprint] = true
		b.Findings = append(b.Findings, BaselineEntry{Fingerprint: res.Fingerprint, Check: res.Check, Target: res.Target,
			Operation: res.Operation, Reason: res.Reason})
	}
	sort.Slice(b.Findings, func(i, j int) bool { return b.Findings[i].Fingerprint < b.Findings[j].Fingerprint })
	return b
}

// Has says whether the baseline holds a fingerprint.
func (b *Baseline) Has(fp string) bool {
	for _, f := range b.Findings {
		if f.Fingerprint == fp {
			return true
		}
	}
	return false
}

// ReadBaseline loads a baseline file, refusing one made with another fingerprint recipe.
func ReadBaseline(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	var b Baseline
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("%s: not a svccheck baseline: %v", path, err)
	}
	if b.Recipe != FingerprintVersion {
		return nil, fmt.Errorf("%s: fingerprint recipe %q, this svccheck uses %q: write the baseline again", path, b.Recipe, FingerprintVersion)
	}
	return &b, nil
}

// WriteBaseline writes a baseline as indented JSON, atomically.
func WriteBaseline(path string, b *Baseline) error {
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(data, '\n'), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// ReadReport loads a report.json.
func ReadReport(path string) (*report.Report, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var r report.Report
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("%s: not a svccheck report.json: %v", path, err)
	}
	return &r, nil
}
