#!/usr/bin/env bash
# vankien beside plain Xapian and SQLite FTS5 (benchmarks/compare.py).
#   benchmarks/run_compare.sh [quick|full]    quick: about 3 minutes; full: about 40
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${VANKIEN_BUILD_DIR:-build}
cmake --build "$build_dir" --target engine_bench >/dev/null
exec /usr/bin/python3 benchmarks/compare.py --mode "${1:-quick}" \
  --bin "$build_dir/benchmarks/engine_bench" --work "$build_dir/benchmarks/compare-${1:-quick}"
