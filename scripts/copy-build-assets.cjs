// npm run build, second step: what the compiled JavaScript reads at run time besides code (the SQL
// migrations of both stores) is copied next to it in dist/, in the same folders as in src/; and the
// lägesbild tab's page is bundled into dist/tab (build-tab.cjs).
'use strict';
const fs = require('node:fs');
const { buildTab } = require('./build-tab.cjs');
const path = require('node:path');

const root = path.join(__dirname, '..');
/** The folder tsc compiled into: dist/, or the one given (the deploy test builds into a temporary folder). */
const outDir = path.resolve(root, process.argv[2] ?? 'dist');
const ASSET_DIRS = ['store/sqlite/migrations', 'store/mssql/migrations'];
for (const dir of ASSET_DIRS) {
  const from = path.join(root, 'src', dir);
  const to = path.join(outDir, dir);
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
  process.stdout.write(`copied ${path.relative(root, from)} → ${path.relative(root, to)}\n`);
}

buildTab(outDir).then(
  (out) => process.stdout.write(`bundled src/tab → ${path.relative(root, out)}\n`),
  (error) => { process.stderr.write(`the tab could not be bundled: ${error.message}\n`); process.exit(1); },
);
