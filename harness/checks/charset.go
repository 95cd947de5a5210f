package checks

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/svccheck/svccheck/harness/spec"
	"github.com/svccheck/svccheck/harness/wire"
	"github.com/svccheck/svccheck/reference/charset"
	"github.com/svccheck/svccheck/reference/profile"
)

// Charset check IDs (field cases F11, F21; wcf-wire.md §8).
const (
	CharsetDeclared       = "charset-declared"
	CharsetValidBytes     = "charset-valid-bytes"
	CharsetRoundTrip      = "charset-roundtrip"
	CharsetMojibake       = "charset-mojibake"
	CharsetUTF16Request   = "charset-utf16-request"
	CharsetCustomEncoding = "charset-custom-encoding"
)

func charsetChecks() []Check {
	custom := func(o *spec.Operation) bool { return hasJSONReply(o) && o.CustomCharset() }
	return []Check{
		{ID: CharsetDeclared, Title: "A reply in a custom encoding names its charset, unquoted, in Content-Type", Severity: SevError,
			Applies: custom, Run: checkCharsetDeclared},
		{ID: CharsetValidBytes, Title: "The reply's bytes are valid in the charset it declares", Severity: SevError,
			Applies: hasJSONReply, Run: checkValidBytes},
		{ID: CharsetRoundTrip, Title: "Text in the operation's charset round-trips through it byte for byte", Severity: SevError,
			Applies: func(o *spec.Operation) bool { return o.Echo != "" && hasJSONReply(o) && o.ExpectStatus < 300 }, Run: checkRoundTrip},
		{ID: CharsetMojibake, Title: "The reply is not UTF-8 read as a single-byte charset (mojibake)", Severity: SevError,
			Applies: hasJSONReply, Run: checkMojibake},
		{ID: CharsetUTF16Request, Title: "A webHttpBinding operation reads UTF-16 bodies (labelled or sniffed) and refuses a byte order mark", Severity: SevError,
			Applies: func(o *spec.Operation) bool { return jsonBodyOp(o) && o.Text().IsUnicode() && o.ExpectStatus < 300 }, Run: checkUTF16Request},
		{ID: CharsetCustomEncoding, Title: "A custom-encoding operation is served by its custom encoder (netfx only)", Severity: SevError,
			Applies: custom, Run: checkCustomEncoding},
	}
}

// AppliesOn is Applies for one target flavor: operations marked for other flavors
// (x-svccheck-flavors) get no checks, and a custom-encoding operation on net gets only
// charset-custom-encoding, whose finding — unsupported on .NET — is the one that matters there.
func (c Check) AppliesOn(op *spec.Operation, f profile.Flavor) bool {
	if !op.RunsOn(string(f)) || !c.Applies(op) {
		return false
	}
	return f != profile.Net || !op.CustomCharset() || c.ID == CharsetCustomEncoding
}

var quotedCharset = regexp.MustCompile(`(?i);\s*charset\s*=\s*"`)

// checkCharsetDeclared: a non-UTF-8 body is only readable with its charset named (F11). JSON's
// own default is UTF-8 (RFC 8259) and old HTTP/1.1 clients assume ISO-8859-1, so a missing label
// garbles text in one or the other.
func checkCharsetDeclared(ctx context.Context, env *Env, op *spec.Operation) Outcome {
	ex, err := env.legitimate(ctx, op)
	if err != nil {
		return broken(err, ex)
	}
	if ex.Status != op.ExpectStatus || len(ex.Body) == 0 {
		return skip("no "+fmt.Sprint(op.ExpectStatus)+" answer with a body to judge ("+describe(ex)+")", ex)
	}
	ct, label := ex.Header.Get("Content-Type"), declaredCharset(ex)
	switch {
	case label == "":
		return fail(fmt.Sprintf("Content-Type %q names no charset for a %s body: clients decode it as UTF-8 (JSON's default, RFC 8259) or ISO-8859-1 and garble every non-ASCII character (F11)", ct, op.Text().Name), ex)
	case quotedCharset.MatchString(ct):
		return fail(fmt.Sprintf("Content-Type %q quotes the charset: legal HTTP (RFC 9110 §5.6.6), but .NET Framework's HttpContent.ReadAsStringAsync passes the quotes to Encoding.GetEncoding and throws "+
			"\"The character set provided in ContentType is invalid\" (dotnet/corefx#5014; .NET Core fixed it in 3.0, ASP.NET Core's ReadFromJsonAsync still refuses it: dotnet/aspnetcore#61514)", ct), ex)
	case !charset.Same(label, op.Charset):
		return fail(fmt.Sprintf("Content-Type %q says %s, but the endpoint speaks %s: label and bytes disagree (F11)", ct, label, op.Text().Name), ex)
	}
	return pass("Content-Type "+ct, ex)
}

