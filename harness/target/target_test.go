package target

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/svccheck/svccheck/harness/spec"
	"github.com/svccheck/svccheck/harness/wire"
	"github.com/svccheck/svccheck/reference/host"
	"github.com/svccheck/svccheck/reference/profile"
)

func TestNew(t *testing.T) {
	for _, tc := range []struct{ in, base, err string }{
		{"https://mycreatio.example/", "https://mycreatio.example", ""},
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080", ""},
		{"https://host/creatio", "https://host/creatio", ""},
		{"mycreatio.example", "", "expected an http:// or https://"},
		{"ftp://x", "", "expected an http:// or https://"},
		{"https://x/0", "", "without /0"},
		{"https://x/?a=1", "", "without query"},
		{"http://bob:secret@127.0.0.1:1", "", "credentials in the URL are not accepted"},
	} {
		got, err := New(tc.in, profile.Net)
		if tc.err != "" {
			assert.ErrorContains(t, err, tc.err, tc.in)
			continue
		}
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.base, got.Base)
	}
}

func TestURLFollowsTheFlavorLayout(t *testing.T) {
	op := &spec.Operation{Route: spec.RouteWorkspace, Example: spec.Example{Path: "/rest/S/Op", Query: map[string]string{"b": "x y", "a": "é"}}}
	fx, _ := New("http://h", profile.NetFx)
	net, _ := New("http://h", profile.Net)
	assert.Equal(t, "http://h/0/rest/S/Op?a=%C3%A9&b=x+y", fx.URL(op))
	assert.Equal(t, "http://h/rest/S/Op?a=%C3%A9&b=x+y", net.URL(op))
	assert.Equal(t, "http://h/ServiceModel/AuthService.svc/Login", fx.LoginURL())
	root := &spec.Operation{Route: spec.RouteRoot, Example: spec.Example{Path: "/ServiceModel/AuthService.svc/Login"}}
	assert.Equal(t, fx.LoginURL(), fx.URL(root))
}

func TestDetectFlavorProbesTheWorkspaceAlias(t *testing.T) {
	for _, f := range profile.Flavors {
		h, err := host.New(host.Config{Flavor: f})
		require.NoError(t, err)
		srv := httptest.NewServer(h)
		tg, err := New(srv.URL, "")
		require.NoError(t, err)
		got, err := DetectFlavor(context.Background(), wire.New(time.Second, 1<<20), tg)
		srv.Close()
		require.NoError(t, err)
		assert.Equal(t, f, got)
	}
	_, err := DetectFlavor(context.Background(), wire.New(time.Second, 1<<20), Target{Base: "http://127.0.0.1:1"})
	assert.ErrorContains(t, err, "unreachable")
}
