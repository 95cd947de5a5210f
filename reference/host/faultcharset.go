package host

import (
	"net/http"

	"github.com/svccheck/svccheck/reference/charset"
	"github.com/svccheck/svccheck/reference/faults"
)

// charsetFaults are the seeded faults that rewrite the text encoding of replies.
var charsetFaults = []faults.Name{faults.CharsetMislabelled, faults.CharsetUTF8AsLatin1, faults.CharsetMissing, faults.CharsetQuoted}

func holdsForCharset(f faults.Set) bool {
	for _, n := range charsetFaults {
		if f.Has(n) {
			return true
		}
	}
	return false
}

// rewriteCharset applies the charset faults to a JSON reply written in a custom encoding (a label
// outside UTF-8/UTF-16); Unicode replies are left alone.
func rewriteCharset(f faults.Set, h http.Header, label string, body []byte) []byte {
	cs, err := charset.Lookup(label)
	if label == "" || err != nil || cs.IsUnicode() {
		return body
	}
	switch {
	case f.Has(faults.CharsetUTF8AsLatin1):
		body = []byte(cs.DecodeLossy(body)) // same text, UTF-8 bytes, old label
	case f.Has(faults.CharsetMislabelled):
		h.Set("Content-Type", "application/json; charset=utf-8")
	case f.Has(faults.CharsetMissing):
		h.Set("Content-Type", "application/json")
	case f.Has(faults.CharsetQuoted):
		h.Set("Content-Type", `application/json; charset="`+label+`"`)
	}
	return body
}
