package site

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	anonType = "Terrasoft.Configuration.UsrAnonymousConfigurationServiceNamespace.UsrAnonymousConfigurationService"
	demoType = "Terrasoft.Configuration.UsrDemoNs.UsrDemoAnonService"
)

func TestDefaultSites(t *testing.T) {
	const encNs = "Terrasoft.Configuration.UsrEncodingServiceNamespace."
	cases := []struct {
		flavor   Flavor
		svc      string
		access   Access
		typ      string
		max      int64
		encoding string
	}{
		{FlavorNetfx, "UsrAnonymousConfigurationService", AccessAnonymous, anonType, 10485760, ""},
		{FlavorNetfx, "usranonymousconfigurationservice", AccessAnonymous, anonType, 10485760, ""},
		{FlavorNetfx, "UsrEncodingService", AccessAnonymous, "Terrasoft.Configuration.UsrEncodingServiceNamespace.UsrEncodingService", 65536, "ISO-8859-1"},
		{FlavorNetfx, "UsrEncoding1251Service", AccessAnonymous, encNs + "UsrEncoding1251Service", 65536, "windows-1251"},
		{FlavorNetfx, "UsrEncodingKoi8rService", AccessAnonymous, encNs + "UsrEncodingKoi8rService", 65536, "KOI8-R"},
		{FlavorNetfx, "UsrEncodingIso2022jpService", AccessAnonymous, encNs + "UsrEncodingIso2022jpService", 65536, "ISO-2022-JP"},
		{FlavorNetfx, "UsrEncodingUtf16leService", AccessAnonymous, encNs + "UsrEncodingUtf16leService", 10485760, ""},
		{FlavorNetfx, "UsrDemoAnonService", AccessAnonymous, demoType, 10485760, ""},
		{FlavorNetfx, "UsrCustomConfigurationService", AccessMissing, "", 65536, ""},
		{FlavorNet, "UsrAnonymousConfigurationService", AccessAnonymous, anonType, NetMaxReceivedMessageSize, ""},
		{FlavorNet, "UsrDemoAnonService", AccessAnonymous, demoType, NetMaxReceivedMessageSize, ""},
		{FlavorNet, "UsrEncodingService", AccessSession, "", NetMaxReceivedMessageSize, ""},
	}
	for _, tc := range cases {
		t.Run(string(tc.flavor)+"/"+tc.svc, func(t *testing.T) {
			ep := Default(tc.flavor).Anonymous(tc.svc)
			assert.Equal(t, tc.access, ep.Access, ep.Reason)
			assert.Equal(t, tc.typ, ep.ServiceType)
			assert.Equal(t, tc.max, ep.MaxReceivedMessageSize)
			assert.Equal(t, tc.encoding, ep.Encoding)
		})
	}
}

func TestAnonymousForNeedsTheExactType(t *testing.T) {
	for _, fl := range []Flavor{FlavorNetfx, FlavorNet} {
		s := Default(fl)
		assert.Equal(t, AccessAnonymous, s.AnonymousFor(demoType, "UsrDemoAnonService").Access, fl)
		other := s.AnonymousFor("Terrasoft.Configuration.Other.UsrDemoAnonService", "UsrDemoAnonService")
		assert.NotEqual(t, AccessAnonymous, other.Access, fl)
		assert.NotEmpty(t, other.Reason)
	}
}

func TestDefaultSettings(t *testing.T) {
	fx, nt := Default(FlavorNetfx), Default(FlavorNet)
	assert.Equal(t, int64(10485760), fx.RestMaxReceivedMessageSize())
	assert.Equal(t, NetMaxReceivedMessageSize, nt.RestMaxReceivedMessageSize())
	assert.Equal(t, CSRF{Enabled: true, ExemptPaths: NetfxCSRFExemptPaths, EnabledAt: fx.CSRF().EnabledAt}, fx.CSRF())
	assert.Equal(t, NetCSRFExemptPaths, nt.CSRF().ExemptPaths)
	assert.Equal(t, []string{"UsrAnonymousConfigurationService", "UsrDemoAnonService", "UsrEncoding1251Service", "UsrEncodingIso2022jpService",
		"UsrEncodingKoi8rService", "UsrEncodingService", "UsrEncodingUtf16beService", "UsrEncodingUtf16leService"}, fx.AnonymousNames())
	assert.Equal(t, "utf-16BE", fx.Anonymous("UsrEncodingUtf16beService").WriteEncoding)
	assert.Equal(t, "http", fx.Netfx.ActiveFolder())
}

// CSRF defaults apply when the keys are absent (creatio-wire.md §10 rows 14, 16).
func TestCSRFDefaultsWhenAbsent(t *testing.T) {
	fsys := fstest.MapFS{
		"Terrasoft.WebHost/appsettings.json":             {Data: []byte(`{}`)},
		"Terrasoft.WebHost/Terrasoft.WebHost.dll.config": {Data: []byte(`<configuration><appSettings><add key="usecsrftoken" value=" FALSE "/></appSettings></configuration>`)},
	}
	s, err := LoadFS(fsys, "", Options{})
	require.NoError(t, err)
	assert.Equal(t, FlavorNet, s.Flavor)
	c := s.CSRF()
	assert.False(t, c.Enabled)
	assert.Equal(t, NetCSRFExemptPaths, c.ExemptPaths)
}

