#!/usr/bin/env bash
# vankien at a million documents beside a tenth of them (benchmarks/million.py).
#   benchmarks/run_million.sh [DOCUMENTS] [BASELINE]    default 1,000,000 and 100,000: about 45 minutes, 15 GB of disk
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${VANKIEN_BUILD_DIR:-build}
cmake --build "$build_dir" --target engine_bench >/dev/null
exec /usr/bin/python3 benchmarks/million.py --documents "${1:-1000000}" --baseline "${2:-100000}" \
  --bin "$build_dir/benchmarks/engine_bench" --work "$build_dir/benchmarks/million"
