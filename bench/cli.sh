#!/usr/bin/env bash
# cli.sh: time 'httpstatus 404' as a whole process against a hello-world Go
# binary, in the same run, and print the median ratio (aim: at most 1.5).
#
#   bench/cli.sh [-n RUNS_PER_ROUND] [-r ROUNDS]
#
# Both binaries are built into bench/.work first. Rounds alternate A and B
# so that drift on a shared machine hits both; quote the ratio, not the
# absolute times.
set -euo pipefail
runs=200 rounds=5
while getopts "n:r:" o; do
  case $o in
    n) runs=$OPTARG ;; r) rounds=$OPTARG ;;
    *) echo "usage: $0 [-n runs] [-r rounds]" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."
. bench/lib.sh
build httpstatus ./cmd/httpstatus
build hello ./bench/hello
build hellohttp ./bench/hellohttp

# elapsed_ns CMD...: run the command $runs times, print the total in ns.
elapsed_ns() {
  local start end
  start=$(date +%s%N)
  for ((i = 0; i < runs; i++)); do "$@" >/dev/null; done
  end=$(date +%s%N)
  echo $((end - start))
}

"$work/httpstatus" 404 >/dev/null; "$work/hello" >/dev/null   # warm the page cache
ratios=() floor=()
ms() { awk -v t="$1" -v n="$runs" 'BEGIN { printf "%.2f", t / n / 1e6 }'; }
for r in $(seq "$rounds"); do
  a=$(elapsed_ns "$work/httpstatus" 404)
  b=$(elapsed_ns "$work/hello")
  c=$(elapsed_ns "$work/hellohttp")
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f", a / b }')
  f=$(awk -v c="$c" -v b="$b" 'BEGIN { printf "%.3f", c / b }')
  echo "round $r: httpstatus 404 $(ms "$a") ms, hello $(ms "$b") ms, hello+net/http $(ms "$c") ms; ratio $ratio (net/http floor $f)"
  ratios+=("$ratio") floor+=("$f")
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { printf "%.3f", v[int((NR + 1) / 2)] }'; }
echo "median ratio httpstatus/hello $(median "${ratios[@]}") (aim: <= 1.5); hello+net/http/hello $(median "${floor[@]}")"
