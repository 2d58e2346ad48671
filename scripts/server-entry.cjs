// dist/main.js (copied there by build.cjs): runs the bundled server, dist/server.js, with V8's compiled
// code kept between starts. Compiling the 4 MB bundle was about a third of the CPU time of a start
// (issue 14); with the code cache a restart compiles almost nothing, and the process keeps about 15 MB
// less native memory than one that parsed the whole bundle.
//   Node 22.1+: Node's own compile cache (module.enableCompileCache) in dist/compile-cache, switched on
//   before the bundle is required; Node writes it when the process exits.
//   Node 20 has none: the bundle is compiled here with vm.Script, and V8's cache of it is written beside
//   it (dist/server.js.<key>.v8cache) once the server has started.
// Only beside the code, never in a shared temp folder: whoever can write the cache can change what runs.
// Where dist/ is read-only (an image), the cache is made when the image is built (warm-code-cache.cjs);
// without one, the server starts all the same and compiles at each start.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const SERVER = path.join(__dirname, 'server.js');
/** Late enough that the functions of the start-up are compiled and in the cache; unref'd, it never holds the process. */
const WRITE_AFTER_MS = 5_000;

if (typeof Module.enableCompileCache === 'function') {
  // NODE_COMPILE_CACHE, when set, has switched it on already, in the folder it names.
  Module.enableCompileCache(path.join(__dirname, 'compile-cache'));
  require(SERVER);
} else {
  runWithCodeCache();
}

function runWithCodeCache() {
  const vm = require('node:vm');
  const source = fs.readFileSync(SERVER, 'utf8');
  // V8 checks its version, its flags and the source's length, not its content: the key names the build
  // (size and time of the bundle) and the Node that compiled it, so a rebuild never meets an old cache.
  const stat = fs.statSync(SERVER);
  const key = `${process.version}-${process.arch}-${stat.size}-${Math.trunc(stat.mtimeMs)}`.replace(/[^\w.-]/g, '_');
  const cacheFile = `${SERVER}.${key}.v8cache`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // The function Node wraps every CommonJS module in.
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapper, { filename: SERVER, cachedData });
  const server = new Module(SERVER, module);
  server.filename = SERVER;
  server.paths = Module._nodeModulePaths(__dirname);
  require.cache[SERVER] = server;
  const run = script.runInThisContext({ displayErrors: true });
  if (!cachedData || script.cachedDataRejected) setTimeout(() => writeCache(script, cacheFile), WRITE_AFTER_MS).unref();
  run.call(server.exports, server.exports, Module.createRequire(SERVER), server, SERVER, __dirname);
  server.loaded = true;
}

/** Written whole under another name, then renamed: another instance never reads half a cache. */
function writeCache(script, cacheFile) {
  const partial = `${cacheFile}.${process.pid}.tmp`;
  try {
    for (const old of fs.readdirSync(__dirname)) if (old.endsWith('.v8cache')) fs.rmSync(path.join(__dirname, old), { force: true });
    fs.writeFileSync(partial, script.createCachedData());
    fs.renameSync(partial, cacheFile);
  } catch {
    fs.rm(partial, { force: true }, () => {}); // a read-only dist/: no cache, the next start compiles again
  }
}