// checkValidBytes decodes the reply strictly with the charset it declares (the operation's when it
// declares none): a byte sequence the charset does not define would become U+FFFD in every client.
func checkValidBytes(ctx context.Context, env *Env, op *spec.Operation) Outcome {
	ex, err := env.legitimate(ctx, op)
	if err != nil {
		return broken(err, ex)
	}
	if ex.Status != op.ExpectStatus || len(ex.Body) == 0 {
		return skip("no "+fmt.Sprint(op.ExpectStatus)+" answer with a body to judge ("+describe(ex)+")", ex)
	}
	_, cs, err := replyText(ex, op)
	if err != nil {
		return fail(fmt.Sprintf("the body is not what %q declares: %v — clients see replacement characters (U+FFFD) or refuse it (F11, F21)", ex.Header.Get("Content-Type"), err), ex)
	}
	return pass(fmt.Sprintf("%d bytes, all valid %s", len(ex.Body), cs.Name), ex)
}

// probeTexts are the characters each charset exists for; the first one the operation's charset can
// write whole is sent. Unicode operations get all three scripts at once.
var probeTexts = map[string]string{
	"ISO-8859-1": "Müller éüß", "windows-1252": "Müller éüß", "windows-1251": "Иван Ёжиков", "KOI8-R": "Иван Ёжиков",
	"ISO-2022-JP": "カタカナとひらがな", "Shift_JIS": "カタカナとひらがな", "EUC-JP": "カタカナとひらがな",
}

// ProbeText is the probe value for a charset: its own script, or a mix of Latin-1, Cyrillic and
// kana for the Unicode charsets.
func ProbeText(cs *charset.Charset) string {
	if t, ok := probeTexts[cs.Name]; ok {
		return t
	}
	if cs.IsUnicode() {
		return "Müller Иван カナ"
	}
	for _, t := range []string{"Müller éüß", "Иван Ёжиков", "カタカナとひらがな"} {
		if cs.CanEncode(t) {
			return t
		}
	}
	return "Muller"
}

// checkRoundTrip sends a probe made of the charset's characters through the parameter the
// operation echoes (x-svccheck-echo), in the query string as percent-encoded charset bytes or in
// the body encoded in the charset, and requires the reply to carry exactly those bytes back.
func checkRoundTrip(ctx context.Context, env *Env, op *spec.Operation) Outcome {
	text := ProbeText(op.Text())
	url, body, ok := withEcho(env, op, text)
	if !ok {
		return skip("the example request has no parameter or body member " + op.Echo + " to carry the probe")
	}
	ex, err := probe(ctx, env, op, op.Method, url, op.Example.ContentType, body)
	if err != nil {
		return broken(err, ex)
	}
	if isRefusal(ex) {
		return skip("the probe was refused for authentication ("+describe(ex)+"); the auth and anon-access checks say why", ex)
	}
	if ex.Status != op.ExpectStatus {
		return fail(fmt.Sprintf("the probe %q was answered %s, not %d: the endpoint does not read %s text", text, describe(ex), op.ExpectStatus, op.Text().Name), ex)
	}
	got, err := echoed(ex, op)
	if err != nil {
		return fail("the echo cannot be read: "+err.Error(), ex)
	}
	want, _ := op.Text().Encode(text)
	switch {
	case got != text:
		return fail(roundTripReason(text, got, op), ex)
	case !bytes.Contains(ex.Body, want):
		return fail(fmt.Sprintf("%q came back, but not as the %s bytes % X: the reply is in another charset than the operation's", text, op.Text().Name, want), ex)
	}
	return pass(fmt.Sprintf("%q went out and came back as the %s bytes % X", text, op.Text().Name, want), ex)
}

