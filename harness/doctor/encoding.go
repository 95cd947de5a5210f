package doctor

import (
	"fmt"
	"strings"

	"github.com/svccheck/svccheck/reference/site"
)

// Encoding rule IDs (field case F11; wcf-wire.md §8).
const (
	// EncUnknownCustom: customTextMessageEncoding names no IANA charset.
	EncUnknownCustom = "DOC-ENC-001"
	// EncBadWriteEncoding: webHttpBinding writeEncoding is not UTF-8/UTF-16.
	EncBadWriteEncoding = "DOC-ENC-002"
	// EncCustomOnNet: a custom text encoding on a net site, which Creatio does not support.
	EncCustomOnNet = "DOC-ENC-003"
)

var _ = register(
	Rule{EncUnknownCustom, SeverityError, "custom encoding is not an IANA charset name"},
	Rule{EncBadWriteEncoding, SeverityError, "webHttpBinding writeEncoding not supported"},
	Rule{EncCustomOnNet, SeverityError, "custom text encoding on a net site"},
)

func checkNetfxEncodings(n *site.Netfx) []Finding {
	var out []Finding
	for _, name := range site.FolderNames {
		for _, b := range n.Folders[name].Bindings {
			out = append(out, checkBindingEncoding(b)...)
		}
	}
	return out
}

func checkBindingEncoding(b site.Binding) []Finding {
	var out []Finding
	if b.HasCustomEncoding {
		if _, ok := site.IANAName(b.CustomEncoding); !ok {
			out = append(out, finding(EncUnknownCustom, b.CustomEncodingPos, b.Name,
				fmt.Sprintf("customTextMessageEncoding encoding=%q is not an IANA charset name: WCF activation fails (500)", b.CustomEncoding),
				`Use the IANA name, e.g. encoding="ISO-8859-1" or encoding="windows-1251".`))
		}
	}
	if b.Kind == "webHttpBinding" && b.WriteEncoding != "" && !isWebHTTPEncoding(b.WriteEncoding) {
		out = append(out, finding(EncBadWriteEncoding, b.Pos, b.Name,
			fmt.Sprintf("webHttpBinding writeEncoding=%q: stock webHttpBinding writes only UTF-8 or UTF-16 and refuses to start", b.WriteEncoding),
			`Remove writeEncoding (UTF-8), or move the service to a customBinding with <customTextMessageEncoding encoding="…"/> (netfx only).`))
	}
	return out
}

func isWebHTTPEncoding(e string) bool {
	for _, ok := range site.WebHTTPWriteEncodings {
		if strings.EqualFold(strings.TrimSpace(e), ok) {
			return true
		}
	}
	return false
}

func checkNetEncodings(n *site.Net) []Finding {
	var out []Finding
	for _, b := range n.Bindings {
		if b.HasCustomEncoding {
			out = append(out, finding(EncCustomOnNet, b.CustomEncodingPos, b.Name,
				fmt.Sprintf("customTextMessageEncoding encoding=%q: custom text encodings exist only on .NET Framework; Creatio on .NET ignores or rejects it", b.CustomEncoding),
				"Serve the endpoint as UTF-8 JSON on net (remove the customBinding), or keep the service on a netfx site."))
		}
	}
	return out
}
