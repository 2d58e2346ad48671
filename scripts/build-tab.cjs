// The lägesbild tab's page (src/tab, browser TypeScript) bundled with esbuild into <outDir>/tab: tab.js
// and tab.css (Leaflet's and the cluster plugin's styles included, their images inlined). Run by
// build.cjs (npm run build, npm start after a change), and by the browser tests when missing.
'use strict';
const path = require('node:path');

const root = path.join(__dirname, '..');

/** Bundles the tab into `outDir`/tab (default dist/tab). */
async function buildTab(outDir = path.join(root, 'dist')) {
  const esbuild = require('esbuild');
  const out = path.join(outDir, 'tab');
  const common = { bundle: true, minify: true, logLevel: 'warning', absWorkingDir: root, legalComments: 'linked' };
  await esbuild.build({
    ...common, entryPoints: [path.join(root, 'src/tab/main.ts')], outfile: path.join(out, 'tab.js'), platform: 'browser', format: 'iife',
    target: ['es2020'], sourcemap: true,
    // The libraries' UMD builds: their default export is the object the plugins extend (Leaflet's `L`).
    mainFields: ['browser', 'main'],
  });
  await esbuild.build({
    ...common, entryPoints: [path.join(root, 'src/tab/tab.css')], outfile: path.join(out, 'tab.css'),
    loader: { '.png': 'dataurl', '.svg': 'dataurl' },
  });
  return out;
}

module.exports = { buildTab };

if (require.main === module) {
  buildTab(process.argv[2] ? path.resolve(root, process.argv[2]) : undefined).then(
    (out) => process.stdout.write(`bundled the tab → ${path.relative(root, out)}\n`),
    (error) => { process.stderr.write(`${error.message}\n`); process.exit(1); },
  );
}
