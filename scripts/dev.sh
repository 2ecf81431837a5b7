#!/usr/bin/env bash
# One entry point for contributors and CI, on Debian bookworm.
#   scripts/dev.sh setup   install the Debian packages vankien builds with
#   scripts/dev.sh build   setup, then configure and build into ./build
#   scripts/dev.sh demo    build, then run the sample session (examples/demo.sh)
#   scripts/dev.sh test    build, then run every test (ctest)
#   scripts/dev.sh release   build as users do (Release, -O3) into ./build-release,
#                          warnings as errors, then check the CLI runs
#   scripts/dev.sh sanitize  build into ./build-sanitize with AddressSanitizer and
#                          UndefinedBehaviorSanitizer, then run the C++ and CLI tests
# Set VANKIEN_BUILD_DIR to build elsewhere, CMAKE_BUILD_TYPE to change the type.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  cmake g++ make pkg-config
  libicu-dev libxapian-dev libzstd-dev xapian-tools libexpat1-dev libgumbo-dev libyaml-dev libtomlplusplus-dev
  doctest-dev libcli11-dev nlohmann-json3-dev libbenchmark-dev libcpp-httplib-dev libssl-dev
  zlib1g-dev pybind11-dev python3-dev python3-pytest python3-venv python3-pip python3-setuptools
  python3-nbclient python3-nbformat python3-nbconvert python3-ipykernel python3-pandas python3-matplotlib
  clang libclang-rt-14-dev python3-xapian libsqlite3-dev time chromium
)
build_dir=${VANKIEN_BUILD_DIR:-build}

setup() {
  install_packages
  # The browser tests' driver, from npm at the version the lock file pins.
  [ -d tests/web/node_modules/playwright-core ] || npm ci --prefix tests/web --no-audit --no-fund --silent
}

install_packages() {
  local missing=()
  command -v npm >/dev/null || packages+=(nodejs npm)
  for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" ||
      missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "Installing: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

build() {
  setup
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" -DVANKIEN_WERROR=ON >/dev/null
  cmake --build "$build_dir" -j "$(nproc)"
}

case "${1:-}" in
  setup) setup ;;
  build) build ;;
  demo) build && VANKIEN="$build_dir/cli/vankien" examples/demo.sh ;;
  test) build && ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)" ;;
  release)
    setup
    cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DVANKIEN_WERROR=ON \
      -DVANKIEN_BUILD_TESTS=OFF -DVANKIEN_BUILD_BENCHMARKS=OFF >/dev/null
    cmake --build build-release -j "$(nproc)"
    build-release/cli/vankien --version ;;
  sanitize)
    setup
    cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DVANKIEN_SANITIZE=ON -DVANKIEN_WERROR=ON \
      -DVANKIEN_BUILD_PYTHON=OFF -DVANKIEN_BUILD_BENCHMARKS=OFF >/dev/null
    cmake --build build-sanitize -j "$(nproc)"
    # Sanitized programs run several times slower: smaller crash and concurrency
    # runs (the full 20 kills run unsanitized in the test command).
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
      VANKIEN_CRASH_DOCUMENTS=800 VANKIEN_CRASH_KILLS=8 VANKIEN_CONCURRENCY_PARTS=8 \
      ctest --test-dir build-sanitize --output-on-failure -j "$(nproc)" ;;
  *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
