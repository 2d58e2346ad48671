import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { reportLinkRoutes } from '../../src/http/report-link-route';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

describe('a report link opened in a browser: the way to the lägesbild tab', () => {
  const servers: Server[] = [];
  async function serve(appId: string): Promise<string> {
    const app = express();
    const { path, router } = reportLinkRoutes(appId);
    app.use(path, router);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  after(() => { for (const s of servers) s.close(); });

  it('When the bot has an app id, then the page links to the tab with the report\'s number, and the page tells nothing of whether the report exists', async () => {
    const base = await serve(APP_ID);
    const html = await (await fetch(`${base}/r/h-2026-0042`)).text();
    const link = /href="([^"]+)">Öppna rapporten i lägesbildsfliken i Teams</.exec(html)?.[1]?.replace(/&#38;/g, '&');
    assert.ok(link, 'the page has the link');
    const url = new URL(link);
    assert.equal(url.origin + url.pathname, `https://teams.microsoft.com/l/entity/${APP_ID}/lagesbild`);
    assert.deepEqual(JSON.parse(url.searchParams.get('context')!), { subEntityId: 'H-2026-0042' });
    const other = await (await fetch(`${base}/r/H-2026-9999`)).text();
    assert.equal(other.replace(/H-2026-9999/g, 'H-2026-0042'), html.replace(/h-2026-0042/gi, 'H-2026-0042'), 'only the number differs');
  });

  it('When the path is not a report number, or the bot runs without an app id, then there is no link', async () => {
    const withId = await serve(APP_ID);
    assert.doesNotMatch(await (await fetch(`${withId}/r/%3Cscript%3E`)).text(), /teams\.microsoft\.com/);
    const local = await serve('');
    assert.doesNotMatch(await (await fetch(`${local}/r/H-2026-0042`)).text(), /teams\.microsoft\.com/);
  });
});
