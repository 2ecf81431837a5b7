#!/usr/bin/env bash
# Shards: indexing with --shards 2 beside one writer and plain Xapian, and
# query latency over 1, 2 and 4 shards served by xapian-tcpsrv on loopback
# beside one local database of the same documents, all in one run.
#   benchmarks/run_shards.sh [DOCUMENTS] [QUERIES] [WORKDIR]
# Uses the first DOCUMENTS (default 20,000) articles of VNTC and queries
# sampled from ../shared/data/queries/keyword.freq.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${VANKIEN_BUILD_DIR:-build}
documents=${1:-20000}
queries=${2:-500}
work=${3:-$build_dir/benchmarks/shards}
data=../shared/data
cmake --build "$build_dir" --target vankien_cli index_bench shard_bench passage_bench >/dev/null
mkdir -p "$work"
[ -d "$data/vntc" ] || { echo "needs $data/vntc" >&2; exit 2; }
corpus=$work/corpus.jsonl
{ zcat "$data"/vntc/vntc_train_full.jsonl.gz || true; } | head -n "$documents" > "$corpus"  # zcat stops once head has enough
query_file=$data/queries/keyword.freq

echo "== indexing $documents documents: one writer, 2 shards, plain Xapian"
"$build_dir/benchmarks/index_bench" "$corpus" "$work/index" "$documents" 2

echo "== building the databases"
cli="$build_dir/cli/vankien"
for db in one two four; do rm -rf "$work/$db" "$work/$db.shards"; done
"$cli" index -q --db "$work/one" "$corpus"
"$cli" index -q --db "$work/two" --shards 2 "$corpus"
"$cli" index -q --db "$work/four" --shards 4 "$corpus"

pids=()
stop_servers() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap stop_servers EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# Starts xapian-tcpsrv on loopback in a session of its own; prints tcp://.
serve() {
  local port; port=$(free_port)
  setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$port" "$1" >/dev/null 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && { echo "tcp://127.0.0.1:$port"; return; }
    sleep 0.1
  done
  echo "xapian-tcpsrv did not start on $port" >&2; exit 1
}
one_remote=$(serve "$work/one")
two_remote="$(serve "$work/two.shards/0"),$(serve "$work/two.shards/1")"
four_remote=""
for k in 0 1 2 3; do four_remote+="${four_remote:+,}$(serve "$work/four.shards/$k")"; done

echo "== queries: $queries as typed, top 10 with snippets"
"$build_dir/benchmarks/shard_bench" "$query_file" "$queries" \
  "one local database=$work/one" \
  "2 local shards=$work/two" \
  "1 remote shard=$one_remote" \
  "2 remote shards=$two_remote" \
  "4 remote shards=$four_remote"

echo "== a remote hit's snippet passage, found in its stored body"
"$build_dir/benchmarks/passage_bench" "$corpus" "$query_file" 2000 300
