// `npm run build` (and `npm start` when a source changed): the server bundled by esbuild into one file,
// dist/server.js, started through dist/main.js; the SQL migrations of both stores copied beside it in
// the folders src/ has them in; the lägesbild tab's page bundled into dist/tab (build-tab.cjs).
//
// Why one file (issue 14): the server required about 1 560 modules (8.9 MB of JavaScript) before it
// listened; Node resolving, reading and compiling each file was most of its start. One minified file
// is read and compiled at once. No type check here (`npm test` and `npm run typecheck` do that): the
// bundle builds in seconds, so that the first `npm start` after a clone or a change stays short.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { buildTab } = require('./build-tab.cjs');

const root = path.join(__dirname, '..');
/** Written last: a build without it did not finish (build-if-stale.cjs compares sources with its time). */
const STAMP = '.build-stamp';
const ASSET_DIRS = ['store/sqlite/migrations', 'store/mssql/migrations'];

/**
 * Required at run time from node_modules instead of bundled: the native SQLite driver (a .node file; 13 under
 * its alias better-sqlite3-napi, 12 for Node-API below 10, src/store/sqlite/sqlite-driver.ts);
 * what is loaded only on the way that needs it (the SQL Server driver for `mssql://` stores, Word and
 * zip exports, the card templating engine at the first card); node-cron, whose ESM build finds a file of
 * its own through import.meta.url; iconv-lite, half a megabyte of character tables express needs only
 * for a request that is not UTF-8.
 */
const EXTERNAL = ['better-sqlite3', 'better-sqlite3-napi', 'mssql', 'tedious', 'docx', 'jszip', 'adaptivecards-templating', 'node-cron', 'iconv-lite'];

/** Bundles the server into `outDir` (default dist/, emptied first so that nothing stale stays). */
async function build(outDir = path.join(root, 'dist')) {
  const esbuild = require('esbuild');
  fs.rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(root, 'src', 'main.ts')], outfile: path.join(outDir, 'server.js'), absWorkingDir: root,
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: EXTERNAL,
    // Minified: half the bytes to read and parse at every start. Names kept, for stacks and class names in logs.
    minify: true, keepNames: true, sourcemap: 'linked', legalComments: 'linked', logLevel: 'warning',
  });
  assertOneByteSource(path.join(outDir, 'server.js'));
  // What `node dist/main.js` runs: the bundle, with V8's code cache (server-entry.cjs says how).
  fs.copyFileSync(path.join(__dirname, 'server-entry.cjs'), path.join(outDir, 'main.js'));
  for (const dir of ASSET_DIRS) fs.cpSync(path.join(root, 'src', dir), path.join(outDir, dir), { recursive: true });
  await buildTab(outDir);
  fs.writeFileSync(path.join(outDir, STAMP), `${new Date().toISOString()}\n`);
  return outDir;
}

/**
 * V8 keeps a script's whole source in the JavaScript heap for as long as the script lives (lazy
 * compilation, Function.prototype.toString): one byte a character while every character is at most
 * U+00FF, two bytes for all of them once a single one is above. esbuild writes strings as ASCII escapes
 * but leaves regular expression literals as written, and two dashes in one (`–|—`) made the 4.2 MB bundle
 * an 8.4 MB string on the heap for the life of the process (issue 14). Write such characters as \u escapes.
 */
function assertOneByteSource(file) {
  const source = fs.readFileSync(file, 'utf8');
  const at = source.search(/[^\u0000-\u00ff]/);
  if (at >= 0) {
    const char = source.codePointAt(at).toString(16).toUpperCase().padStart(4, '0');
    throw new Error(`${path.basename(file)} holds U+${char} at ${at} (…${source.slice(Math.max(0, at - 60), at + 20)}…): `
      + 'the whole bundle would take two bytes a character in the heap; write it as an escape in the source');
  }
}

module.exports = { build, STAMP };

if (require.main === module) {
  const out = process.argv[2] ? path.resolve(root, process.argv[2]) : undefined;
  build(out).then(
    (dir) => process.stdout.write(`built the server, its migrations and the tab into ${path.relative(root, dir) || '.'}\n`),
    (error) => { process.stderr.write(`The build failed: ${error.message}\n`); process.exit(1); },
  );
}
