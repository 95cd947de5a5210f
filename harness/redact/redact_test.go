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
