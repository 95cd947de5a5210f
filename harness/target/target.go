// Package target turns a deployment's base URL and flavor into the URLs of spec operations: workspace
// routes get the /0 alias on netfx, root routes (login) never do (creatio-wire.md §1).
package target

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/svccheck/svccheck/harness/spec"
	"github.com/svccheck/svccheck/harness/wire"
	"github.com/svccheck/svccheck/reference/charset"
	"github.com/svccheck/svccheck/reference/profile"
)

// Target is one deployment under test.
type Target struct {
	// Base is the site root, without a trailing slash (and without /0).
	Base   string
	Flavor profile.Flavor
	// Label names the target in reports: the flavor for embedded hosts, the URL otherwise.
	Label string
}

// New validates a base URL: http or https with a host, no query; a trailing /0 is refused because
// svccheck adds the alias itself where the flavor needs it.
func New(raw string, f profile.Flavor) (Target, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Target{}, fmt.Errorf("--target %q: expected an http:// or https:// site root such as https://mycreatio.example", raw)
	}
	if u.User != nil {
		return Target{}, fmt.Errorf("--target: credentials in the URL are not accepted (they would show in every report); use --user and --password-env")
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return Target{}, fmt.Errorf("--target %q: expected a site root without query or fragment", raw)
	}
	base := strings.TrimRight(u.String(), "/")
	if strings.HasSuffix(base, "/0") {
		return Target{}, fmt.Errorf("--target %q: give the site root without /0; svccheck adds /0 for netfx routes", raw)
	}
	return Target{Base: base, Flavor: f, Label: base}, nil
}

// LoginURL is AuthService.svc/Login at the site root, in both flavors (F01).
func (t Target) LoginURL() string { return t.Base + "/ServiceModel/AuthService.svc/Login" }

// Path maps a spec path to the target's layout.
func (t Target) Path(r spec.Route, p string) string {
	if r == spec.RouteWorkspace {
		return t.Base + t.Flavor.WorkspacePrefix() + p
	}
	return t.Base + p
}

// URL is the full URL of an operation's example request.
func (t Target) URL(op *spec.Operation) string { return t.QueryURL(op, op.Example.Query) }

// QueryURL is the operation's URL with other query values. They are percent-encoded in the
// operation's query charset — the custom encoding's bytes (Müller in ISO-8859-1 is M%FCller, F11),
// else UTF-8; a value the charset cannot write goes out as '?', as a .NET client's encoder sends it.
func (t Target) QueryURL(op *spec.Operation, query map[string]string) string {
	u := t.Path(op.Route, op.Example.Path)
	if q := encodeQuery(query, op.QueryCharset()); q != "" {
		u += "?" + q
	}
	return u
}

// encodeQuery writes parameters in name order so requests (and reports) are stable.
func encodeQuery(q map[string]string, cs *charset.Charset) string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		v, err := charset.QueryEscape(q[k], cs)
		if err != nil {
			v, _ = charset.QueryEscape(string(cs.DecodeLossy(cs.EncodeLossy(q[k]))), cs)
		}
		parts[i] = url.QueryEscape(k) + "=" + v
	}
	return strings.Join(parts, "&")
}

// DetectFlavor tells the flavor of a deployment the way clio does, by probing the layouts: the
// workspace alias /0 exists only on netfx, where AuthService.svc under it answers (401, F01); on net
// /0 is 404 (creatio-wire.md §1 and §10 row 8 — a default, not a certainty: pass --flavor to be sure).
func DetectFlavor(ctx context.Context, c *wire.Client, t Target) (profile.Flavor, error) {
	ex, err := c.Do(ctx, http.MethodGet, t.Base+"/0/ServiceModel/AuthService.svc/Login", nil, nil, nil)
	if wire.NoAnswer(ex, err) {
		return "", fmt.Errorf("target %s is unreachable: %v", t.Base, err)
	}
	if ex.Status == http.StatusNotFound {
		return profile.Net, nil
	}
	return profile.NetFx, nil
}
