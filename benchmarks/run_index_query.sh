#!/usr/bin/env bash
# Indexing and query figures over VNTC (../shared/data/vntc), each beside plain
# Xapian measured in the same run. Takes about ten minutes on two cores.
#   benchmarks/run_index_query.sh [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${VANKIEN_BUILD_DIR:-build}
work=${1:-$build_dir/benchmarks/vntc}
data=../shared/data
[ -d "$data/vntc" ] || { echo "needs $data/vntc" >&2; exit 2; }
cmake --build "$build_dir" --target vankien_cli index_bench query_bench >/dev/null
mkdir -p "$work"
[ -f "$work/vntc.jsonl" ] || zcat "$data"/vntc/vntc_train_full.jsonl.gz "$data"/vntc/vntc_test_full.jsonl.gz > "$work/vntc.jsonl"

echo "== indexing, first 10,000 articles, vankien vs plain Xapian"
"$build_dir/benchmarks/index_bench" "$work/vntc.jsonl" "$work/index-bench" 10000

echo "== indexing all of VNTC with the CLI"
rm -rf "$work/vntc.db"
/usr/bin/time -f "wall %e s, peak RSS %M KB" "$build_dir/cli/vankien" index -q --db "$work/vntc.db" "$work/vntc.jsonl"
du -sm "$work/vntc.db"

echo "== queries"
"$build_dir/benchmarks/query_bench" "$work/vntc.db" "$data/queries/keyword.freq" 1000
