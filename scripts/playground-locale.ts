import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The Agents Playground sends every activity with locale en-US (its client info is fixed), while the
 * people the bot is made for run Teams in Swedish. This loopback relay sits between the playground and
 * the bot's /api/messages and gives each activity the locale of a Swedish client (PLAYGROUND_LOCALE,
 * sv-SE unless set), so that the playground shows the bot as they see it. Replies go from the bot to
 * the playground's own connector directly, as before.
 */
export async function startLocaleRelay(target: URL, locale: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = withLocale(Buffer.concat(chunks), locale);
      const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
      const forward = request(new URL(req.url ?? '/', target), { method: req.method, headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', () => { res.writeHead(502).end(); });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${target.pathname}`, server };
}

/** The activity with the client's locale replaced (top level and clientInfo); anything else as it came. */
function withLocale(raw: Buffer, locale: string): Buffer {
  try {
    const activity = JSON.parse(raw.toString('utf8')) as { locale?: string; entities?: { type?: string; locale?: string }[] };
    activity.locale = locale;
    for (const entity of activity.entities ?? []) if (entity.type === 'clientInfo') entity.locale = locale;
    return Buffer.from(JSON.stringify(activity), 'utf8');
  } catch {
    return raw;
  }
}
