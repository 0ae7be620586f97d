//go:build unix

package server

import "syscall"

// OpenFileLimit is the process's limit on open files (the soft
// RLIMIT_NOFILE, which the Go runtime raises to the hard limit at start),
// or 0 when it cannot be read. Every connection costs one.
func OpenFileLimit() int {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl); err != nil || rl.Cur > 1<<31 {
		return 0
	}
	return int(rl.Cur)
}
