package faults

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	s, err := Parse([]string{"csrf-off", "unwrapped-result"})
	require.NoError(t, err)
	assert.True(t, s.Has(CSRFOff))
	assert.True(t, s.Has(UnwrappedResult))
	assert.False(t, s.Has(LoginPage200))

	_, err = Parse([]string{"csrf-of"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `unknown fault "csrf-of"`)
	assert.Contains(t, err.Error(), "csrf-off", "the error lists the known names")
}

func TestEveryFaultIsDescribed(t *testing.T) {
	for _, n := range Known() {
		assert.NotEmpty(t, Describe(Name(n)), n)
	}
}
