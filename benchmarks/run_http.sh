#!/usr/bin/env bash
# `vankien serve` under 32 concurrent clients for 30 s, beside the same
# searches through the library in one process, over the bundled sample
# corpus and over a larger one (the first DOCUMENTS articles of VNTC).
#   benchmarks/run_http.sh [SECONDS] [CLIENTS] [DOCUMENTS] [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${VANKIEN_BUILD_DIR:-build}
seconds=${1:-30}
clients=${2:-32}
documents=${3:-20000}
work=${4:-$build_dir/benchmarks/http}
data=../shared/data
queries=$data/queries/keyword.freq
[ -f "$queries" ] && [ -d "$data/vntc" ] || { echo "needs $queries and $data/vntc" >&2; exit 2; }
cmake --build "$build_dir" --target vankien_cli http_load >/dev/null
cli="$build_dir/cli/vankien"
mkdir -p "$work"

rm -rf "$work/sample.db" "$work/vntc.db"
"$cli" index -q --db "$work/sample.db" examples/corpus
{ zcat "$data"/vntc/vntc_train_full.jsonl.gz || true; } | head -n "$documents" > "$work/vntc.jsonl"
"$cli" index -q --db "$work/vntc.db" "$work/vntc.jsonl"

pid=
stop_server() { [ -z "$pid" ] || kill "$pid" 2>/dev/null || true; }
trap stop_server EXIT
for db in sample vntc; do
  log=$work/$db.log
  setsid "$cli" serve --quiet --db "$work/$db.db" --listen 127.0.0.1:0 --connections 64 2>"$log" &
  pid=$!
  url=
  for _ in $(seq 100); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" || true)
    [ -n "$url" ] && break
    sleep 0.1
  done
  [ -n "$url" ] || { echo "vankien serve did not start" >&2; exit 1; }
  echo "== $db corpus"
  "$build_dir/benchmarks/http_load" "$queries" 500 "$work/$db.db" "$url" "$seconds" "$clients" "$pid"
  kill "$pid"
  wait "$pid" || true
  pid=
done
