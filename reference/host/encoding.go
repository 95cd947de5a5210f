package host

import (
	"fmt"

	"github.com/svccheck/svccheck/reference/charset"
	"github.com/svccheck/svccheck/reference/faults"
	"github.com/svccheck/svccheck/reference/site"
	"github.com/svccheck/svccheck/reference/wcf"
)

// endpointText is the dispatch options of one .svc endpoint: its customTextMessageEncoding or its
// webHttpBinding writeEncoding (wcf-wire.md §8). The site has already refused unknown names
// (activation error), so a failed lookup here cannot happen for a served endpoint.
func (h *Host) endpointText(ep site.Endpoint) wcf.Options {
	opt := h.dispatchOptions()
	if ep.Encoding != "" && !h.faults.Has(faults.CharsetBindingLost) {
		if c, err := charset.Lookup(ep.Encoding); err == nil {
			opt.Encoding = c
		}
	}
	if ep.WriteEncoding != "" {
		if c, err := charset.Lookup(ep.WriteEncoding); err == nil && !c.IsUTF8() {
			opt.WriteEncoding = c
		}
	}
	return opt
}

// refuseCustomEncodings is the net flavor's answer to a site that configures a custom text
// encoding: Creatio supports them on .NET Framework only (Academy, creatio-wire.md §6.3), and the
// documented default of §10 row 27 for net is to refuse to start. The error names file:line, as
// `svccheck doctor` does for the same finding (DOC-ENC-003).
func refuseCustomEncodings(s *site.Site) error {
	if s.Net == nil {
		return nil
	}
	for _, b := range s.Net.Bindings {
		if b.HasCustomEncoding {
			return fmt.Errorf("%s: customTextMessageEncoding encoding=%q: custom text encodings are supported on .NET Framework only; "+
				"the net host refuses to start (serve UTF-8 JSON on net, or keep the service on netfx; DOC-ENC-003)", b.CustomEncodingPos, b.CustomEncoding)
		}
	}
	return nil
}
