package gate

import (
	"fmt"
	"strings"
)

// Severity levels, lowest first. info findings are reported and never fail a run.
const (
	Info    = "info"
	Warning = "warning"
	Error   = "error"
)

var rank = map[string]int{Info: 0, Warning: 1, Error: 2}

// ParseFailOn checks a --fail-on value: error (the default) or warning.
func ParseFailOn(s string) (string, error) {
	if s == Error || s == Warning {
		return s, nil
	}
	return "", fmt.Errorf("--fail-on: want error or warning, got %q", s)
}

// ParseSeverities reads --severity CHECK=LEVEL overrides; known says whether a check ID exists.
func ParseSeverities(list []string, known func(string) bool) (map[string]string, error) {
	out := map[string]string{}
	for _, item := range list {
		id, level, ok := strings.Cut(item, "=")
		if !ok {
			return nil, fmt.Errorf("--severity %q: want CHECK=error|warning|info", item)
		}
		if _, ok := rank[level]; !ok {
			return nil, fmt.Errorf("--severity %q: level must be error, warning or info", item)
		}
		if known != nil && !known(id) {
			return nil, fmt.Errorf("--severity %q: unknown check %q", item, id)
		}
		out[id] = level
	}
	return out, nil
}

// blocks says whether a finding of this severity fails a run at the failOn threshold.
func blocks(severity, failOn string) bool {
	r, ok := rank[severity]
	if !ok {
		r = rank[Error] // an unknown severity is treated as the strictest
	}
	return r >= rank[failOn]
}
