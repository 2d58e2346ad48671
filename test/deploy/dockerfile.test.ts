import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { NODE_FLAGS } from '../../scripts/node-flags.cjs';
import { freePort } from '../support/free-port';

// No Docker engine runs on these machines and no image can be pulled, so the image is never built here.
// What is checked instead: the Dockerfile parses and passes dockerfile-utils' validator (the linter of the
// VS Code Docker extension), its stages and instructions say what the README promises, .dockerignore lets
// through exactly what the build copies, and the bundle the image runs (npm run build, the image's CMD)
// starts and answers the image's own HEALTHCHECK command.

const ROOT = join(__dirname, '../..');
const TEXT = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const dockerfile = DockerfileParser.parse(TEXT);
const instructions = dockerfile.getInstructions();
const LTS = [22, 24];

interface Stage { name: string | undefined; image: string; body: Instruction[] }

/** ARG defaults before the first FROM, as `docker build` resolves ${NAME} in FROM lines. */
const globalArgs = new Map(instructions
  .slice(0, instructions.findIndex((i) => i.getKeyword() === 'FROM'))
  .filter((i) => i.getKeyword() === 'ARG')
  .map((i) => i.getArgumentsContent()!.split('=') as [string, string]));
const resolve = (text: string) => text.replace(/\$\{(\w+)\}|\$(\w+)/g, (_m, a, b) => globalArgs.get(a ?? b) ?? '');

function stages(): Stage[] {
  const result: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.getKeyword() === 'FROM') {
      const from = dockerfile.getFROMs().find((f) => f.getRange().start.line === instruction.getRange().start.line)!;
      result.push({ name: from.getBuildStage() ?? undefined, image: resolve(from.getImage() ?? ''), body: [] });
    } else if (result.length > 0) {
      result.at(-1)!.body.push(instruction);
    }
  }
  return result;
}

const keyword = (i: Instruction) => i.getKeyword();
const args = (i: Instruction) => i.getArgumentsContent() ?? '';
const flagsOf = (i: Instruction) => new Map(('getFlags' in i ? (i as any).getFlags() : []).map((f: any) => [f.getName(), f.getValue()]));
const jsonArgs = (i: Instruction): string[] => JSON.parse(args(i).replace(/^CMD\s+/, ''));

