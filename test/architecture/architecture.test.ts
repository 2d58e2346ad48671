import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(__dirname, '../..');
const depcruise = join(root, 'node_modules/.bin/depcruise');
const config = join(root, '.dependency-cruiser.cjs');

interface Violation { rule: { name: string }; from: string; to: string }

const fixture = join(__dirname, 'fixture');
const rules = (require(config) as { forbidden: { name: string }[] }).forbidden.map((r) => r.name);

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

  let fixtureViolations: Promise<Violation[]> | undefined;
  /** The fixture is cruised once for all the tests below. */
  const cruiseFixture = () => (fixtureViolations ??= cruise(fixture));
  const fixtureFiles = () => filesUnder(join(fixture, 'src')).map((f) => f.slice(fixture.length + 1));

  it('the rules do catch a domain file that imports express, botbuilder or a database driver', async () => {
    const violations = await cruiseFixture();
    const caught = new Set(violations.map((v) => v.to.replace(/^.*node_modules\//, '').split('/')[0]));
    for (const pkg of ['express', 'botbuilder', 'better-sqlite3', 'better-sqlite3-napi']) assert.ok(caught.has(pkg), `${pkg} not caught`);
  });

  describe('every rule bites: its probe (fixture/src/<layer>/breaks-<rule>.ts) breaks exactly that rule', () => {
    for (const rule of rules) {
      it(rule, async () => {
        const probes = fixtureFiles().filter((f) => f.endsWith(`/breaks-${rule}.ts`));
        assert.equal(probes.length, 1, `rule ${rule} needs one probe named breaks-${rule}.ts under test/architecture/fixture/src`);
        const broken = new Set((await cruiseFixture()).filter((v) => v.from === probes[0]).map((v) => v.rule.name));
        assert.deepEqual([...broken], [rule]);
      });
    }
  });

  it('no probe is left over from a rule that no longer exists', () => {
    const probed = fixtureFiles().map((f) => /\/breaks-(.+)\.ts$/.exec(f)?.[1]).filter((name): name is string => name !== undefined);
    assert.deepEqual(probed.filter((name) => !rules.includes(name)), []);
  });

  it('imports along the layer order (and the composition root importing everything) break no rule', async () => {
    const allowed = fixtureFiles().filter((f) => f.endsWith('/allowed-imports.ts') || f === 'src/compose.ts');
    assert.ok(allowed.length >= 8, `expected the allowed-import files, found ${allowed.join(', ')}`);
    const violations = (await cruiseFixture()).filter((v) => allowed.includes(v.from));
    assert.deepEqual(violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`), []);
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
