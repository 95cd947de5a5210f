package site

import (
	"io/fs"
	"strings"
)

// Paths of the net site files, relative to the site directory.
const (
	AppSettingsPath = WebHostDir + "/appsettings.json"
	DllConfigPath   = WebHostDir + "/Terrasoft.WebHost.dll.config"
)

// AlternativeNetSections are parents of AnonymousRoutes seen in the field besides the default
// (creatio-wire.md §10 row 21); the doctor warns when routes sit only there.
var AlternativeNetSections = []string{"ConfigurationServices", "WebServices"}

// Net is a parsed .NET (ASP.NET Core) site (creatio-wire.md §6.2).
type Net struct {
	AppSettingsFile ConfigFile
	// Section is the appsettings.json section AnonymousRoutes was read from; SectionPos is the line
	// of its AnonymousRoutes key (Line 0 when absent).
	Section    string
	SectionPos Pos
	Routes     []AnonRoute
	// Elsewhere lists AnonymousRoutes found under other known sections, which this version of the
	// host does not read.
	Elsewhere []Setting
	// NotObject is where AnonymousRoutes stands with a value that is not a JSON object (zero when fine).
	NotObject Pos
	DllConfig ConfigFile
	// AppSettings are the appSettings of Terrasoft.WebHost.dll.config (UseCsrfToken and friends).
	AppSettings []Setting
	// Bindings are any system.serviceModel bindings in the dll.config; Creatio on .NET does not
	// support custom text encodings, so their presence is a finding (F11).
	Bindings []Binding
}

// AnonRoute is one AnonymousRoutes entry: a service type name and its route paths.
type AnonRoute struct {
	Key     string
	Pos     Pos
	Paths   []RoutePath
	NotList bool // the value is not a JSON array, so .NET binds no paths
}

// RoutePath is one path of an AnonRoute.
type RoutePath struct {
	Path string
	Pos  Pos
}

// Setting returns an appSettings entry of the dll.config.
func (n *Net) Setting(key string) Setting { return findSetting(n.AppSettings, key) }

func loadNet(fsys fs.FS, opt Options) (*Net, error) {
	n := &Net{Section: opt.NetAnonymousSection, AppSettingsFile: ConfigFile{Path: AppSettingsPath}}
	b, ok, err := readOptional(fsys, AppSettingsPath)
	if err != nil {
		return nil, err
	}
	if ok {
		root, err := parseJSON(AppSettingsPath, b)
		if err != nil {
			return nil, err
		}
		n.AppSettingsFile.Present, n.AppSettingsFile.Line = true, root.Line
		n.readRoutes(root)
	}
	xroot, cf, err := readXMLFile(fsys, DllConfigPath)
	if err != nil {
		return nil, err
	}
	n.DllConfig = cf
	if xroot != nil {
		if as := xroot.Child("appSettings"); as != nil {
			n.AppSettings = readAppSettings(DllConfigPath, as)
		}
		if bs := xroot.Path("system.serviceModel", "bindings"); bs != nil {
			if n.Bindings, err = parseBindings(DllConfigPath, bs); err != nil {
				return nil, err
			}
		}
	}
	return n, nil
}

func (n *Net) readRoutes(root *JSONNode) {
	for _, sec := range AlternativeNetSections {
		if !strings.EqualFold(sec, n.Section) {
			if m := memberOf(root.Get(sec), "AnonymousRoutes"); m != nil {
				n.Elsewhere = append(n.Elsewhere, Setting{Key: sec, Present: true, Pos: Pos{AppSettingsPath, m.Line}})
			}
		}
	}
	if m := memberOf(root, "AnonymousRoutes"); m != nil {
		n.Elsewhere = append(n.Elsewhere, Setting{Key: "(top level)", Present: true, Pos: Pos{AppSettingsPath, m.Line}})
	}
	if m := anyMember(root.Get(n.Section), "AnonymousRoutes"); m != nil && m.Value.Kind != '{' {
		n.NotObject = Pos{AppSettingsPath, m.Line}
	}
	m := memberOf(root.Get(n.Section), "AnonymousRoutes")
	if m == nil {
		return
	}
	n.SectionPos = Pos{AppSettingsPath, m.Line}
	for _, r := range m.Value.Members {
		ar := AnonRoute{Key: r.Key, Pos: Pos{AppSettingsPath, r.Line}, NotList: r.Value.Kind != '['}
		for _, it := range r.Value.Items {
			ar.Paths = append(ar.Paths, RoutePath{Path: it.Str, Pos: Pos{AppSettingsPath, it.Line}})
		}
		n.Routes = append(n.Routes, ar)
	}
}

// anyMember finds a member whatever its value's kind.
func anyMember(n *JSONNode, key string) *JSONMember {
	if n == nil || n.Kind != '{' {
		return nil
	}
	for i := range n.Members {
		if equalFoldASCII(n.Members[i].Key, key) {
			return &n.Members[i]
		}
	}
	return nil
}

// memberOf finds an object member (case-insensitive, as .NET configuration keys are).
func memberOf(n *JSONNode, key string) *JSONMember {
	if n == nil || n.Kind != '{' {
		return nil
	}
	for i := range n.Members {
		if equalFoldASCII(n.Members[i].Key, key) && n.Members[i].Value.Kind == '{' {
			return &n.Members[i]
		}
	}
	return nil
}
