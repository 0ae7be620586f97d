#!/usr/bin/env bash
# page.sh: throughput of the reference page /404 against the bare net/http
# baseline serving the same bytes (-file), in the same run (aim: at least
# 0.9). With -z both serve the brotli-compressed page.
#
#   bench/page.sh [-d SECONDS] [-r ROUNDS] [-z]
set -euo pipefail
dur=4 rounds=5 compressed=""
while getopts "d:r:z" o; do
  case $o in
    d) dur=$OPTARG ;; r) rounds=$OPTARG ;; z) compressed=1 ;;
    *) echo "usage: $0 [-d seconds] [-r rounds] [-z]" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."
. bench/lib.sh
build httpstatus ./cmd/httpstatus
build baseline ./bench/baseline

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
start "$work/httpstatus" serve --addr 127.0.0.1:18090 --log-level warn
wait_for http://127.0.0.1:18090/healthz

enc=identity hdr=() base=()
if [ -n "$compressed" ]; then enc=br; hdr=(-H 'Accept-Encoding: br'); base=(-encoding br); fi
curl -fs -H "Accept-Encoding: $enc" http://127.0.0.1:18090/404 -o "$work/404.page"
echo "page /404: $(wc -c < "$work/404.page") bytes ($enc)"
start "$work/baseline" -addr 127.0.0.1:18080 -file "$work/404.page" -type 'text/html; charset=utf-8' ${base[@]+"${base[@]}"}
wait_for http://127.0.0.1:18080/

echo "== /404 throughput against the baseline serving the same bytes (A = httpstatus, B = baseline)"
bench/ratio.sh -d "$dur" -r "$rounds" ${hdr[@]+"${hdr[@]}"} http://127.0.0.1:18090/404 http://127.0.0.1:18080/
