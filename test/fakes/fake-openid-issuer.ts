import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Plays the Bot Framework token service on loopback: an OpenID metadata document, its signing keys,
 * and RS256 tokens signed here, so that authentication is tested for real without the internet.
 */
export class FakeOpenIdIssuer {
  static readonly ISSUER = 'https://api.botframework.com';
  readonly kid = 'trygghetsboten-test-key';
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private server: Server | null = null;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const base = this.baseUrl;
      const body = req.url === '/keys'
        ? { keys: [{ ...this.keys.publicKey.export({ format: 'jwk' }), kid: this.kid, use: 'sig', endorsements: ['msteams'] }] }
        : { issuer: FakeOpenIdIssuer.ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return this.metadataUrl;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  get metadataUrl(): string {
    return `${this.baseUrl}/.well-known/openidconfiguration`;
  }

  /** A channel token as the Bot Connector sends it; override claims to make it wrong in one way. */
  token(claims: Record<string, unknown>, signWith: KeyObject = this.keys.privateKey): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: this.kid };
    const payload = { iss: FakeOpenIdIssuer.ISSUER, nbf: now - 60, iat: now - 60, exp: now + 3600, ...claims };
    const encode = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${encode(header)}.${encode(payload)}`;
    const signature = createSign('RSA-SHA256').update(unsigned).sign(signWith).toString('base64url');
    return `${unsigned}.${signature}`;
  }

  /** A key nobody trusts, for forged tokens. */
  static strangerKey(): KeyObject {
    return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
