#!/usr/bin/env bash
# HTML pages: the reader beside Gumbo's parse alone, and indexing a folder of
# pages beside indexing the same text as JSON Lines. About a minute.
#   benchmarks/run_html.sh [PAGES]      (default 2000, from the start of VNTC)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${VANKIEN_BUILD_DIR:-build}
data=../shared/data
[ -d "$data/vntc" ] || { echo "needs $data/vntc" >&2; exit 2; }
pages=${1:-2000}
work=$build_dir/benchmarks/html
cmake --build "$build_dir" --target html_bench >/dev/null
mkdir -p "$work"
# head closes the pipe early: zcat's SIGPIPE is expected.
(zcat "$data"/vntc/vntc_train_full.jsonl.gz || true) | head -n "$((pages + 100))" > "$work/vntc-start.jsonl"
"$build_dir/benchmarks/html_bench" "$work/vntc-start.jsonl" "$work/run" "$pages"
