package gate

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Shard is one of N deterministic parts of a run, for CI jobs that split the work: I counts from 1.
// The zero Shard means "everything".
type Shard struct{ I, N int }

// ParseShard reads "i/n" (1 ≤ i ≤ n); "" is the whole run.
func ParseShard(s string) (Shard, error) {
	if s == "" {
		return Shard{}, nil
	}
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 1 || i > n {
		return Shard{}, fmt.Errorf("--shard %q: want i/n with 1 ≤ i ≤ n, e.g. 1/2", s)
	}
	return Shard{I: i, N: n}, nil
}

// String is "i/n", or "" for the whole run.
func (s Shard) String() string {
	if s.N == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.I, s.N)
}

// Pick returns the keys of this shard: the keys are sorted and dealt round-robin, so every key lands
// in exactly one shard whatever order the caller found them in, and shards differ in size by at most
// one. Operations use "spec-file operation-ID" keys; scenarios their file names.
func (s Shard) Pick(keys []string) map[string]bool {
	sorted := append([]string(nil), keys...)
	sort.Strings(sorted)
	out := map[string]bool{}
	for k, key := range sorted {
		if s.N == 0 || k%s.N == s.I-1 {
			out[key] = true
		}
	}
	return out
}
