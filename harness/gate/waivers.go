package gate

import (
	"fmt"
	"os"
	"regexp"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/svccheck/svccheck/harness/report"
)

// Waiver accepts a finding for a while, for a stated reason. It names a fingerprint, or a check
// with an optional operation and flavor; reason and expires (YYYY-MM-DD) are required. A waiver is
// valid through its expiry date (UTC); from the next day on it is expired and fails the run.
type Waiver struct {
	Fingerprint string `yaml:"fingerprint"`
	Check       string `yaml:"check"`
	Operation   string `yaml:"operation"`
	Flavor      string `yaml:"flavor"`
	Reason      string `yaml:"reason"`
	Expires     string `yaml:"expires"`

	File    string    `yaml:"-"`
	Line    int       `yaml:"-"`
	expires time.Time `yaml:"-"`
}

// Where names the waiver in messages: file:line.
func (w Waiver) Where() string { return fmt.Sprintf("%s:%d", w.File, w.Line) }

// Expired says whether the waiver's date has passed at now.
func (w Waiver) Expired(now time.Time) bool { return !now.UTC().Before(w.expires.AddDate(0, 0, 1)) }

// Matches says whether the waiver covers a result of a target with the given flavor.
func (w Waiver) Matches(res report.Result, flavor string) bool {
	if w.Fingerprint != "" {
		return w.Fingerprint == res.Fingerprint
	}
	return w.Check == res.Check && (w.Operation == "" || w.Operation == res.Operation) && (w.Flavor == "" || w.Flavor == flavor)
}

type waiverFile struct {
	Waivers []yaml.Node `yaml:"waivers"`
}

// ReadWaivers loads a waivers file; every problem names file:line.
func ReadWaivers(path string) ([]Waiver, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("waivers: %w", err)
	}
	var f waiverFile
	if err := yaml.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: not a waivers file: %v", path, err)
	}
	var out []Waiver
	for _, n := range f.Waivers {
		w := Waiver{File: path, Line: n.Line}
		if err := knownKeys(n); err != nil {
			return nil, fmt.Errorf("%s: %v", w.Where(), err)
		}
		if err := n.Decode(&w); err != nil {
			return nil, fmt.Errorf("%s: %v", w.Where(), err)
		}
		if err := w.validate(); err != nil {
			return nil, fmt.Errorf("%s: %v", w.Where(), err)
		}
		out = append(out, w)
	}
	return out, nil
}

var fingerprintRe = regexp.MustCompile(`^[0-9a-f]{32}$`)

// waiverKeys are the keys a waiver may have: a misspelt one ("operaton") would otherwise widen the
// waiver to every operation of the check.
var waiverKeys = map[string]bool{"fingerprint": true, "check": true, "operation": true, "flavor": true, "reason": true, "expires": true}

func knownKeys(n yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("a waiver is a mapping of fingerprint/check, operation, flavor, reason and expires")
	}
	for i := 0; i < len(n.Content); i += 2 {
		if k := n.Content[i].Value; !waiverKeys[k] {
			return fmt.Errorf("unknown key %q (known: check, operation, flavor, fingerprint, reason, expires)", k)
		}
	}
	return nil
}

func (w *Waiver) validate() error {
	switch {
	case w.Flavor != "" && w.Flavor != "netfx" && w.Flavor != "net":
		return fmt.Errorf("flavor %q: want netfx or net", w.Flavor)
	case w.Fingerprint != "" && !fingerprintRe.MatchString(w.Fingerprint):
		return fmt.Errorf("fingerprint %q: want 32 hex digits, as report.json has them", w.Fingerprint)
	case w.Fingerprint == "" && w.Check == "":
		return fmt.Errorf("a waiver names a fingerprint or a check")
	case w.Fingerprint != "" && (w.Check != "" || w.Operation != ""):
		return fmt.Errorf("a waiver names a fingerprint or a check (+ operation), not both")
	case w.Reason == "":
		return fmt.Errorf("a waiver needs a reason")
	case w.Expires == "":
		return fmt.Errorf("a waiver needs an expiry date (expires: YYYY-MM-DD)")
	}
	t, err := time.Parse(time.DateOnly, w.Expires)
	if err != nil {
		return fmt.Errorf("expires %q: want YYYY-MM-DD", w.Expires)
	}
	w.expires = t
	return nil
}
