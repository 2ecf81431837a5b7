#!/usr/bin/env bash
# Installs the built project into a temporary prefix and builds the example
# against that INSTALLED copy, through find_package and through pkg-config.
# Usage: check_install.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build_dir=$1
source_dir=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

cmake --install "$build_dir" --prefix "$scratch/first" >/dev/null
# An install moved elsewhere still works: nothing in it names its prefix.
mv "$scratch/first" "$scratch/moved"
prefix=$scratch/moved
libdir=$(dirname "$(find "$prefix" -name 'libvankien.so' | head -n 1)")

# The installed CLI runs with a clean environment (no LD_LIBRARY_PATH), reads
# the installed data files, and indexes and searches.
clean=(env -i PATH=/usr/bin:/bin)
# (Outputs are captured first: with pipefail, grep -q closing the pipe early
# would fail the writer.)
version=$("${clean[@]}" "$prefix/bin/vankien" --version) ||
  { echo "installed CLI does not run"; exit 1; }
grep -qx "data files: $prefix/share/vankien" <<<"$version" ||
  { echo "installed CLI reads data from elsewhere: $version"; exit 1; }
"${clean[@]}" "$prefix/bin/vankien" index --db "$prefix/db" "$source_dir/examples/corpus/articles" >/dev/null
hits=$("${clean[@]}" "$prefix/bin/vankien" search --db "$prefix/db" --json "lanh dao")
grep -q '"id"' <<<"$hits" || { echo "installed CLI finds nothing: $hits"; exit 1; }

# find_package(vankien), the way a portal's CMake project uses it.
cmake -S "$source_dir/examples/find_package" -B "$prefix/example-build" \
  -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$prefix/example-build" >/dev/null
output=$("$prefix/example-build/analyze_example" "Số 12-NQ/HU")
grep -q $'12-nq/hu' <<<"$output" || { echo "example output lacks the code: $output"; exit 1; }

# pkg-config, for Makefile users (who link without an RPATH).
export PKG_CONFIG_PATH="$libdir/pkgconfig"
c++ -std=c++20 "$source_dir/examples/find_package/main.cpp" -o "$prefix/pc-example" \
  $(pkg-config --cflags --libs vankien)
LD_LIBRARY_PATH="$libdir" "$prefix/pc-example" "hoà" | grep -q $'hòa' ||
  { echo "pkg-config build gives wrong tokens"; exit 1; }
echo "installed package works through find_package, pkg-config and the CLI"
