package wcf

import (
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strings"

	"github.com/svccheck/svccheck/reference/charset"
)

// charsetError is the text encoder refusing a request before dispatch: WCF answers 400 with an
// empty body (wcf-wire.md §6, status unconfirmed).
type charsetError struct{ msg string }

func (e *charsetError) Error() string { return e.msg }

// webHTTPCharsets is TextEncoderDefaults' table: the request charsets webHttpBinding recognises
// ("utf-16" means detect; wcf-wire.md §8.1).
var webHTTPCharsets = map[string]string{"utf-8": "UTF-8", "utf-16le": "UTF-16LE", "utf-16be": "UTF-16BE", "utf-16": ""}

// decodeRequest turns a JSON request body into UTF-8 the way the endpoint's encoder reads it.
// A custom text encoder reads its own charset whatever the label says (wcf-wire.md §8.2); stock
// webHttpBinding takes the label from its table, sniffs the first two bytes
// (JsonEncodingStreamWrapper: 00 xx → UTF-16BE, xx 00 → UTF-16LE, else UTF-8) and refuses a
// mismatch — which is also why a UTF-16 body with a byte order mark is refused: FF FE sniffs as UTF-8.
func decodeRequest(contentType string, body []byte, opt Options) ([]byte, error) {
	if opt.Encoding != nil {
		return []byte(opt.Encoding.DecodeLossy(body)), nil
	}
	if opt.IgnoreCharset || len(body) == 0 {
		return body, nil
	}
	_, params, _ := mime.ParseMediaType(contentType)
	label, labelled := params["charset"]
	expected, known := webHTTPCharsets[strings.ToLower(strings.TrimSpace(label))]
	if labelled && !known {
		return nil, &charsetError{fmt.Sprintf("Unrecognized charSet '%s' in contentType.", label)}
	}
	data, err := sniff(body)
	if err != nil {
		return nil, err
	}
	if expected != "" && expected != data {
		return nil, fmt.Errorf("Expected encoding '%s', got '%s' instead.", jsonEncodingName(expected), jsonEncodingName(data))
	}
	if data == "UTF-8" {
		return body, nil
	}
	text, err := charset.MustLookup(data).Decode(body)
	if err != nil {
		return nil, errors.New("Invalid bytes in JSON.")
	}
	return []byte(text), nil
}

func sniff(b []byte) (string, error) {
	if len(b) < 2 {
		return "UTF-8", nil
	}
	switch {
	case b[0] == 0 && b[1] != 0:
		return "UTF-16BE", nil
	case b[0] != 0 && b[1] == 0:
		return "UTF-16LE", nil
	case b[0] == 0 && b[1] == 0:
		return "", errors.New("Invalid bytes in JSON.")
	}
	return "UTF-8", nil
}

func jsonEncodingName(n string) string {
	switch n {
	case "UTF-16LE":
		return "utf-16LE"
	case "UTF-16BE":
		return "utf-16BE"
	}
	return "utf-8"
}

// decodeValues turns percent-decoded URL values (raw bytes) into text: in the custom encoding's
// charset on custom-encoding endpoints (the Academy example reads ISO-8859-1 query strings), as
// UTF-8 with U+FFFD for invalid bytes otherwise, as UriTemplate does.
func decodeValues(vals map[string]string, opt Options) {
	for k, v := range vals {
		if opt.Encoding != nil && !opt.Text.CustomQueryInUTF8 {
			vals[k] = opt.Encoding.DecodeLossy([]byte(v))
		} else {
			vals[k] = strings.ToValidUTF8(v, "\uFFFD")
		}
	}
}

// replyCharset is the charset replies are written in: the custom encoding, else webHttpBinding's
// writeEncoding, else UTF-8.
func replyCharset(opt Options) *charset.Charset {
	switch {
	case opt.Encoding != nil:
		return opt.Encoding
	case opt.WriteEncoding != nil:
		return opt.WriteEncoding
	}
	return charset.UTF8
}

// writeText writes a JSON text produced as UTF-8 in the reply charset, labelled with it. Characters
// the charset lacks become '?', as .NET's replacement fallback writes them.
func writeText(w http.ResponseWriter, status int, utf8JSON []byte, opt Options) {
	cs := replyCharset(opt)
	ct := "application/json; charset=" + cs.Label()
	if opt.Encoding != nil {
		ct = fmt.Sprintf(opt.Text.replyType(), cs.Label())
	}
	w.Header().Set("Content-Type", ct)
	w.WriteHeader(status)
	w.Write(cs.EncodeLossy(string(utf8JSON)))
}
