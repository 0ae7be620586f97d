// Command hellohttp is bench/cli.sh's second baseline: hello world plus
// the net/http package, whose initialisation and size every binary that
// also serves HTTP pays for. It shows how much of httpstatus's start-up
// is the cost of being a server at all.
package main

import (
	"fmt"
	"net/http"
)

func main() { fmt.Println("404 " + http.StatusText(http.StatusNotFound)) }
