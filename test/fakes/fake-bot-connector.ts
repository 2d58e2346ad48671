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

/** The answer to one request. */
export interface ConnectorAnswer { status: number; headers?: Record<string, string>; body?: unknown }

/**
 * Decides the answer to one request; the default accepts it like the real connector does. A promise
 * holds the answer back until it settles (a request left in flight, as to an instance that hangs or dies).
 */
export type ConnectorResponder = (req: ReceivedActivity) => ConnectorAnswer | Promise<ConnectorAnswer>;

/** A Teams roster entry, as GET /v3/conversations/{id}/members/{userId} answers it (TeamsChannelAccount). */
export interface ConnectorMember {
  email?: string;
  userPrincipalName?: string;
  name?: string;
  aadObjectId?: string;
  tenantId?: string;
  [field: string]: unknown;
}

/** One roster lookup the bot made (kept apart from `received`, which holds what the bot posted). */
export interface MemberRequest {
  conversationId: string;
  userId: string;
  authorization: string | undefined;
}

/**
 * A stand-in for the Bot Connector service: the bot's replies are HTTP calls to
 * {serviceUrl}/v3/conversations/{id}/activities[/{replyToId}], recorded here for assertions.
 */
export class FakeBotConnector {
  readonly received: ReceivedActivity[] = [];
  responder: ConnectorResponder = () => ({ status: 201, body: { id: `activity-${this.received.length}` } });
  /** The roster: GET /v3/conversations/{any}/members/{userId} answers members.get(userId), or 404. */
  readonly members = new Map<string, ConnectorMember>();
  /** Roster lookups, in order. */
  readonly memberRequests: MemberRequest[] = [];
  /** When set, every roster lookup answers this status (e.g. 403) instead of the roster. */
  memberFailure: number | null = null;
  /** Holds each answer back this long, to keep a bot request in flight. */
  delayMs = 0;
  private server: Server | null = null;
  private counter = 0;

  async start(): Promise<string> {
    if (this.server) return this.url;
    this.server = createServer((req, res) => {
      void readBody(req).then((raw) => {
        const path = req.url ?? '';
        const member = req.method === 'GET' ? this.memberLookup(path, req.headers.authorization) : null;
        if (member) return member;
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

  /** Answers a roster lookup (GET …/members/{userId}); null for any other path. */
  private memberLookup(path: string, authorization: string | undefined): { status: number; body: unknown } | null {
    const match = /\/v3\/conversations\/([^/]+)\/members\/([^/?]+)/.exec(path);
    if (!match) return null;
    const conversationId = decodeURIComponent(match[1]!);
    const userId = decodeURIComponent(match[2]!);
    this.memberRequests.push({ conversationId, userId, authorization });
    if (this.memberFailure !== null) return { status: this.memberFailure, body: { error: { code: 'Failure', message: 'roster lookup failed' } } };
    const member = this.members.get(userId);
    if (!member) return { status: 404, body: { error: { code: 'MemberNotFoundInConversation', message: 'The member is not in the conversation.' } } };
    return { status: 200, body: { id: userId, ...member } };
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