func roundTripReason(sent, got string, op *spec.Operation) string {
	if meant, ok := charset.Mojibake(got); ok && meant == sent {
		return fmt.Sprintf("sent %q, got %q back: UTF-8 bytes labelled as a single-byte charset (mojibake, F21) — the endpoint writes UTF-8, not %s", sent, got, op.Text().Name)
	}
	if strings.ContainsAny(got, "?\uFFFD") {
		return fmt.Sprintf("sent %q, got %q back: characters were lost — the endpoint read the %s bytes in another charset (UTF-8?) (F11)", sent, got, op.Text().Name)
	}
	return fmt.Sprintf("sent %q, got %q back", sent, got)
}

// withEcho puts the probe text where the operation's echo parameter is: the query, or a member of
// the JSON body.
func withEcho(env *Env, op *spec.Operation, text string) (string, []byte, bool) {
	if _, ok := op.Example.Query[op.Echo]; ok {
		q := map[string]string{}
		for k, v := range op.Example.Query {
			q[k] = v
		}
		q[op.Echo] = text
		return env.Target.QueryURL(op, q), op.Example.Body, true
	}
	var obj map[string]any
	if json.Unmarshal(op.Example.Body, &obj) != nil {
		return "", nil, false
	}
	if _, ok := obj[op.Echo]; !ok {
		return "", nil, false
	}
	obj[op.Echo] = text
	b, _ := json.Marshal(obj)
	return env.Target.URL(op), b, true
}

// echoed is the string an echo operation returned, unwrapped from <Op>Result when Wrapped.
func echoed(ex *wire.Exchange, op *spec.Operation) (string, error) {
	text, _, err := replyText(ex, op)
	if err != nil {
		return "", err
	}
	var v any
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		return "", err
	}
	if obj, ok := v.(map[string]any); ok && op.BodyStyle.WrapsResponse() {
		v = obj[op.ResultMember]
	}
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("the result is %s, not a string", shapeOf(v))
	}
	return s, nil
}

// checkMojibake recognises UTF-8 read as a single-byte charset (F21): a body labelled with a
// single-byte charset whose bytes are valid multi-byte UTF-8, or UTF-8 text that is itself
// UTF-8 read as Latin-1 ("MÃ¼ller", double-encoded).
func checkMojibake(ctx context.Context, env *Env, op *spec.Operation) Outcome {
	ex, err := env.legitimate(ctx, op)
	if err != nil {
		return broken(err, ex)
	}
	if ex.Status != op.ExpectStatus || len(ex.Body) == 0 {
		return skip("no "+fmt.Sprint(op.ExpectStatus)+" answer with a body to judge ("+describe(ex)+")", ex)
	}
	text, cs, err := replyText(ex, op)
	if charset.MojibakeIn(ex.Body, cs) {
		shown := cs.DecodeLossy(ex.Body)
		return fail(fmt.Sprintf("the body is labelled %s but its bytes are UTF-8: clients show %q for %q (F21)", cs.Name, clipString(shown), clipString(string(ex.Body))), ex)
	}
	if err != nil {
		return pass("the body does not decode at all; "+CharsetValidBytes+" reports it", ex)
	}
	var v any
	if json.Unmarshal([]byte(text), &v) == nil {
		if s, meant, ok := findMojibake(v); ok {
			return fail(fmt.Sprintf("the value %q is %q encoded twice (UTF-8 bytes read as Latin-1, then written again): the service or a proxy decoded with the wrong charset (F21)", s, meant), ex)
		}
	}
	return pass("no UTF-8-as-"+cs.Name+" text in the reply", ex)
}

func findMojibake(v any) (string, string, bool) {
	switch x := v.(type) {
	case string:
		meant, ok := charset.Mojibake(x)
		return x, meant, ok
	case []any:
		for _, e := range x {
			if s, m, ok := findMojibake(e); ok {
				return s, m, ok
			}
		}
	case map[string]any:
		for k, e := range x {
			if s, m, ok := findMojibake(k); ok {
				return s, m, ok
			}
			if s, m, ok := findMojibake(e); ok {
				return s, m, ok
			}
		}
	}
	return "", "", false
}

