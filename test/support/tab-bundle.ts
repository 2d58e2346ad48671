import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './bot-process';

/**
 * The tab's page as the server serves it (dist/tab), bundled first when it is missing or older than
 * its sources, so that the browser tests run the page of the code under test.
 */
export async function ensureTabBundle(): Promise<void> {
  const bundle = join(projectRoot, 'dist', 'tab', 'tab.js');
  const sources = [join(projectRoot, 'src', 'tab'), join(projectRoot, 'src', 'i18n')];
  const newest = Math.max(...sources.flatMap((dir) => readdirSync(dir).map((f) => statSync(join(dir, f)).mtimeMs)));
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newest) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildTab } = require(join(projectRoot, 'scripts', 'build-tab.cjs')) as { buildTab(): Promise<string> };
  await buildTab();
}
