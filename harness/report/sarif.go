package report

import (
	"encoding/json"
	"io"
)

// SARIF 2.1.0, the subset code scanning reads: one run, the checks as rules, each finding located
// at the line of its operation in the spec file (or of the config file, for doctor), so a code
// scanning upload annotates the contract itself.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	ShortDescription     sarifText    `json:"shortDescription"`
	Help                 *sarifText   `json:"help,omitempty"`
	DefaultConfiguration sarifDefault `json:"defaultConfiguration"`
}

type sarifDefault struct {
	Level string `json:"level"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations,omitempty"`
	PartialFingerprints map[string]string  `json:"partialFingerprints,omitempty"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine int `json:"startLine"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Status        string `json:"status"`
	Justification string `json:"justification,omitempty"`
}

const sarifSchema = "https://json.schemastore.org/sarif-2.1.0.json"

// WriteSARIF writes report.sarif: every finding (failure, error, warning) as a SARIF result; passes
// and skips are not findings. Baselined and waived findings carry a suppression, as code scanning
// expects, instead of disappearing.
func WriteSARIF(w io.Writer, r *Report) error {
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{Name: "svccheck", Version: r.Version,
		InformationURI: "https://github.com/svccheck/svccheck/blob/main/docs/checks.md", Rules: []sarifRule{}}}, Results: []sarifResult{}}
	rules := map[string]int{}
	for _, res := range r.Results {
		if _, ok := rules[res.Check]; !ok {
			rules[res.Check] = len(run.Tool.Driver.Rules)
			rule := sarifRule{ID: res.Check, ShortDescription: sarifText{Text: orDefault(res.Title, res.Check)},
				DefaultConfiguration: sarifDefault{Level: sarifLevel(res.Severity)}}
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, rule)
		}
		if res.Fix != "" && run.Tool.Driver.Rules[rules[res.Check]].Help == nil {
			run.Tool.Driver.Rules[rules[res.Check]].Help = &sarifText{Text: res.Fix}
		}
		if !isFinding(res) {
			continue
		}
		run.Results = append(run.Results, sarifFinding(res, rules[res.Check]))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

func sarifFinding(res Result, rule int) sarifResult {
	msg := res.Target + ": " + res.Operation
	if res.Method != "" {
		msg += " (" + res.Method + " " + res.Path + ")"
	}
	msg += ": " + res.Reason
	if res.Fix != "" {
		msg += "\nFix: " + res.Fix
	}
	out := sarifResult{RuleID: res.Check, RuleIndex: rule, Level: sarifLevel(res.Severity), Message: sarifText{Text: xmlSafe(msg)}}
	if res.Verdict == "warn" && out.Level == "error" {
		out.Level = "warning"
	}
	if res.Spec != "" {
		loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: res.Spec}}}
		if res.Line > 0 {
			loc.PhysicalLocation.Region = &sarifRegion{StartLine: res.Line}
		}
		out.Locations = []sarifLocation{loc}
	}
	if res.Fingerprint != "" {
		out.PartialFingerprints = map[string]string{"svccheck/v1": res.Fingerprint}
	}
	if res.Suppressed != "" {
		out.Suppressions = []sarifSuppression{{Kind: "external", Status: "accepted", Justification: orDefault(res.Waiver, "in the baseline")}}
	}
	return out
}

func sarifLevel(severity string) string {
	switch severity {
	case "warning":
		return "warning"
	case "info":
		return "note"
	}
	return "error"
}

func isFinding(res Result) bool {
	return res.Verdict == "fail" || res.Verdict == "error" || res.Verdict == "warn"
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