func clipString(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

// checkUTF16Request sends the example body as UTF-16: labelled utf-16LE and utf-16BE, and unlabelled
// little-endian, which WCF detects from the first two bytes (JsonEncodingStreamWrapper). All three
// must be answered like the UTF-8 request. The same body with a byte order mark must be refused:
// FF FE sniffs as UTF-8, so WCF answers 400 — a host that accepts it lets clients ship bodies real
// WCF refuses.
func checkUTF16Request(ctx context.Context, env *Env, op *spec.Operation) Outcome {
	var exs []*wire.Exchange
	for _, v := range []struct{ cs, label string }{{"UTF-16LE", "utf-16LE"}, {"UTF-16BE", "utf-16BE"}, {"UTF-16LE", ""}} {
		body, _ := charset.MustLookup(v.cs).Encode(string(op.Example.Body))
		ct := "application/json"
		if v.label != "" {
			ct += "; charset=" + v.label
		}
		ex, err := probeRaw(ctx, env, op, op.Method, env.Target.URL(op), ct, body)
		exs = append(exs, ex)
		if err != nil {
			return broken(err, exs...)
		}
		if isRefusal(ex) {
			return skip("the probe was refused for authentication ("+describe(ex)+"); the auth and anon-access checks say why", exs...)
		}
		if ex.Status != op.ExpectStatus {
			what := "labelled " + v.label
			if v.label == "" {
				what = "without a charset (WCF detects UTF-16 from the first two bytes)"
			}
			return fail(fmt.Sprintf("a %s body %s was answered %s, not %d: webHttpBinding reads UTF-16 (wcf-wire.md §8.1); the host reads only UTF-8", v.cs, what, describe(ex), op.ExpectStatus), exs...)
		}
	}
	le, _ := charset.MustLookup("UTF-16LE").Encode(string(op.Example.Body))
	ex, err := probeRaw(ctx, env, op, op.Method, env.Target.URL(op), "application/json; charset=utf-16LE", append([]byte{0xFF, 0xFE}, le...))
	exs = append(exs, ex)
	if err != nil {
		return broken(err, exs...)
	}
	if ex.Status >= 400 && ex.Status < 500 && !isRefusal(ex) {
		return pass("UTF-16LE and UTF-16BE bodies, labelled and sniffed, were read; the one with a byte order mark was refused with "+describe(ex), exs...)
	}
	if isRefusal(ex) {
		return skip("the byte-order-mark probe was refused for authentication ("+describe(ex)+")", exs...)
	}
	return fail("a UTF-16LE body starting with a byte order mark was answered "+describe(ex)+": WCF sniffs FF FE as UTF-8 and answers 400 \"Expected encoding 'utf-16LE', got 'utf-8' instead.\"", exs...)
}

// checkCustomEncoding: custom text encodings exist on .NET Framework only (Academy; F11). On net
// the operation cannot be served as specified, which is the finding. On netfx a reply labelled
// UTF-8 or UTF-16 means the endpoint fell back to webHttpBinding: the customBinding or its
// bindingConfiguration was lost, typically when an update replaced bindings.config (F12).
func checkCustomEncoding(ctx context.Context, env *Env, op *spec.Operation) Outcome {
	if env.Target.Flavor == profile.Net {
		return fail(fmt.Sprintf("the operation speaks %s, a custom text encoding: Creatio supports customTextMessageEncoding on .NET Framework only "+
			"(Academy, from 8.0.2), so a .NET deployment cannot serve it (F11; svccheck doctor reports DOC-ENC-003 for such a site)", op.Text().Name))
	}
	ex, err := env.legitimate(ctx, op)
	if err != nil {
		return broken(err, ex)
	}
	if ex.Status != op.ExpectStatus {
		return skip("no "+fmt.Sprint(op.ExpectStatus)+" answer to judge ("+describe(ex)+"); anon-access says why", ex)
	}
	label := declaredCharset(ex)
	if c, err := charset.Lookup(label); err == nil && c.IsUnicode() {
		return fail(fmt.Sprintf("answered charset=%s: the endpoint is served by webHttpBinding, not by its customBinding with customTextMessageEncoding encoding=%q — "+
			"an update replaced bindings.config, or the endpoint lost binding=\"customBinding\"/bindingConfiguration (F11, F12)", label, op.Text().Name), ex)
	}
	return pass(fmt.Sprintf("served by a custom text encoder (%s)", describe(ex)), ex)
}