func TestParseErrorsNameFileAndLine(t *testing.T) {
	cases := []struct {
		name, file, body, want string
	}{
		{"xml", "Terrasoft.WebApp/Web.config", "<configuration>\n  <appSettings>\n</configuration>", "Terrasoft.WebApp/Web.config:3: well-formed XML"},
		{"json", "Terrasoft.WebHost/appsettings.json", "{\n  \"a\": 1\n  \"b\": 2\n}", "Terrasoft.WebHost/appsettings.json:3: valid JSON"},
		{"size", "Terrasoft.WebApp/ServiceModel/http/bindings.config", "<bindings>\n<webHttpBinding>\n<binding maxReceivedMessageSize=\"10MB\"/>\n</webHttpBinding>\n</bindings>", "bindings.config:3: maxReceivedMessageSize"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{tc.file: {Data: []byte(tc.body)}}
			_, err := LoadFS(fsys, "", Options{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestDetect(t *testing.T) {
	_, err := DetectFS(fstest.MapFS{"x": {}})
	assert.ErrorIs(t, err, ErrNoFlavor)
	_, err = DetectFS(fstest.MapFS{"Terrasoft.WebApp/a": {}, "Terrasoft.WebHost/b": {}})
	assert.ErrorContains(t, err, "both")
	_, err = Load(t.TempDir(), "vb6")
	assert.ErrorContains(t, err, "unknown flavor")
}

func TestWriteDefaultRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, WriteDefault(dir, FlavorNetfx))
	s, err := Load(dir, "")
	require.NoError(t, err)
	assert.Equal(t, Default(FlavorNetfx).AnonymousNames(), s.AnonymousNames())

	p := filepath.Join(dir, "Terrasoft.WebApp", "Web.config")
	require.NoError(t, os.WriteFile(p, []byte("mine"), 0o644))
	err = WriteDefault(dir, FlavorNetfx)
	assert.ErrorContains(t, err, "already exists")
	b, _ := os.ReadFile(p)
	assert.Equal(t, "mine", string(b), "user file untouched")
}

// .NET's JSON configuration accepts comments and trailing commas; lines must survive.
func TestRelaxedJSON(t *testing.T) {
	src := "\ufeff{\r\n  // c\r\n  \"A\": { /* x\r\n */ \"B\": [ \"/x\", ],\r\n  },\r\n  \"s\": \"a//b,]\"\r\n}"
	n, err := parseJSON("f.json", []byte(src))
	require.NoError(t, err)
	a := n.Get("a")
	require.NotNil(t, a)
	assert.Equal(t, 3, n.Members[0].Line)
	assert.Equal(t, 4, a.Members[0].Line)
	assert.Equal(t, "/x", a.Members[0].Value.Items[0].Str)
	assert.Equal(t, "a//b,]", n.Get("s").Str)
}

func TestSvcDirectiveTolerance(t *testing.T) {
	cases := []struct{ body, service string }{
		{`<%@ ServiceHost Language="C#" Debug="true" Service="A.B" %>`, "A.B"},
		{"\r\n<%@ServiceHost\r\n\tservice='A.B'\tLanguage=\"C#\" %>", "A.B"},
		{`<%@ ServiceHost Service = "A.B" Factory="F" %>`, "A.B"},
	}
	for _, tc := range cases {
		s := parseSvc("x.svc", "x", []byte(tc.body))
		assert.True(t, s.Valid, tc.body)
		assert.Equal(t, tc.service, s.Service)
	}
	assert.False(t, parseSvc("x.svc", "x", []byte("hello")).Valid)
}

func TestSvcNameOfAndTypeNames(t *testing.T) {
	assert.Equal(t, "X", SvcNameOf("/0/ServiceModel/X.svc/Method"))
	assert.Equal(t, "X", SvcNameOf("servicemodel/X.svc"))
	assert.Equal(t, "", SvcNameOf("/rest/X/Y"))
	assert.True(t, IsFullTypeName("Terrasoft.Configuration.X"))
	assert.False(t, IsFullTypeName("X"))
	assert.False(t, IsFullTypeName("A..B"))
	name, ok := IANAName("latin1")
	assert.True(t, ok)
	assert.Equal(t, "ISO-8859-1", name)
	_, ok = IANAName("ISO-8859-99")
	assert.False(t, ok)
}

func TestAccessString(t *testing.T) {
	assert.Equal(t, "session", AccessSession.String())
	assert.Equal(t, "Access(42)", Access(42).String())
}

// A config file that is a device (or a FIFO, or huge) is refused by name, never read.
func TestSiteFilesMustBeRegular(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, WriteDefault(dir, FlavorNet))
	p := filepath.Join(dir, AppSettingsPath)
	require.NoError(t, os.Remove(p))
	require.NoError(t, os.Symlink("/dev/zero", p))
	_, err := Load(dir, FlavorNet)
	require.ErrorContains(t, err, "appsettings.json")
	require.ErrorContains(t, err, "not a regular file")
}

// A ServiceHost directive inside a server-side comment is no directive.
func TestSvcCommentsAreNotDirectives(t *testing.T) {
	s := parseSvc("X.svc", "X", []byte("<%-- <%@ ServiceHost Service=\"A.B\" %> --%>\n"))
	assert.False(t, s.Valid)
	s = parseSvc("X.svc", "X", []byte("<%-- old --%>\n<%@ ServiceHost Language=\"C#\" Service=\"A.C\" %>\n"))
	assert.True(t, s.Valid)
	assert.Equal(t, "A.C", s.Service)
	assert.Equal(t, 2, s.Pos.Line)
}
