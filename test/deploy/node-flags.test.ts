import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { NATIVE_ENV, NODE_FLAGS } from '../../scripts/node-flags.cjs';

// The V8 flags that keep the server's memory near what is live (issue 14) have one list,
// scripts/node-flags.cjs. Every way production starts the server must carry exactly that list: a start
// path that lost them would start fine and only show as memory growing in production.

const ROOT = join(__dirname, '../..');
const withFlags = ['node', ...NODE_FLAGS, 'dist/main.js'];
// npm start runs the start script, which builds when a source changed and then runs dist/main.js in its own process.
const startWithFlags = ['node', ...NODE_FLAGS, 'scripts/start.cjs'];

describe('the V8 flags of the production start (scripts/node-flags.cjs)', () => {
  it('are on npm start and npm run start:dist, before the start script and the compiled entry point', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    assert.equal(scripts.start, startWithFlags.join(' '));
    assert.equal(scripts['start:dist'], withFlags.join(' '));
  });

  it('are on the image\'s CMD', () => {
    const dockerfile = DockerfileParser.parse(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
    const cmd = dockerfile.getInstructions().filter((i) => i.getKeyword() === 'CMD').at(-1)!;
    assert.deepEqual(JSON.parse(cmd.getArgumentsContent()!), withFlags);
  });

  it('are each accepted by this Node.js, so that the server starts with them', () => {
    const run = spawnSync(process.execPath, [...NODE_FLAGS, '-e', 'process.stdout.write("started")'], { encoding: 'utf8' });
    assert.equal(run.stderr, '', 'no "bad option" or warning');
    assert.equal(run.status, 0);
    assert.equal(run.stdout, 'started');
  });

  it('go with the allocator settings of the list in the image\'s environment (the runtime stage\'s ENV)', () => {
    const dockerfile = DockerfileParser.parse(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
    const runtime = dockerfile.getInstructions().filter((i) => i.getKeyword() === 'ENV').at(-1)!;
    const env = Object.fromEntries((runtime as unknown as { getProperties(): { getName(): string; getValue(): string | null }[] })
      .getProperties().map((p) => [p.getName(), p.getValue()]));
    assert.ok(Object.keys(NATIVE_ENV).length > 0);
    for (const [name, value] of Object.entries(NATIVE_ENV)) assert.equal(env[name], value, name);
  });
});
