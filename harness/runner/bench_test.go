package runner

import (
	"context"
	"testing"
	"time"

	"github.com/svccheck/svccheck/harness/checks"
	"github.com/svccheck/svccheck/harness/redact"
	"github.com/svccheck/svccheck/harness/session"
	"github.com/svccheck/svccheck/harness/spec"
	"github.com/svccheck/svccheck/harness/target"
	"github.com/svccheck/svccheck/harness/wire"
	"github.com/svccheck/svccheck/reference/profile"
	"github.com/svccheck/svccheck/specs"
)

// BenchmarkRunBundledSpecs measures one whole run of every check of the bundled specs against an
// embedded net host, at several --parallel settings (docs/performance.md).
func BenchmarkRunBundledSpecs(b *testing.B) {
	all, err := spec.LoadFS(specs.FS, "specs")
	if err != nil {
		b.Fatal(err)
	}
	tg, stop, err := StartEmbedded(profile.Net, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer stop()
	for _, par := range []int{1, 4, 16} {
		b.Run("parallel="+string(rune('0'+par/10))+string(rune('0'+par%10)), func(b *testing.B) {
			for b.Loop() {
				rep, err := Run(context.Background(), Config{Targets: []target.Target{tg}, Specs: all, Checks: checks.All(),
					Identity: session.Identity{User: "Supervisor", Password: "Supervisor"}, Parallel: par,
					Client: wire.New(5*time.Second, wire.DefaultMaxBody), Redactor: redact.New()})
				if err != nil || !rep.OK() {
					b.Fatalf("run failed: %v %s", err, rep.Line())
				}
			}
		})
	}
}
