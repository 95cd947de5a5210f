package profile

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseFlavor(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    Flavor
		wantErr bool
	}{{"netfx", NetFx, false}, {"net", Net, false}, {"NetFx", "", true}, {"", "", true}} {
		got, err := ParseFlavor(tc.in)
		if tc.wantErr {
			assert.Error(t, err, tc.in)
			continue
		}
		require.NoError(t, err)
		assert.Equal(t, tc.want, got)
	}
}

// The defaults are the ones creatio-wire.md §10 documents; a change here changes what the host sends.
func TestDefaultsFollowTheReference(t *testing.T) {
	fx, net := Default(NetFx), Default(Net)
	assert.Equal(t, http.StatusUnauthorized, fx.CSRFFailureStatus, "row 11 netfx")
	assert.Equal(t, http.StatusForbidden, net.CSRFFailureStatus, "row 11 net")
	assert.Equal(t, http.StatusUnauthorized, fx.UnauthSvc.Status, "row 17 netfx")
	assert.Equal(t, http.StatusFound, net.UnauthSvc.Status, "row 17 net")
	assert.Equal(t, http.SameSite(0), fx.CookieSameSite, "row 7 netfx")
	assert.Equal(t, http.SameSiteLaxMode, net.CookieSameSite, "row 7 net")
	assert.Equal(t, "/0", NetFx.WorkspacePrefix())
	assert.Equal(t, "", Net.WorkspacePrefix())
	assert.Equal(t, "/Login/NuiLogin.aspx", NetFx.LoginPage())
	assert.Equal(t, "/Login/Login.html", Net.LoginPage())
}
