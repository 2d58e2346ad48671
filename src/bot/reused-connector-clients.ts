import { AuthenticationConstants, type ClaimsIdentity, type ConnectorClient, type ConnectorFactory, type UserTokenClient } from 'botframework-connector';
import { RecentEntries } from '../domain/recent-entries';

/**
 * CloudAdapter builds a new ConnectorClient and UserTokenClient for every turn and every proactive post,
 * each with a fresh HTTP pipeline of @azure/core-client: about a twentieth of a report submit's CPU time
 * (issue 14), for clients that a card press answered in the invoke response does not even use. Both are
 * stateless apart from their credentials (whose tokens botbuilder caches per app and scope anyway), so
 * one per app id, service URL and audience serves every turn. Bounded: the service URLs that reach this
 * far passed the service-URL guard, but memory must not grow with what a caller sends.
 */
export const REUSED_CLIENTS_MAX = 64;

export class ReusedConnectorClients {
  private readonly connectors = new RecentEntries<string, Promise<ConnectorClient>>(REUSED_CLIENTS_MAX);
  private readonly userTokens = new RecentEntries<string, Promise<UserTokenClient>>(REUSED_CLIENTS_MAX);

  /** The factory CloudAdapter asks for a turn's client: the same client again for the same app, URL and audience. */
  factory(inner: ConnectorFactory, appId: string): ConnectorFactory {
    return {
      create: (serviceUrl: string, audience?: string) =>
        this.reused(this.connectors, [appId, serviceUrl, audience ?? ''].join('\n'), () => inner.create(serviceUrl, audience)),
    } as ConnectorFactory;
  }

  userTokenClient(appId: string, create: () => Promise<UserTokenClient>): Promise<UserTokenClient> {
    return this.reused(this.userTokens, appId, create);
  }

  private reused<T>(entries: RecentEntries<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
    const known = entries.get(key);
    if (known) return known;
    const made = create();
    entries.set(key, made);
    // A client that could not be made (its credentials failed) is tried again by the next turn.
    made.catch(() => { if (entries.get(key) === made) entries.delete(key); });
    return made;
  }
}

/** The app id botbuilder makes a turn's clients for: the audience claim, else the app id claim (none in local mode). */
export function appIdOf(claims: ClaimsIdentity): string {
  return claims.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claims.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}
