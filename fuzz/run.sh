#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for SECONDS (default
# 60), starting from the seed corpora in fuzz/corpus/. A crash leaves its input
# in build-fuzz/artifacts/ and fails the run; turn it into a test case.
#   fuzz/run.sh [SECONDS] [TARGET...]     e.g. fuzz/run.sh 3600 query  (a long run)
#   fuzz/run.sh ci                        what CI runs: a fixed seed and a fixed
#                                         number of inputs per target, so CI is
#                                         repeatable (new findings come from timed runs)
# Needs the packages that `scripts/dev.sh setup` installs (clang, libclang-rt-14-dev).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
limit=(-max_total_time="$seconds")
if [ "$seconds" = ci ]; then
  limit=(-seed=1 -runs=40000)
  rm -rf build-fuzz/corpus  # start from the seed corpora alone, as CI does
fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(analyzer query record xml jsonl text html legacy api)
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVANKIEN_FUZZ=ON -DVANKIEN_WERROR=ON \
  -DVANKIEN_BUILD_TESTS=OFF -DVANKIEN_BUILD_BENCHMARKS=OFF -DVANKIEN_BUILD_PYTHON=OFF >/dev/null
cmake --build build-fuzz -j "$(nproc)" --target $(printf 'fuzz_%s ' "${targets[@]}") >/dev/null
mkdir -p build-fuzz/artifacts
passed=0
for target in "${targets[@]}"; do
  work=build-fuzz/corpus/$target
  mkdir -p "$work"
  # The sample corpus seeds the page and text readers too (portal pages, a site export).
  seeds=("fuzz/corpus/$target")
  [ "$target" = html ] && seeds+=(examples/corpus/portal)
  [ "$target" = text ] && seeds+=(examples/corpus/export)
  echo "== fuzz_$target (${limit[*]})"
  status=0
  ASAN_OPTIONS=detect_leaks=0 build-fuzz/fuzz/fuzz_$target "${limit[@]}" -max_len=65536 \
    -artifact_prefix=build-fuzz/artifacts/$target- -print_final_stats=1 "$work" "${seeds[@]}" \
    > "build-fuzz/$target.log" 2>&1 || status=$?
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY|Done)" "build-fuzz/$target.log" || true
  if [ "$status" -ne 0 ]; then
    echo "fuzz_$target failed; see build-fuzz/$target.log and build-fuzz/artifacts/" >&2
    echo "fuzz: $((passed)) passed, 1 failed"
    exit 1
  fi
  passed=$((passed + 1))
done
echo "fuzz: $passed passed, 0 failed"
