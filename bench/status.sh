#!/usr/bin/env bash
# status.sh: the test service's benchmarks, each against a baseline in the
# same run.
#   1. throughput of /status/200 against the bare net/http baseline
#      (bench/baseline) serving the same status and bytes: median ratio
#      (aim: at least 0.95);
#   2. 5,000 concurrent /status/200?sleep=5s requests (aim: no errors and
#      the server's resident memory under 200 MB).
# Needs wrk (apt-get install -y wrk). Quote the ratios, not the absolute
# numbers: the machine is shared and its speed drifts.
#
#   bench/status.sh [-d SECONDS] [-r ROUNDS] [-n SLEEPERS]
set -euo pipefail
dur=4 rounds=5 sleepers=5000
while getopts "d:r:n:" o; do
  case $o in
    d) dur=$OPTARG ;; r) rounds=$OPTARG ;; n) sleepers=$OPTARG ;;
    *) echo "usage: $0 [-d seconds] [-r rounds] [-n sleepers]" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."
. bench/lib.sh
build httpstatus ./cmd/httpstatus
build baseline ./bench/baseline
build sleepers ./bench/sleepers

start "$work/httpstatus" serve --addr 127.0.0.1:18090 --max-sleepers $((sleepers + 100)) \
  --max-connections $((sleepers + 1000)) --max-conns-per-ip $((sleepers + 1000)) --log-level warn
server=${pids[-1]}
start "$work/baseline" -addr 127.0.0.1:18080
wait_for http://127.0.0.1:18090/healthz
wait_for http://127.0.0.1:18080/

echo "== /status/200 throughput against the baseline (A = httpstatus, B = baseline)"
bench/ratio.sh -d "$dur" -r "$rounds" http://127.0.0.1:18090/status/200 http://127.0.0.1:18080/

echo "== $sleepers concurrent sleep=5s requests"
"$work/sleepers" -url 'http://127.0.0.1:18090/status/200?sleep=5s' -n "$sleepers" -pid "$server"
