# lib.sh: what the bench scripts share. Source it from the repository root.

work=bench/.work
mkdir -p "$work"

# build NAME PACKAGE: go build PACKAGE into $work/NAME.
build() { go build -o "$work/$1" "$2"; }

# start CMD...: run a server in the background; stopped when the script exits.
pids=()
start() { "$@" & pids+=($!); }
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

# wait_for URL: poll until URL answers (5 s at most).
wait_for() {
  for _ in $(seq 50); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "bench: $1 did not answer" >&2
  return 1
}
