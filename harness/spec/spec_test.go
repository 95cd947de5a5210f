package spec

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/svccheck/svccheck/reference/wcf"
	"github.com/svccheck/svccheck/specs"
)

func bundled(t *testing.T) map[string]*Operation {
	t.Helper()
	all, err := LoadFS(specs.FS, "specs")
	require.NoError(t, err)
	ops := map[string]*Operation{}
	for _, s := range all {
		for _, o := range s.Operations {
			ops[o.ID] = o
		}
	}
	return ops
}

func TestBundledSpecsResolveTheirExtensions(t *testing.T) {
	ops := bundled(t)
	for _, tc := range []struct {
		id     string
		auth   Auth
		route  Route
		style  wcf.BodyStyle
		result string
		ends   bool
	}{
		{"AuthService.Login", AuthLogin, RouteRoot, wcf.Bare, "LoginResult", false},
		{"MainMenuService.Logout", AuthCookie, RouteWorkspace, wcf.Wrapped, "RedirectLocation", true},
		{"UsrCustomConfigurationService.GetContactIdByName", AuthCookie, RouteWorkspace, wcf.Wrapped, "GetContactIdByNameResult", false},
		{"UsrAnonymousConfigurationService.GetContactIdByName", AuthAnonymous, RouteWorkspace, wcf.Wrapped, "GetContactIdByNameResult", false},
		{"UsrDemoService.GetContactIdByName", AuthCookie, RouteWorkspace, wcf.Wrapped, "GetContactIdByNameResult", false},
	} {
		o := ops[tc.id]
		require.NotNil(t, o, tc.id)
		assert.Equal(t, tc.auth, o.Auth, tc.id)
		assert.Equal(t, tc.route, o.Route, tc.id)
		assert.Equal(t, tc.style, o.BodyStyle, tc.id)
		assert.Equal(t, tc.result, o.ResultMember, tc.id)
		assert.Equal(t, tc.ends, o.EndsSession, tc.id)
		assert.Greater(t, o.Line, 0, tc.id)
	}
	assert.Equal(t, map[string]string{"Name": "Supervisor"}, ops["UsrCustomConfigurationService.GetContactIdByName"].Example.Query)
	assert.JSONEq(t, `{"Name":"Supervisor"}`, string(ops["UsrDemoService.GetContactIdByName"].Example.Body))
	assert.True(t, ops["UsrDemoService.GetContactIdByName"].Unsafe())
}

// Bad specs are refused with the file, line and JSON path of the mistake and what was expected.
func TestBadSpecsNameTheirMistake(t *testing.T) {
	for _, tc := range []struct {
		file, code string
		line       int
		want       string
	}{
		{"bad-style.yaml", CodeExtension, 5, "paths./rest/S/Op.get.x-wcf-body-style: expected one of Bare, Wrapped, WrappedRequest, WrappedResponse, got \"wrapped\""},
		{"typo-extension.yaml", CodeExtension, 5, "x-svccheck-ath: unknown extension"},
		{"no-example.yaml", CodeExample, 5, "parameters.Id: required parameter has no example to send"},
		{"unknown-auth.yaml", CodeExtension, 8, "cannot tell how the operation authenticates"},
		{"syntax.yaml", CodeSyntax, 3, "not valid YAML"},
		{"invalid.yaml", CodeInvalid, 0, "invalid OpenAPI document"},
		{"misplaced-extension.yaml", CodeExtension, 10, "paths./rest/S/Op.get.responses.200.x-wcf-resultt: svccheck's extensions belong on the operation object"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			_, err := LoadPaths([]string{"testdata/" + tc.file})
			var se *Error
			require.True(t, errors.As(err, &se), "%v", err)
			assert.Equal(t, tc.code, se.Code)
			assert.Equal(t, tc.line, se.Line)
			assert.Contains(t, err.Error(), "testdata/"+tc.file)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestLoadPathsReadsDirectoriesAndRefusesMissingFiles(t *testing.T) {
	all, err := LoadPaths([]string{"../../specs"})
	require.NoError(t, err)
	assert.Len(t, all, 11)
	_, err = LoadPaths([]string{"testdata/nope.yaml"})
	require.ErrorContains(t, err, "testdata/nope.yaml: cannot read spec")
}

func TestOperationIDsAreUniqueAcrossSpecs(t *testing.T) {
	_, err := LoadPaths([]string{"testdata/dup-a.yaml", "testdata/dup-b.yaml"})
	require.ErrorContains(t, err, `testdata/dup-b.yaml:5: operationId "S.Op" is already used at testdata/dup-a.yaml:5`)
	all, err := LoadPaths([]string{"testdata/dup-a.yaml", "testdata/dup-a.yaml", "testdata/../testdata/dup-a.yaml"})
	require.NoError(t, err, "a file named twice is loaded once")
	assert.Len(t, all, 1)
}

func TestSpecsMustBeRegularFiles(t *testing.T) {
	_, err := LoadPaths([]string{"/dev/null"})
	require.ErrorContains(t, err, "/dev/null: not a regular file")
}
