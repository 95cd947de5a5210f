package site

import (
	"io/fs"
	"regexp"
	"sort"
	"strings"
)

// Paths of the netfx site files, relative to the site directory.
const (
	WebConfigPath    = WebAppDir + "/Web.config"
	ServiceModelPath = WebAppDir + "/ServiceModel"
)

// FolderNames are the two ServiceModel folders Creatio ships; only one is live at a time.
var FolderNames = []string{"http", "https"}

// Netfx is a parsed .NET Framework site (creatio-wire.md §6.1).
type Netfx struct {
	WebConfig WebConfig
	Svcs      []SvcFile
	Folders   map[string]*Folder // "http", "https"
}

// WebConfig is the part of Terrasoft.WebApp/Web.config that decides anonymous access and CSRF.
type WebConfig struct {
	File        ConfigFile
	Locations   []Location
	AppSettings []Setting
	// AppSettingsLine is the line of <appSettings> (0 when absent).
	AppSettingsLine int
	// ServicesSource is system.serviceModel/services@configSource, e.g. ServiceModel\http\services.config.
	ServicesSource Setting
	// LastLocationLine is the line of the last <location>, where a new one naturally goes.
	LastLocationLine int
}

// Setting is a key/value read from a config file with its position.
type Setting struct {
	Key, Value string
	Present    bool
	Pos        Pos
}

// Location is one <location path="…"> block with its authorization rules in document order.
type Location struct {
	Path  string
	Rules []AuthRule
	Pos   Pos
}

// AuthRule is an <allow> or <deny> rule of system.web/authorization.
type AuthRule struct {
	Allow bool
	Users string
}

// AllowsAnonymous applies ASP.NET's rule: the first rule that matches an anonymous user decides; no
// matching rule means the inherited deny users="?" of Creatio's Web.config applies.
func (l Location) AllowsAnonymous() bool {
	for _, r := range l.Rules {
		for _, u := range strings.Split(r.Users, ",") {
			if u = strings.TrimSpace(u); u == "*" || u == "?" {
				return r.Allow
			}
		}
	}
	return false
}

// SvcFile is one ServiceModel/*.svc file: its ServiceHost directive.
type SvcFile struct {
	Name    string // file name without .svc, as on disk
	Service string // full type name from Service="…"
	Factory string
	Valid   bool // a ServiceHost directive was found
	Pos     Pos
}

// Setting returns an appSettings entry by key; keys are compared case-insensitively, as
// ConfigurationManager does.
func (w *WebConfig) Setting(key string) Setting { return findSetting(w.AppSettings, key) }

func findSetting(list []Setting, key string) Setting {
	for _, s := range list {
		if strings.EqualFold(s.Key, key) {
			return s
		}
	}
	return Setting{Key: key}
}

// Location returns the <location> for a path such as ServiceModel/X.svc (case-insensitive, as IIS
// paths are), or nil.
func (w *WebConfig) Location(p string) *Location {
	for i := range w.Locations {
		if samePath(w.Locations[i].Path, p) {
			return &w.Locations[i]
		}
	}
	return nil
}

// AllowedLocations returns the semicolon-separated AllowedLocations list, trimmed, empties dropped.
func (w *WebConfig) AllowedLocations() []string {
	return splitList(w.Setting("AllowedLocations").Value, ";")
}

// Allows tells whether AllowedLocations lists p (case-insensitive, leading slash ignored — Creatio's
// matcher is not public; creatio-wire.md §10 row 23).
func (w *WebConfig) Allows(p string) bool {
	for _, a := range w.AllowedLocations() {
		if samePath(a, p) {
			return true
		}
	}
	return false
}

func samePath(a, b string) bool {
	return strings.EqualFold(strings.TrimPrefix(strings.TrimSpace(a), "/"), strings.TrimPrefix(strings.TrimSpace(b), "/"))
}

