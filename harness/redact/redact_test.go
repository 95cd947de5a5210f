package redact

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestHeaderMasksCookiesAndSecretHeaders(t *testing.T) {
	r := New()
	h := http.Header{}
	h.Add("Cookie", ".ASPXAUTH=ABCDEF0123; BPMCSRF=zz9; UserName=Supervisor")
	h.Add("Set-Cookie", ".ASPXAUTH=ABCDEF0123; Path=/; HttpOnly")
	h.Add("BPMCSRF", "zz9")
	h.Add("Authorization", "Bearer eyJhbGciOi")
	h.Add("Content-Type", "application/json")
	got := r.Header(h)
	assert.Equal(t, ".ASPXAUTH=[redacted]; BPMCSRF=[redacted]; UserName=[redacted]", got.Get("Cookie"))
	assert.Equal(t, ".ASPXAUTH=[redacted]; Path=/; HttpOnly", got.Get("Set-Cookie"))
	assert.Equal(t, Mask, got.Get("Bpmcsrf"))
	assert.Equal(t, Mask, got.Get("Authorization"))
	assert.Equal(t, "application/json", got.Get("Content-Type"))
	assert.Equal(t, "zz9", h.Get("BPMCSRF"), "the input is not changed")
}

func TestBodyMasksPasswordMembersAndKnownSecrets(t *testing.T) {
	r := New("Supervisor")
	r.Add("Supervisor") // a password equal to the user name stays readable as the user name
	r.Add("S3cret-pass")
	r.Add("abc") // too short to redact by value
	assert.JSONEq(t, `{"UserName":"Supervisor","UserPassword":"[redacted]"}`, r.Body([]byte(`{"UserName":"Supervisor","UserPassword":"whatever"}`)))
	assert.Equal(t, "token [redacted] in text abc", r.Body([]byte("token S3cret-pass in text abc")))
	assert.Equal(t, `{"a":[{"client_secret":"[redacted]"}]}`, r.Body([]byte(`{"a":[{"client_secret":"x"}]}`)))
}

// A password shows in the forms a target echoes it in: JSON-escaped, HTML-escaped, URL-escaped.
func TestPasswordsAreRedactedInEveryEncodedForm(t *testing.T) {
	r := New("Supervisor")
	r.AddPassword(`Zq9"quoted<pw>&/x`)
	r.AddPassword("q7!") // short, still a password
	for _, text := range []string{
		`{"UserPassword":"Zq9\"quoted<pw>&/x"}`,
		`{"UserPassword":"Zq9\"quoted\u003cpw\u003e\u0026/x"}`,
		`{"UserPassword":"Zq9\"quoted<pw>&\/x"}`,
		`<p>Zq9&#34;quoted&lt;pw&gt;&amp;/x</p>`,
		`Location: /x?p=Zq9%22quoted%3Cpw%3E%26%2Fx`,
		`echo q7! here`,
	} {
		got := r.String(text)
		assert.NotContains(t, got, "quoted", text)
		assert.NotContains(t, got, "q7!", text)
	}
	r.Add("abc") // an incidental short value is left alone
	assert.Equal(t, "abc", r.String("abc"))
}
