#!/usr/bin/env bash
# Installs the built project into a temporary prefix and builds the example
# against that INSTALLED copy, through find_package and through pkg-config.
# Usage: check_install.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build_dir=$1
source_dir=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT

cmake --install "$build_dir" --prefix "$prefix" >/dev/null
libdir=$(dirname "$(find "$prefix" -name 'libvankien.so' | head -n 1)")
export LD_LIBRARY_PATH="$libdir"

# find_package(vankien), the way a portal's CMake project uses it.
cmake -S "$source_dir/examples/find_package" -B "$prefix/example-build" \
  -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$prefix/example-build" >/dev/null
output=$("$prefix/example-build/analyze_example" "Số 12-NQ/HU")
grep -q $'12-nq/hu' <<<"$output" || { echo "example output lacks the code: $output"; exit 1; }

# pkg-config, for Makefile users.
export PKG_CONFIG_PATH="$libdir/pkgconfig"
c++ -std=c++20 "$source_dir/examples/find_package/main.cpp" -o "$prefix/pc-example" \
  $(pkg-config --cflags --libs vankien)
"$prefix/pc-example" "hoà" | grep -q $'hòa' || { echo "pkg-config build gives wrong tokens"; exit 1; }

# The installed CLI runs.
"$prefix/bin/vankien" --version | grep -q '^vankien '
echo "installed package works through find_package, pkg-config and the CLI"