func splitList(v, sep string) []string {
	var out []string
	for _, p := range strings.Split(v, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// ActiveFolder is the ServiceModel folder Web.config makes live through
// <services configSource="ServiceModel\http\services.config"/>. Without a recognisable configSource
// it is "http", the shipped value.
func (n *Netfx) ActiveFolder() string {
	src := strings.ToLower(strings.ReplaceAll(n.WebConfig.ServicesSource.Value, "\\", "/"))
	parts := strings.Split(strings.Trim(src, "/"), "/")
	if len(parts) >= 2 && (parts[len(parts)-2] == "http" || parts[len(parts)-2] == "https") {
		return parts[len(parts)-2]
	}
	return "http"
}

// Svc finds ServiceModel/{name}.svc case-insensitively (IIS file names are).
func (n *Netfx) Svc(name string) *SvcFile {
	for i := range n.Svcs {
		if strings.EqualFold(n.Svcs[i].Name, name) {
			return &n.Svcs[i]
		}
	}
	return nil
}

func loadNetfx(fsys fs.FS) (*Netfx, error) {
	n := &Netfx{Folders: map[string]*Folder{}}
	if err := n.loadWebConfig(fsys); err != nil {
		return nil, err
	}
	if err := n.loadSvcs(fsys); err != nil {
		return nil, err
	}
	for _, name := range FolderNames {
		f, err := loadFolder(fsys, name)
		if err != nil {
			return nil, err
		}
		n.Folders[name] = f
	}
	return n, nil
}

func (n *Netfx) loadWebConfig(fsys fs.FS) error {
	root, cf, err := readXMLFile(fsys, WebConfigPath)
	if err != nil || root == nil {
		n.WebConfig.File = cf
		return err
	}
	w := WebConfig{File: cf}
	if as := root.Child("appSettings"); as != nil {
		w.AppSettingsLine = as.Line
		w.AppSettings = readAppSettings(WebConfigPath, as)
	}
	if s := root.Path("system.serviceModel", "services"); s != nil {
		v, ok := s.Attr("configSource")
		w.ServicesSource = Setting{Key: "configSource", Value: v, Present: ok, Pos: Pos{WebConfigPath, s.Line}}
	}
	for _, l := range root.Kids("location") {
		loc := Location{Path: attr(l, "path"), Pos: Pos{WebConfigPath, l.Line}}
		for _, r := range l.Path("system.web", "authorization").Children {
			if r.Name == "allow" || r.Name == "deny" {
				loc.Rules = append(loc.Rules, AuthRule{Allow: r.Name == "allow", Users: attr(r, "users")})
			}
		}
		w.Locations = append(w.Locations, loc)
		w.LastLocationLine = l.Line
	}
	n.WebConfig = w
	return nil
}

func readAppSettings(file string, as *Node) []Setting {
	var out []Setting
	for _, a := range as.Kids("add") {
		out = append(out, Setting{Key: attr(a, "key"), Value: attr(a, "value"), Present: true, Pos: Pos{file, a.Line}})
	}
	return out
}

// readXMLFile reads and parses one optional XML file.
func readXMLFile(fsys fs.FS, p string) (*Node, ConfigFile, error) {
	cf := ConfigFile{Path: p}
	b, ok, err := readOptional(fsys, p)
	if err != nil || !ok {
		return nil, cf, err
	}
	root, err := parseXML(p, b)
	if err != nil {
		return nil, cf, err
	}
	cf.Present, cf.Line = true, root.Line
	return root, cf, nil
}

var (
	directiveRe = regexp.MustCompile(`(?is)<%@\s*ServiceHost\b(.*?)%>`)
	attrRe      = regexp.MustCompile(`(?s)([A-Za-z]+)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
)

func (n *Netfx) loadSvcs(fsys fs.FS) error {
	ents, err := fs.ReadDir(fsys, ServiceModelPath)
	if err != nil {
		return nil // no ServiceModel folder: every .svc is missing, which Anonymous reports
	}
	for _, e := range ents {
		if e.IsDir() || !strings.HasSuffix(strings.ToLower(e.Name()), ".svc") {
			continue
		}
		p := ServiceModelPath + "/" + e.Name()
		b, err := readFile(fsys, p)
		if err != nil {
			return err
		}
		n.Svcs = append(n.Svcs, parseSvc(p, e.Name()[:len(e.Name())-4], stripBOM(b)))
	}
	sort.Slice(n.Svcs, func(i, j int) bool { return n.Svcs[i].Name < n.Svcs[j].Name })
	return nil
}

// parseSvc reads the ServiceHost directive; directive attribute names are case-insensitive in
// ASP.NET, and any order is fine.
func parseSvc(p, name string, b []byte) SvcFile {
	s := SvcFile{Name: name, Pos: Pos{p, 1}}
	b = blankComments(b)
	loc := directiveRe.FindSubmatchIndex(b)
	if loc == nil {
		return s
	}
	s.Valid, s.Pos.Line = true, lineAt(b, int64(loc[0]))
	for _, m := range attrRe.FindAllSubmatch(b[loc[2]:loc[3]], -1) {
		v := string(m[2]) + string(m[3])
		switch strings.ToLower(string(m[1])) {
		case "service":
			s.Service = strings.TrimSpace(v)
		case "factory":
			s.Factory = strings.TrimSpace(v)
		}
	}
	return s
}

// svcComment is an ASP.NET server-side comment: a directive inside one is not a directive.
var svcComment = regexp.MustCompile(`(?s)<%--.*?--%>`)

// blankComments replaces server-side comments with spaces (newlines kept), so positions stay true.
func blankComments(b []byte) []byte {
	return svcComment.ReplaceAllFunc(b, func(c []byte) []byte {
		out := make([]byte, len(c))
		for i, ch := range c {
			out[i] = ' '
			if ch == '\n' {
				out[i] = '\n'
			}
		}
		return out
	})
}

func loadFolder(fsys fs.FS, name string) (*Folder, error) {
	dir := ServiceModelPath + "/" + name + "/"
	f := &Folder{Name: name}
	root, cf, err := readXMLFile(fsys, dir+"services.config")
	if err != nil {
		return nil, err
	}
	f.ServicesFile = cf
	if root != nil {
		f.Services = parseServices(cf.Path, root)
	}
	if root, cf, err = readXMLFile(fsys, dir+"bindings.config"); err != nil {
		return nil, err
	}
	f.BindingsFile = cf
	if root != nil {
		if f.Bindings, err = parseBindings(cf.Path, root); err != nil {
			return nil, err
		}
	}
	if root, cf, err = readXMLFile(fsys, dir+"behaviors.config"); err != nil {
		return nil, err
	}
	f.BehaviorsFile = cf
	if root != nil {
		f.EndpointBehaviors, f.ServiceBehaviors = parseBehaviors(cf.Path, root)
	}
	return f, nil
}
