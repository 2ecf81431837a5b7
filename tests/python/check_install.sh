#!/usr/bin/env bash
# Installs the Python package the way the README says (an offline venv that
# sees Debian's packages) and runs the binding tests against that install.
# Usage: check_install.sh BUILD_DIR SOURCE_DIR CLI
set -euo pipefail
build_dir=$1
source_dir=$2
venv=$(mktemp -d)
trap 'rm -rf "$venv"' EXIT
/usr/bin/python3 -m venv --system-site-packages "$venv"
VANKIEN_BUILD_DIR="$build_dir" "$venv/bin/pip" install -q --no-index --no-build-isolation \
  "$source_dir/bindings/python" >/dev/null
cd "$venv"  # away from the source tree, so the installed package is imported
VANKIEN_BIN=$3 "$venv/bin/python" -m pytest -q -p no:cacheprovider "$source_dir/tests/python"

# The example notebook, run headless by a kernel that sees the venv's vankien.
"$venv/bin/python" -m ipykernel install --sys-prefix --name python3 >/dev/null
PYDEVD_DISABLE_FILE_VALIDATION=1 "$venv/bin/python" "$source_dir/tests/python/run_notebook.py" "$source_dir/examples/notebooks/explore.ipynb"
