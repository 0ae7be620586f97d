// Command hello is the baseline of bench/cli.sh: the smallest Go program
// that prints a line, so that the script can compare a whole httpstatus
// process with the cost of starting any Go binary at all.
package main

import "fmt"

func main() { fmt.Println("404 Not Found") }
