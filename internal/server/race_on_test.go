//go:build race

package server

// raceSlowdown scales the time limits of tests under the race detector.
const raceSlowdown = 5
