package site

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// defaults holds the built-in sites, one directory per flavor, laid out exactly as on disk so that
// Default and WriteDefault (init-site) can never drift apart.
//
//go:embed all:defaults
var defaults embed.FS

// DefaultFS returns the embedded default site of a flavor as a file system rooted at the site
// directory.
func DefaultFS(flavor Flavor) (fs.FS, error) {
	if flavor != FlavorNetfx && flavor != FlavorNet {
		return nil, fmt.Errorf("unknown flavor %q (want netfx or net)", flavor)
	}
	return fs.Sub(defaults, "defaults/"+string(flavor))
}

// Default is the built-in site the host uses without --site: it registers the example and demo
// anonymous services. It panics on an unknown flavor or a broken embedded file, both programming
// errors caught by the package tests.
func Default(flavor Flavor) *Site {
	fsys, err := DefaultFS(flavor)
	if err != nil {
		panic(err)
	}
	s, err := LoadFS(fsys, flavor, Options{})
	if err != nil {
		panic("site: embedded default site: " + err.Error())
	}
	return s
}

// WriteDefault writes the embedded default site of a flavor into dir for users to edit. It refuses
// to overwrite any existing file, checking all of them before writing the first.
func WriteDefault(dir string, flavor Flavor) error {
	fsys, err := DefaultFS(flavor)
	if err != nil {
		return err
	}
	var files []string
	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	for _, p := range files {
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if _, err := os.Lstat(dst); err == nil {
			return fmt.Errorf("%s already exists; init-site does not overwrite files", dst)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	for _, p := range files {
		if err := copyOut(fsys, p, filepath.Join(dir, filepath.FromSlash(p))); err != nil {
			return err
		}
	}
	return nil
}

func copyOut(fsys fs.FS, p, dst string) error {
	b, err := fs.ReadFile(fsys, p)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
