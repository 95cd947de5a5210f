package runner

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/svccheck/svccheck/harness/checks"
	"github.com/svccheck/svccheck/harness/redact"
	"github.com/svccheck/svccheck/harness/session"
	"github.com/svccheck/svccheck/harness/spec"
	"github.com/svccheck/svccheck/harness/target"
	"github.com/svccheck/svccheck/harness/wire"
	"github.com/svccheck/svccheck/reference/profile"
	"github.com/svccheck/svccheck/specs"
)

// F11 on net: a spec that declares a custom encoding but forgets x-svccheck-flavors gets exactly one
// finding per operation on a net target — charset-custom-encoding, naming .NET Framework as the only
// runtime that supports it — and no noise from checks that would only see the refused endpoint.
func TestF11NetReportsCustomEncodingUnsupported(t *testing.T) {
	b, err := specs.FS.ReadFile("usr-encoding-service.yaml")
	require.NoError(t, err)
	unmarked := strings.ReplaceAll(string(b), "      x-svccheck-flavors: [netfx]\n", "")
	require.NotEqual(t, string(b), unmarked)
	all, err := spec.LoadFS(fstest.MapFS{"enc.yaml": {Data: []byte(unmarked)}}, ".")
	require.NoError(t, err)
	tg, stop, err := StartEmbedded(profile.Net, nil, nil)
	require.NoError(t, err)
	defer stop()
	rep, err := Run(context.Background(), Config{Targets: []target.Target{tg}, Embedded: true, Specs: all,
		Checks: checks.All(), Identity: session.Identity{User: "Supervisor", Password: "Supervisor"},
		Parallel: 2, Client: wire.New(5*time.Second, wire.DefaultMaxBody), Redactor: redact.New("Supervisor")})
	require.NoError(t, err)
	require.Len(t, rep.Results, 2, "one result per operation")
	for _, r := range rep.Results {
		assert.Equal(t, checks.CharsetCustomEncoding, r.Check)
		assert.Equal(t, "fail", r.Verdict)
		assert.Contains(t, r.Reason, ".NET Framework only")
	}
}
