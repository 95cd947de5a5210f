// Command svccheck is the contract-testing and compatibility harness for Creatio-style web services.
// All behaviour lives in Run so that tests (and testscript) drive the same code as users.
package main

import "os"

func main() { os.Exit(Run(os.Args[1:], os.Stdout, os.Stderr)) }
