package main
import (
 _ "github.com/getkin/kin-openapi/openapi3"
 _ "github.com/rogpeppe/go-internal/testscript"
 _ "github.com/stretchr/testify/require"
 _ "golang.org/x/text/encoding/ianaindex"
 _ "gopkg.in/yaml.v3"
)
func main(){}
