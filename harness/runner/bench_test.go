package runner_test

import (
	"testing"

	"github.com/svccheck/svccheck/harness/runner"
	"github.com/svccheck/svccheck/harness/runner/runnertest"

	"github.com/svccheck/svccheck/reference/profile"
)

// BenchmarkRunBundledSpecs measures one whole run of every check of the bundled specs against an
// embedded net host, at several --parallel settings (docs/performance.md).
func BenchmarkRunBundledSpecs(b *testing.B) {
	tg, stop, err := runner.StartEmbedded(profile.Net, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer stop()
	for _, par := range []int{1, 4, 16} {
		b.Run("parallel="+string(rune('0'+par/10))+string(rune('0'+par%10)), func(b *testing.B) {
			for b.Loop() {
				cfg := runnertest.Config(b, tg)
				cfg.Parallel = par
				if rep := runnertest.Run(b, cfg); !rep.OK() {
					b.Fatalf("run failed: %s", rep.Line())
				}
			}
		})
	}
}
