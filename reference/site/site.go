package site

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// Flavor is the Creatio runtime a site belongs to; plain strings keep this package free of the
// host's profile package.
type Flavor string

// The two runtimes Creatio ships on (creatio-wire.md §0).
const (
	FlavorNetfx Flavor = "netfx"
	FlavorNet   Flavor = "net"
)

// Top-level directories that identify a flavor.
const (
	WebAppDir  = "Terrasoft.WebApp"
	WebHostDir = "Terrasoft.WebHost"
)

// Pos is where something was read: a path relative to the site directory with forward slashes, and
// a 1-based line (0 when the whole file is meant, e.g. it is missing).
type Pos struct {
	File string
	Line int
}

func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

// Site is one parsed site directory. Exactly one of Netfx and Net is set, matching Flavor.
type Site struct {
	Flavor Flavor
	Netfx  *Netfx
	Net    *Net
}

// Options tune how a site is read where Creatio's behaviour is unconfirmed.
type Options struct {
	// NetAnonymousSection is the appsettings.json section holding AnonymousRoutes on net. The 8.1
	// install uses "ConfigurationServices"; a test fixture of clio uses "WebServices"
	// (creatio-wire.md §10 row 21, profile setting anon.net_section). Empty means the default.
	NetAnonymousSection string
}

// DefaultNetAnonymousSection is the section read by default (creatio-wire.md §10 row 21).
const DefaultNetAnonymousSection = "ConfigurationServices"

// Load reads the site in dir. An empty flavor auto-detects it from the top-level directory
// (Terrasoft.WebApp → netfx, Terrasoft.WebHost → net). Missing files are not errors — they are
// gaps Creatio itself would live with and the doctor reports; malformed XML or JSON is an error
// "file:line: what was expected".
func Load(dir string, flavor Flavor) (*Site, error) {
	return LoadWith(dir, flavor, Options{})
}

// LoadWith is Load with explicit options.
// A malformed file is named by its path on disk (dir joined), so the user can open it.
func LoadWith(dir string, flavor Flavor, opt Options) (*Site, error) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("%s: not a site directory (expected Terrasoft.WebApp/ or Terrasoft.WebHost/ inside)", dir)
	}
	s, err := LoadFS(os.DirFS(dir), flavor, opt)
	var pe *ParseError
	if errors.As(err, &pe) {
		pe.File = filepath.Join(dir, pe.File)
	}
	return s, err
}

// LoadFS reads a site from any file system; Default uses it on the embedded copy so the built-in
// site is parsed exactly like one on disk.
func LoadFS(fsys fs.FS, flavor Flavor, opt Options) (*Site, error) {
	if flavor == "" {
		f, err := DetectFS(fsys)
		if err != nil {
			return nil, err
		}
		flavor = f
	}
	if opt.NetAnonymousSection == "" {
		opt.NetAnonymousSection = DefaultNetAnonymousSection
	}
	switch flavor {
	case FlavorNetfx:
		n, err := loadNetfx(fsys)
		if err != nil {
			return nil, err
		}
		return &Site{Flavor: flavor, Netfx: n}, nil
	case FlavorNet:
		n, err := loadNet(fsys, opt)
		if err != nil {
			return nil, err
		}
		return &Site{Flavor: flavor, Net: n}, nil
	}
	return nil, fmt.Errorf("unknown flavor %q (want netfx or net)", flavor)
}

// ErrNoFlavor is returned by Detect when neither Terrasoft.WebApp nor Terrasoft.WebHost exists.
var ErrNoFlavor = errors.New("cannot tell the flavor: the site directory has neither " + WebAppDir + "/ (netfx) nor " + WebHostDir + "/ (net)")

// Detect tells the flavor of a site directory from its top-level directories.
func Detect(dir string) (Flavor, error) { return DetectFS(os.DirFS(dir)) }

// DetectFS is Detect on a file system. Both directories present is ambiguous and needs an explicit
// flavor rather than a guess.
func DetectFS(fsys fs.FS) (Flavor, error) {
	fx := isDir(fsys, WebAppDir)
	nt := isDir(fsys, WebHostDir)
	switch {
	case fx && nt:
		return "", fmt.Errorf("cannot tell the flavor: the site has both %s/ and %s/; pass the flavor explicitly", WebAppDir, WebHostDir)
	case fx:
		return FlavorNetfx, nil
	case nt:
		return FlavorNet, nil
	}
	return "", ErrNoFlavor
}

func isDir(fsys fs.FS, name string) bool {
	st, err := fs.Stat(fsys, name)
	return err == nil && st.IsDir()
}

// MaxFileSize bounds one site file: Creatio's config files are kilobytes, so anything this large is
// a mistake (or /dev/zero) and is refused rather than read into memory.
const MaxFileSize = 32 << 20

// readOptional reads a file; a missing file yields (nil, false, nil).
func readOptional(fsys fs.FS, name string) ([]byte, bool, error) {
	b, err := readFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return b, true, nil
}

// readFile reads a regular file of at most MaxFileSize bytes; devices, FIFOs and huge files are
// refused by name, so a run never blocks or exhausts memory on a bad site directory.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &ParseError{File: name, Msg: "not a regular file"}
	}
	if st.Size() > MaxFileSize {
		return nil, &ParseError{File: name, Msg: fmt.Sprintf("%d bytes: larger than the %d a config file can be", st.Size(), MaxFileSize)}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err == nil && len(b) > MaxFileSize {
		return nil, &ParseError{File: name, Msg: "grew past the size limit while being read"}
	}
	return b, err
}

func join(elem ...string) string { return path.Join(elem...) }
