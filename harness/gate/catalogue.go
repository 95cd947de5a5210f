package gate

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/svccheck/svccheck/harness/checks"
)

// Catalogue names the version of the check catalogue: a short hash of every check's ID, severity,
// title and fix, so a report says which rules judged it and merge refuses to mix catalogues.
func Catalogue(cs []checks.Check) string {
	h := sha256.New()
	for _, c := range cs {
		h.Write([]byte(c.ID + "\x00" + string(c.Severity) + "\x00" + c.Title + "\x00" + c.Fix + "\x00"))
	}
	return "checks-" + hex.EncodeToString(h.Sum(nil))[:12]
}
