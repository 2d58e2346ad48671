// `npm start`, first step (prestart): compiles src/ to dist/ only when a source is newer than the last
// build, so that the server itself starts from compiled JavaScript in well under a second instead of
// compiling TypeScript at every start (issue 14). A fresh clone builds once, on its first `npm start`.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const stamp = path.join(root, 'dist', '.build-stamp');
/** What the build reads: the sources and assets, the compiler settings, this script and the asset copier. */
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'scripts/copy-build-assets.cjs', 'scripts/build-tab.cjs', 'scripts/build-if-stale.cjs'];

function newestChange(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted or renamed file changes its folder
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, name)));
  return newest;
}

function builtAt() {
  try {
    return fs.statSync(stamp).mtimeMs;
  } catch {
    return -Infinity;
  }
}

const sources = Math.max(...INPUTS.map((p) => newestChange(path.join(root, p))));
if (sources <= builtAt() && fs.existsSync(path.join(root, 'dist', 'main.js'))) process.exit(0);

process.stdout.write('Sources changed since the last build: compiling to dist/ (once) …\n');
// From scratch, so that a deleted source leaves no compiled file behind.
fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
const run = (file, args) => execFileSync(process.execPath, [file, ...args], { cwd: root, stdio: 'inherit' });
try {
  run(require.resolve('typescript/bin/tsc'), ['-p', 'tsconfig.build.json']);
  run(path.join(root, 'scripts', 'copy-build-assets.cjs'), []);
} catch {
  process.stderr.write('The build failed (see above); nothing was started.\n');
  process.exit(1);
}
fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
