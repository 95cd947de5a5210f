package faults

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRewriteJSON(t *testing.T) {
	const in = `{"Id":"a\/b","Kind":0,"ModifiedOn":"\/Date(1357095845006)\/","Nick":null,"Tags":[{"Key":"k","Value":"v"}],"x":{"Inner":true}}`
	for _, tc := range []struct {
		fault Name
		want  string
	}{
		{"", in},
		{ISODates, `{"Id":"a\/b","Kind":0,"ModifiedOn":"2013-01-02T03:04:05.006Z","Nick":null,"Tags":[{"Key":"k","Value":"v"}],"x":{"Inner":true}}`},
		{CamelCaseMembers, `{"id":"a\/b","kind":0,"modifiedOn":"\/Date(1357095845006)\/","nick":null,"tags":[{"key":"k","value":"v"}],"x":{"inner":true}}`},
		{SimpleDictionaries, `{"Id":"a\/b","Kind":0,"ModifiedOn":"\/Date(1357095845006)\/","Nick":null,"Tags":{"k":"v"},"x":{"Inner":true}}`},
		{BackingFields, `{"<Id>k__BackingField":"a\/b","<Kind>k__BackingField":0,"<ModifiedOn>k__BackingField":"\/Date(1357095845006)\/","<Nick>k__BackingField":null,"<Tags>k__BackingField":[{"<Key>k__BackingField":"k","<Value>k__BackingField":"v"}],"<x>k__BackingField":{"<Inner>k__BackingField":true}}`},
		{EmitDefaultFalse, `{"Id":"a\/b","ModifiedOn":"\/Date(1357095845006)\/","Tags":[{"Key":"k","Value":"v"}],"x":{"Inner":true}}`},
	} {
		s := Set{}
		if tc.fault != "" {
			s[tc.fault] = true
		}
		assert.Equal(t, tc.want, string(s.RewriteJSON([]byte(in))), tc.fault)
	}
	assert.Equal(t, "<html>", string(Set{ISODates: true}.RewriteJSON([]byte("<html>"))), "non-JSON passes through")
}
