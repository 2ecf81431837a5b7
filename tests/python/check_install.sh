#!/usr/bin/env bash
# Installs the Python package the way the README says (an offline venv that
# sees Debian's packages) and runs the binding tests against that install.
# Usage: check_install.sh BUILD_DIR SOURCE_DIR CLI
set -euo pipefail
build_dir=$1
source_dir=$2
venv=$(mktemp -d)
/usr/bin/python3 -m venv --system-site-packages "$venv"
VANKIEN_BUILD_DIR="$build_dir" "$venv/bin/pip" install -q --no-index --no-build-isolation \
  "$source_dir/bindings/python" >/dev/null
cd "$venv"  # away from the source tree, so the installed package is imported
VANKIEN_BIN=$3 "$venv/bin/python" -m pytest -q -p no:cacheprovider "$source_dir/tests/python"

# The example notebook, run exactly as the README tells a user to: its
# commands are read from the README and run where `.venv` is this venv,
# `examples` the source's and `build` a scratch directory.
work=$(mktemp -d)
trap 'rm -rf "$venv" "$work"' EXIT
ln -s "$venv" "$work/.venv"
ln -s "$source_dir/examples" "$work/examples"
mkdir "$work/build"
commands=$(grep -E '^\.venv/bin/python -m (ipykernel|nbconvert) ' "$source_dir/README.md" | sed 's/ *#.*//')
[ "$(printf '%s\n' "$commands" | grep -c .)" -eq 2 ] || {
  echo "README.md: expected the two notebook commands (ipykernel install, nbconvert)" >&2
  exit 1
}
(cd "$work" && PYDEVD_DISABLE_FILE_VALIDATION=1 bash -euo pipefail -c "$commands")
# Every cell ran, and the chart is in the page, not left to a file backend.
grep -q 'data:image/png' "$work/build/explore.html" || { echo "explore.html: no chart" >&2; exit 1; }
echo "explore.ipynb: ran as the README says"
