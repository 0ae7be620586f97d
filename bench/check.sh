#!/usr/bin/env bash
# check.sh: 'httpstatus check' on N loopback URLs against our own test
# service, side by side in the same run with curl's parallel mode (and
# httpx when it is installed): wall time and peak RSS of each checker.
# Aim: at most curl's time, at most 50 MB RSS.
#
#   bench/check.sh [-n URLS] [-c CONCURRENCY] [-r ROUNDS]
#
# The URL list mixes codes, a redirect and a small sleep, as a real list
# does; every tool follows redirects (curl -L) and discards bodies.
# Quote the ratios: the machine is shared and its speed drifts.
set -euo pipefail
n=10000 c=50 rounds=3
while getopts "n:c:r:" o; do
  case $o in
    n) n=$OPTARG ;; c) c=$OPTARG ;; r) rounds=$OPTARG ;;
    *) echo "usage: $0 [-n urls] [-c concurrency] [-r rounds]" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."
. bench/lib.sh
build httpstatus ./cmd/httpstatus

port=18095
start "$work/httpstatus" serve --addr 127.0.0.1:$port --max-connections 20000 --max-conns-per-ip 20000 --log-level warn
wait_for http://127.0.0.1:$port/healthz

base=http://127.0.0.1:$port
paths=(/status/200 /status/204 /status/404 /status/500 /redirect/1 /status/301 /get /status/200?sleep=5)
: > "$work/urls.txt"
: > "$work/urls.curl"
for i in $(seq "$n"); do
  p=${paths[$((i % ${#paths[@]}))]}
  sep='?'; [[ $p == *\?* ]] && sep='&'
  [[ $p == /status/301 ]] && p="/status/301?location=/get" && sep='&'
  [[ $p == /redirect/1 || $p == /get ]] && sep='' # these take no parameters
  u="$base$p"
  echo "$u" >> "$work/urls.txt"
  printf 'url = "%s"\noutput = "/dev/null"\n' "$u" >> "$work/urls.curl"
done

# measure NAME CMD...: wall seconds and peak RSS (MB) of one run.
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$work/out.txt" 2> "$work/err.txt" || true
  read -r secs kb < <(tail -n 1 "$work/time.txt") # GNU time first notes a non-zero exit
  printf '%-10s %6.2f s %6.1f MB  (%s lines of output)\n' "$name" "$secs" "$(echo "$kb/1024" | bc -l)" "$(wc -l < "$work/out.txt")"
  echo "$secs" >> "$work/$name.times"
}

rm -f "$work"/*.times
echo "== $n URLs, concurrency $c, $rounds rounds (each: httpstatus check, then curl -Z)"
for r in $(seq "$rounds"); do
  # One host: as many connections to it as curl opens (--per-host c).
  measure httpstatus "$work/httpstatus" check -i "$work/urls.txt" -c "$c" --per-host "$c" --jsonl
  measure curl curl -sS -L -Z --parallel-max "$c" -w '%{http_code}\n' --config "$work/urls.curl"
  if command -v httpx > /dev/null; then
    measure httpx httpx -l "$work/urls.txt" -silent -threads "$c" -status-code -follow-redirects -no-color
  fi
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
hs=$(median "$work/httpstatus.times"); cu=$(median "$work/curl.times")
echo "median wall time: httpstatus $hs s, curl $cu s: ratio $(echo "$hs/$cu" | bc -l | cut -c1-5) (aim: at most 1)"
if [ -f "$work/httpx.times" ]; then
  hx=$(median "$work/httpx.times"); echo "httpx $hx s: ratio httpstatus/httpx $(echo "$hs/$hx" | bc -l | cut -c1-5)"
fi
