import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedActivity {
  method: string;
  path: string;
  conversationId: string;
  authorization: string | undefined;
  body: Record<string, any>;
}

/** Decides the answer to one request; the default accepts it like the real connector does. */
export type ConnectorResponder = (req: ReceivedActivity) => { status: number; headers?: Record<string, string>; body?: unknown };

/**
 * A stand-in for the Bot Connector service: the bot's replies are HTTP calls to
 * {serviceUrl}/v3/conversations/{id}/activities[/{replyToId}], recorded here for assertions.
 */
export class FakeBotConnector {
  readonly received: ReceivedActivity[] = [];
  responder: ConnectorResponder = () => ({ status: 201, body: { id: `activity-${this.received.length}` } });
  /** Holds each answer back this long, to keep a bot request in flight. */
  delayMs = 0;
  private server: Server | null = null;
  private counter = 0;

  async start(): Promise<string> {
    if (this.server) return this.url;
    this.server = createServer((req, res) => {
      void readBody(req).then((raw) => {
        const path = req.url ?? '';
        const match = /\/v3\/conversations\/([^/]+)\/activities/.exec(path);
        const record: ReceivedActivity = {
          method: req.method ?? '', path, conversationId: match ? decodeURIComponent(match[1]!) : '',
          authorization: req.headers.authorization, body: raw ? JSON.parse(raw) : {},
        };
        this.received.push(record);
        this.counter += 1;
        const answer = this.responder(record);
        return new Promise((resolve) => setTimeout(resolve, this.delayMs)).then(() => answer);
      }).then((answer) => {
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(JSON.stringify(answer.body ?? { id: `activity-${this.counter}` }));
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  /** Messages (not typing indicators) the bot sent, in order. */
  messages(): Record<string, any>[] {
    return this.received.filter((r) => r.body.type === 'message').map((r) => r.body);
  }

  clear(): void {
    this.received.length = 0;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
