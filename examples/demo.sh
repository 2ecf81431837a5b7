#!/usr/bin/env bash
# The sample session the README's first command runs.
set -euo pipefail
vankien=${VANKIEN:-vankien}

show() {
  printf '\n$ vankien %s\n' "$*"
  "$vankien" "$@"
}

echo "How vankien reads Vietnamese: every spelling below meets on the same tokens."
show analyze 'Huyện uỷ Bạch Thông ban hành Nghị quyết số 12-NQ/HU'
show analyze 'HUYỆN ỦY BẠCH THÔNG, hoà/hòa, lựơng, qũy'
