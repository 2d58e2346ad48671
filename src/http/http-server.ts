import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type express from 'express';

export interface RunningServer {
  server: Server;
  port: number;
  /** Stops accepting, lets in-flight requests finish (up to the grace period), then closes the rest. */
  close(graceMs?: number): Promise<void>;
}

/**
 * An idle connection is kept longer than common proxies and clients keep theirs (60 s; Node's own
 * default is 5 s): otherwise a sender may reuse a connection in the very moment Node closes it, and sees
 * a reset or a 502 for a request that never arrived.
 */
const KEEP_ALIVE_MS = 65_000;

/** `host` has no default: which interfaces a bot is reachable on is decided by configuration (HOST). */
export async function listen(app: express.Express, port: number, host: string): Promise<RunningServer> {
  const server = app.listen(port, host);
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // Headers must be allowed to take longer than the idle time, or Node may cut a reused connection's request.
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  await once(server, 'listening');
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: async (graceMs = 10_000) => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(timer);
    },
  };
}
