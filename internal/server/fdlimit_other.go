//go:build !unix

package server

// OpenFileLimit is 0 where the open-file limit cannot be read.
func OpenFileLimit() int { return 0 }
