package scenario

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// pool runs scripts concurrently, at most n at a time, across every target of a run.
type pool struct {
	sem  chan struct{}
	wg   sync.WaitGroup
	done func(*scriptT)
	stop func() bool // true once the run is interrupted: scripts not started are left out
}

// scriptT implements testscript.T outside `go test` (go-notes.md): the root starts one goroutine
// per script; FailNow and Skip end that goroutine the way the testing package does.
type scriptT struct {
	pool    *pool
	name    string
	root    bool
	mu      sync.Mutex
	log     strings.Builder
	failed  bool
	skipped string
	started time.Time
	elapsed time.Duration
	state   *State
	ran     bool
}

// rootFatal carries a failure of the root (RunT's own setup) out of RunT.
type rootFatal struct{ msg string }

func (t *scriptT) Run(name string, f func(testscript.T)) {
	child := &scriptT{pool: t.pool, name: name}
	t.pool.wg.Add(1)
	go func() {
		defer t.pool.wg.Done()
		t.pool.sem <- struct{}{}
		defer func() { <-t.pool.sem }()
		if t.pool.stop() {
			return
		}
		child.ran, child.started = true, time.Now()
		defer func() {
			child.elapsed = time.Since(child.started)
			t.pool.done(child)
		}()
		f(child)
	}()
}

func (t *scriptT) Log(args ...any) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.log.WriteString(strings.TrimSuffix(fmt.Sprintln(args...), "\n"))
	t.log.WriteString("\n")
}

func (t *scriptT) Skip(args ...any) {
	t.mu.Lock()
	t.skipped = strings.TrimSpace(fmt.Sprintln(args...))
	if t.skipped == "" {
		t.skipped = "skipped"
	}
	t.mu.Unlock()
	runtime.Goexit()
}

func (t *scriptT) Fatal(args ...any) {
	if t.root {
		panic(rootFatal{fmt.Sprint(args...)})
	}
	t.Log(args...)
	t.FailNow()
}

func (t *scriptT) FailNow() {
	if t.root {
		panic(rootFatal{"scenario run failed"})
	}
	t.mu.Lock()
	t.failed = true
	t.mu.Unlock()
	runtime.Goexit()
}

func (t *scriptT) Parallel() {}

// Verbose keeps every phase's log, so a report shows a passing scenario's steps too.
func (t *scriptT) Verbose() bool { return true }
