import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(__dirname, '../..');
const depcruise = join(root, 'node_modules/.bin/depcruise');
const config = join(root, '.dependency-cruiser.cjs');

interface Violation { rule: { name: string }; from: string; to: string }

async function cruise(cwd: string): Promise<Violation[]> {
  const run = promisify(execFile);
  const { stdout } = await run(depcruise, ['src', '--config', config, '--output-type', 'json'], { cwd, maxBuffer: 50_000_000 })
    .catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '{}' }));
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('architecture', function () {
  this.timeout(60_000);

  it('the source tree keeps its layers: no dependency rule is broken', async () => {
    const violations = await cruise(root);
    assert.deepEqual(violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`), []);
  });

  it('the rules do catch a domain file that imports express, botbuilder or a database driver', async () => {
    const violations = await cruise(join(__dirname, 'fixture'));
    const caught = new Set(violations.map((v) => v.to.replace(/^.*node_modules\//, '').split('/')[0]));
    for (const pkg of ['express', 'botbuilder', 'better-sqlite3']) assert.ok(caught.has(pkg), `${pkg} not caught`);
  });

  it('the domain never reads the environment', () => {
    const readers = filesUnder(join(root, 'src/domain')).filter((f) => /process\.env|dotenv/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(readers, []);
  });

  it('only the config module reads process.env', () => {
    const readers = filesUnder(join(root, 'src')).filter((f) => /process\.env/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(readers.map((f) => f.slice(root.length + 1)).sort(), ['src/main.ts']);
  });
});
