package site

import (
	"strings"

	"golang.org/x/text/encoding/ianaindex"
)

// IANAName returns the preferred MIME name of a registered IANA charset name or alias
// ("latin1" → "ISO-8859-1"), and false when the name is not registered. Names registered but not
// implemented by x/text come back unchanged.
func IANAName(name string) (string, bool) {
	enc, err := ianaindex.IANA.Encoding(name)
	if err != nil {
		return "", false
	}
	if enc == nil {
		return name, true
	}
	if m, err := ianaindex.MIME.Name(enc); err == nil && m != "" {
		return m, true
	}
	if m, err := ianaindex.IANA.Name(enc); err == nil && m != "" {
		return m, true
	}
	return name, true
}

// WebHTTPWriteEncodings are the only writeEncoding values stock webHttpBinding accepts
// (wcf-wire.md §8.1); anything else fails activation.
var WebHTTPWriteEncodings = []string{"utf-8", "utf-16LE", "utf-16BE", "utf-16"}

func isWebHTTPEncoding(e string) bool {
	for _, ok := range WebHTTPWriteEncodings {
		if strings.EqualFold(strings.TrimSpace(e), ok) {
			return true
		}
	}
	return false
}
