#!/usr/bin/env bash
# The sample session the README's first command runs: index the bundled corpus
# into an embedded database, then search it the ways an archivist would.
set -euo pipefail
cd "$(dirname "$0")/.."
vankien=${VANKIEN:-vankien}
db=${VANKIEN_DEMO_DB:-build/demo.db}

show() {
  printf '\n\033[1m$ vankien %s\033[0m\n' "$*"
  "$vankien" "$@" || true  # exit 1 (nothing found) is an answer, not a failure
}

rm -rf "$db"
show index --db "$db" examples/corpus
show search --db "$db" --limit 3 'phuong thuc lanh dao'
show search --db "$db" --district 'Bạch Thông' --term 2015-2020 'nghị quyết'
show search --db "$db" --facets --limit 2 'nông thôn mới'
show search --db "$db" --limit 2 'BTV huyen uy Na Ri'
show search --db "$db" --limit 1 'so 11 ct hu'
show analyze 'Huyện uỷ Bạch Thông, Số 12-NQ/HU'
