package report

import (
	"encoding/json"
	"io"
)

// WriteJSON writes report.json: the whole model, indented, the source for every other tool.
func WriteJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
