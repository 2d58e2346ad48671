// `node scripts/warm-code-cache.cjs [dist]`: starts the built server once, as production starts it, so that
// V8's compiled code of the bundle is written beside it (server-entry.cjs says where and how), then stops
// it. For an image, whose dist/ is read-only when the server runs (Dockerfile, build stage): without it,
// every container compiled the 4 MB bundle at each start, which cost start-up time and kept about 15 MB
// more native memory (issue 14).
//
// Run it with the Node and as the user that will run the server: Node's compile cache (22.1+) is kept
// per Node version, V8 flags and user id, and V8's own cache (Node 20) per Node version and flags; the
// server is started here with production's flags (node-flags.cjs) for that reason.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const Module = require('node:module');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { NATIVE_ENV, NODE_FLAGS } = require('./node-flags.cjs');

const NODE_WRITES_AT_EXIT = typeof Module.enableCompileCache === 'function';
/** How long the server may take to be healthy, and then to write its cache; generous for a busy build machine. */
const WAIT_MS = 120_000;

async function warmCodeCache(dist) {
  const before = new Set(filesIn(dist));
  const written = () => filesIn(dist).filter((f) => !before.has(f) && !f.endsWith('.tmp'));
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'trygghetsboten-warm-'));
  const port = await freePort();
  const server = spawn(process.execPath, [...NODE_FLAGS, path.join(dist, 'main.js')], {
    cwd: data, stdio: ['ignore', 'ignore', 'inherit'],
    // A throwaway SQLite file, no Bot Framework credentials: the server only has to start.
    env: { PATH: process.env.PATH ?? '', ...NATIVE_ENV, NODE_ENV: 'production', PORT: String(port), DATABASE_URL: `sqlite:${path.join(data, 'warm.db')}`, LOG_LEVEL: 'silent' },
  });
  const exited = new Promise((resolve) => server.once('exit', (code) => resolve(code)));
  try {
    await until(() => fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false), 'a healthy /healthz');
    // Node 22.1+ writes its compile cache when the process exits; on Node 20 the server writes V8's
    // cache itself a few seconds after its start (whole, then renamed: a file that appeared is complete).
    if (!NODE_WRITES_AT_EXIT) await until(async () => written().length > 0, 'code cache beside the bundle');
    server.kill('SIGTERM');
    const code = await exited;
    if (code !== 0) throw new Error(`the server exited with ${code}`);
    if (written().length === 0) throw new Error('the server wrote nothing beside the bundle');
  } finally {
    if (server.exitCode === null) server.kill('SIGKILL');
    fs.rmSync(data, { recursive: true, force: true });
  }
}

async function until(check, what) {
  const deadline = Date.now() + WAIT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`no ${what} within ${WAIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function filesIn(dir) {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath ?? e.path, e.name));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

module.exports = { warmCodeCache };

if (require.main === module) {
  const dist = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'dist'));
  warmCodeCache(dist).then(
    () => process.stdout.write(`V8's compiled code of the server is in ${dist}\n`),
    (error) => { process.stderr.write(`No code cache was written: ${error.message}\n`); process.exit(1); },
  );
}
