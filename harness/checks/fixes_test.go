package checks

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every check carries the "How to fix" paragraph of its docs/checks.md entry, word for word.
func TestFixTextsMatchCatalogue(t *testing.T) {
	doc, err := os.ReadFile("../../docs/checks.md")
	require.NoError(t, err)
	for _, c := range All() {
		entry := regexp.MustCompile(`(?ms)^## ` + regexp.QuoteMeta(c.ID) + `\n(.*?)(^#|\z)`).FindSubmatch(doc)
		require.NotNil(t, entry, "docs/checks.md has no section for %s", c.ID)
		fix := regexp.MustCompile(`(?s)\*\*How to fix\.\*\* (.*?)(\n\n|\z)`).FindSubmatch(entry[1])
		require.NotNil(t, fix, "%s: no **How to fix.** paragraph", c.ID)
		assert.Equal(t, strings.Join(strings.Fields(string(fix[1])), " "), c.Fix, "%s: Fix differs from docs/checks.md", c.ID)
	}
}
