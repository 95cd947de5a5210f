package services

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/svccheck/svccheck/reference/wcf"
)

func TestGetContactIdByName(t *testing.T) {
	for name, want := range map[string]string{"Supervisor": SupervisorID, "Nobody": "", "supervisor": ""} {
		got, err := getContactIDByName(&wcf.Call{Args: map[string]any{"Name": name}})
		require.NoError(t, err)
		assert.Equal(t, want, got.Result, name)
	}
}

func TestDefaultServicesAreValidContracts(t *testing.T) {
	for _, s := range Default() {
		require.NoError(t, s.Validate(), s.FullName())
	}
}
