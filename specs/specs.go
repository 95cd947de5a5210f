// Package specs embeds the bundled OpenAPI documents, so `svccheck run` works from any directory.
package specs

import "embed"

// FS holds every bundled spec (*.yaml); `svccheck run` uses them when no --spec is given.
//
//go:embed *.yaml
var FS embed.FS