describe('Dockerfile', () => {
  const all = stages();
  const final = all.at(-1)!;
  const build = all[0]!;

  it('has no problems for the dockerfile-utils validator', () => {
    const problems = validate(TEXT);
    assert.deepEqual(problems.map((p) => `line ${p.range.start.line + 1}: ${p.message}`), []);
  });

  it('has a build stage and a final stage, both on an LTS Node.js image (22 or 24)', () => {
    assert.ok(all.length >= 2, 'multi-stage');
    assert.equal(build.name, 'build');
    for (const stage of all) {
      const match = /^node:(\d+)(?:[.-][\w.-]*)?$/.exec(stage.image);
      assert.ok(match, `${stage.image} is an official node image with a version`);
      assert.ok(LTS.includes(Number(match[1])), `${stage.image} is Node ${LTS.join(' or ')}`);
    }
  });

  it('builds in the first stage: installs from the lock file, compiles, drops dev dependencies, loads better-sqlite3 13', () => {
    const runs = build.body.filter((i) => keyword(i) === 'RUN').map(args).join('\n');
    const order = ['npm ci', 'npm run build', 'npm prune --omit=dev', "require('better-sqlite3-napi')", 'node scripts/warm-code-cache.cjs'].map((step) => runs.indexOf(step));
    assert.ok(order.every((at) => at >= 0), `every build step is there:\n${runs}`);
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'in this order');
    const copiedFirst = build.body.findIndex((i) => keyword(i) === 'COPY' && args(i).startsWith('package.json package-lock.json'));
    const install = build.body.findIndex((i) => keyword(i) === 'RUN' && args(i).includes('npm ci'));
    const sources = build.body.findIndex((i) => keyword(i) === 'COPY' && /^src\b/.test(args(i)));
    assert.ok(copiedFirst >= 0 && copiedFirst < install && install < sources, 'dependencies are installed before the sources are copied (layer cache)');
  });

  it('stops the build on a Node without Node-API 10 (better-sqlite3 13 would crash there), and loads 13 on one with it', () => {
    const runs = build.body.filter((i) => keyword(i) === 'RUN').map(args).join('\n');
    const script = /node -e "([^"]*better-sqlite3-napi[^"]*)"/.exec(runs)?.[1];
    assert.ok(script, `a node -e step that loads better-sqlite3-napi:\n${runs}`);
    const check = (napi: string) => spawnSync(process.execPath, ['-e', `Object.defineProperty(process.versions, 'napi', { value: '${napi}' }); ${script}`], { cwd: ROOT, encoding: 'utf8' });
    const old = check('9');
    assert.notEqual(old.status, 0, 'Node-API 9 fails the build');
    assert.match(old.stderr, /Node-API 9: SQLite needs better-sqlite3 13, which needs Node-API 10/);
    if (Number(process.versions.napi) >= 10) assert.equal(check(process.versions.napi!).status, 0, 'this Node has Node-API 10: 13 loads and opens a database');
  });

  it('makes the code cache as the user the final stage runs as (Node keeps its compile cache per user id)', () => {
    const warm = build.body.findIndex((i) => keyword(i) === 'RUN' && args(i).includes('warm-code-cache.cjs'));
    const userBefore = build.body.slice(0, warm).filter((i) => keyword(i) === 'USER').at(-1);
    const finalUser = final.body.find((i) => keyword(i) === 'USER');
    assert.ok(userBefore && finalUser, 'a USER before the warm-up and in the final stage');
    assert.equal(args(userBefore), args(finalUser));
  });

  it('copies into the final stage only package.json, the production node_modules and dist/, all from the build stage', () => {
    const copies = final.body.filter((i) => keyword(i) === 'COPY' || keyword(i) === 'ADD');
    assert.ok(copies.length > 0);
    const sources = copies.map((i) => {
      assert.equal(keyword(i), 'COPY');
      assert.equal(flagsOf(i).get('from'), build.name, `${args(i)} comes from the build stage`);
      return args(i).split(/\s+/).slice(0, -1);
    }).flat().sort();
    assert.deepEqual(sources, ['/app/dist', '/app/node_modules', '/app/package.json']);
  });

  it('runs the compiled JavaScript as a non-root user, after the last instruction that needs root', () => {
    const users = final.body.filter((i) => keyword(i) === 'USER');
    assert.equal(users.length, 1, 'one USER in the final stage');
    assert.ok(!/^(root|0)(:|$)/.test(args(users[0]!)), 'not root');
    const userAt = final.body.indexOf(users[0]!);
    const lastRun = final.body.map(keyword).lastIndexOf('RUN');
    assert.ok(userAt > lastRun, 'USER comes after the last RUN');
    const cmd = final.body.filter((i) => keyword(i) === 'CMD');
    assert.equal(cmd.length, 1);
    assert.deepEqual(jsonArgs(cmd[0]!), ['node', ...NODE_FLAGS, 'dist/main.js'], 'exec form (node gets SIGTERM itself), the V8 flags, compiled JS, no tsx');
    assert.equal(final.body.some((i) => keyword(i) === 'ENTRYPOINT'), false);
  });

  it('has a HEALTHCHECK on /healthz, in exec form, with a start period', () => {
    const checks = final.body.filter((i) => keyword(i) === 'HEALTHCHECK');
    assert.equal(checks.length, 1);
    const check = checks[0]!;
    assert.ok(flagsOf(check).has('start-period') && flagsOf(check).has('interval') && flagsOf(check).has('timeout'));
    const command = jsonArgs(check);
    assert.equal(command[0], 'node', 'no curl or wget in a slim image: node itself fetches');
    assert.match(command.join(' '), /\/healthz/);
  });

  it('fetches nothing with ADD, and holds no secret', () => {
    assert.equal(instructions.some((i) => keyword(i) === 'ADD'), false, 'COPY only (no ADD of URLs or archives)');
    for (const i of instructions.filter((x) => ['ENV', 'ARG', 'LABEL'].includes(keyword(x)))) {
      assert.doesNotMatch(args(i), /password|secret|token|apikey|api_key|MicrosoftApp|ConnectionString|INSTRUMENTATIONKEY/i, `${keyword(i)} ${args(i)}`);
      assert.doesNotMatch(args(i), /mssql:\/\/[^/\s]*@/, 'no database credentials');
    }
    for (const copy of instructions.filter((i) => keyword(i) === 'COPY')) assert.doesNotMatch(args(copy), /\.env\b|(^|\s)\.(\s|$)/, 'no .env, no whole context');
  });
});

