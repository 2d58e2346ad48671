// Whether dist/ is older than what it is built from, and a build when it is (`npm start` through
// start.cjs, the benchmark). A fresh clone builds once, on its first `npm start`; every other start only
// compares modification times (a few milliseconds for the ~400 files), so that the server itself starts
// from one bundled file and no TypeScript is compiled at start (issue 14).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { STAMP, build } = require('./build.cjs');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');
/**
 * What the bundle is made of: the sources, the compiler settings, the build scripts, and the installed
 * dependencies (bundled too: npm rewrites node_modules/.package-lock.json at every install).
 */
const INPUTS = ['src', 'tsconfig.json', 'package.json', 'package-lock.json', 'node_modules/.package-lock.json',
  'scripts/build.cjs', 'scripts/server-entry.cjs', 'scripts/build-tab.cjs', 'scripts/build-if-stale.cjs'];

function newestChange(entry) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return -Infinity; // not there: an image holds dist/ and node_modules, no sources
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted or renamed file changes its folder
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, name)));
  return newest;
}

/** True when dist/ has no finished build, or something it is built from changed after it. */
function isStale() {
  let builtAt;
  try {
    builtAt = fs.statSync(path.join(dist, STAMP)).mtimeMs;
  } catch {
    return true;
  }
  return Math.max(...INPUTS.map((p) => newestChange(path.join(root, p)))) > builtAt;
}

/** Builds dist/ when it is stale; resolves false when nothing had to be done. */
async function buildIfStale() {
  if (!isStale()) return false;
  process.stdout.write('Sources changed since the last build: bundling into dist/ (once) …\n');
  await build(dist);
  return true;
}

module.exports = { buildIfStale };

if (require.main === module) {
  buildIfStale().catch((error) => {
    process.stderr.write(`The build failed (${error.message}); nothing was started.\n`);
    process.exit(1);
  });
}
