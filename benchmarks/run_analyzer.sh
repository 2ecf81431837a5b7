#!/usr/bin/env bash
# Builds, prepares the corpus once, and runs the analyzer benchmark.
#   benchmarks/run_analyzer.sh [MEGABYTES]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${VANKIEN_BUILD_DIR:-build}
megabytes=${1:-50}
cmake --build "$build_dir" --target analyzer_bench >/dev/null
corpus="$build_dir/benchmarks/corpus-${megabytes}mb.txt"
[ -f "$corpus" ] || /usr/bin/python3 benchmarks/make_corpus.py "$corpus" --megabytes "$megabytes"
"$build_dir/benchmarks/analyzer_bench" "$corpus"