describe('.dockerignore', () => {
  const rules = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  /** Docker's rule: the last matching pattern wins; `!` re-includes. Enough of its glob syntax for this file. */
  const included = (path: string) => {
    let keep = true;
    for (const rule of rules) {
      const negate = rule.startsWith('!');
      const pattern = (negate ? rule.slice(1) : rule).replace(/\/$/, '');
      const regex = new RegExp(`^${pattern.split('**').map((part) => part.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')).join('.*')}(/.*)?$`);
      if (regex.test(path)) keep = negate;
    }
    return keep;
  };

  it('lets through what the build stage copies', () => {
    const copied = stages()[0]!.body.filter((i) => keyword(i) === 'COPY' && !flagsOf(i).has('from'))
      .flatMap((i) => args(i).split(/\s+/).slice(0, -1));
    for (const path of copied) {
      assert.ok(existsSync(join(ROOT, path)), `${path} exists`);
      assert.ok(included(path === 'src' ? 'src/main.ts' : path), `${path} is in the build context`);
    }
  });

  it('keeps out .env, data, node_modules, tests and everything else', () => {
    for (const path of ['.env', 'env/.env', 'data/trygghetsboten.db', 'node_modules/x/index.js', 'test/config/config.test.ts', 'dist/main.js', '.git/HEAD', 'README.md']) {
      assert.equal(included(path), false, `${path} stays out`);
    }
  });
});

/** Every file under `dir` with its modification time. */
function filesWithTimes(dir: string): Map<string, number> {
  return new Map(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .map((e) => { const file = join(e.parentPath ?? e.path, e.name); return [file, statSync(file).mtimeMs] as const; }));
}

describe('the compiled bot the image runs (npm run build and the warm-up, then the image\'s CMD and HEALTHCHECK)', function () {
  this.timeout(300_000);
  // Inside node_modules so that the compiled files resolve the project's dependencies, as in /app.
  let out = '';
  let data = '';
  let child: ChildProcess | undefined;
  before(() => {
    out = mkdtempSync(join(ROOT, 'node_modules', '.trygghetsboten-build-'));
    data = mkdtempSync(join(tmpdir(), 'trygghetsboten-dist-'));
  });
  after(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(out, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
  });

  const healthcheck = (port: number) => {
    const check = stages().at(-1)!.body.find((i) => keyword(i) === 'HEALTHCHECK')!;
    const [command, ...rest] = jsonArgs(check);
    return spawnSync(command === 'node' ? process.execPath : command!, rest, { env: { ...process.env, PORT: String(port) }, timeout: 30_000 }).status; // generous: a loaded test machine starts node slowly
  };

  it('bundles src/ into JavaScript with the migrations beside it, keeps its compiled code, starts from dist/main.js with that code and passes the HEALTHCHECK', async () => {
    const build = spawnSync(process.execPath, ['scripts/build.cjs', out], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stdout + build.stderr);
    const bundleOnly = filesWithTimes(out);
    const warm = spawnSync(process.execPath, ['scripts/warm-code-cache.cjs', out], { cwd: ROOT, encoding: 'utf8', timeout: 150_000 });
    assert.equal(warm.status, 0, warm.stdout + warm.stderr);
    const warmed = filesWithTimes(out);
    assert.ok(warmed.size > bundleOnly.size, 'the warm-up wrote a code cache into the bundle\'s folder');
    assert.ok(existsSync(join(out, 'main.js')));
    assert.ok(existsSync(join(out, 'store/mssql/migrations/0001_initial.sql')));
    assert.equal(existsSync(join(out, 'main.ts')), false);

    const port = await freePort();
    child = spawn(process.execPath, [...NODE_FLAGS, join(out, 'main.js')], {
      cwd: data, stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: String(port), DATABASE_URL: `sqlite:${join(data, 'bot.db')}`, LOG_LEVEL: 'info' },
    });
    let output = '';
    child.stdout!.on('data', (chunk) => { output += String(chunk); });
    child.stderr!.on('data', (chunk) => { output += String(chunk); });
    const started = Date.now();
    while (!/listens on/.test(output)) {
      assert.ok(child.exitCode === null, `the compiled bot exited: ${output}`);
      assert.ok(Date.now() - started < 60_000, `no start within a minute: ${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(healthcheck(port), 0, 'HEALTHCHECK passes while the bot runs');
    // The bundle loads the SQLite driver for this Node from node_modules (an external of scripts/build.cjs).
    assert.match(output, Number(process.versions.napi) >= 10 ? /"sqliteDriver":"better-sqlite3@13\./ : /"sqliteDriver":"better-sqlite3@12\./);
    // Past the moment dist/main.js writes a cache it had to compile without (Node 20); Node 22+ writes at exit.
    await new Promise((r) => setTimeout(r, 6_000));

    const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0, `SIGTERM ends it cleanly: ${output}`);
    assert.notEqual(healthcheck(port), 0, 'HEALTHCHECK fails once it is gone');
    assert.deepEqual(filesWithTimes(out), warmed, 'the cache made at build time was used: nothing was compiled again and written');
  });
});
