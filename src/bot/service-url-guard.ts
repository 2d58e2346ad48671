import type { Activity, TurnContext } from 'botbuilder';
import { AuthenticationConstants, AuthenticationError, type ClaimsIdentity } from 'botframework-connector';
import { isLoopbackServiceUrl, isTeamsServiceUrl, matchesServiceUrlPrefix } from '../config/service-urls';

/** What decides which Bot Connector service URLs the bot talks to (Config['bot']). */
export interface ServiceUrlRule {
  /** False in local mode (no app id). */
  authEnabled: boolean;
  /** BOT_EXTRA_SERVICE_URLS: prefixes accepted with an app id besides the Teams hosts. */
  extraServiceUrls: readonly string[];
}

/** The caller is authenticated (or in local mode), but the service URL is not one the bot talks to: a 403. */
export class ServiceUrlNotAllowed extends AuthenticationError {
  constructor() {
    super('The service URL is not one this bot talks to.', 403);
    this.name = 'ServiceUrlNotAllowed';
  }
}

/**
 * The activity's serviceUrl is where the bot POSTs its replies (with an app id: with its bearer token) and
 * what a stored conversation reference keeps for digests and reminders. Checked after the token:
 *
 * - with an app id, the token must vouch for exactly this URL (its `serviceurl` claim). botbuilder checks the
 *   claim only when the activity has a serviceUrl, and not at all for Emulator tokens: here it is required.
 *   And the URL must be one of Microsoft Teams' Bot Connector hosts (TEAMS_SERVICE_URL_HOSTS) or of
 *   BOT_EXTRA_SERVICE_URLS.
 * - in local mode (no authentication), only a connector on this machine (localhost, 127.x, [::1]), such as
 *   the Agents Playground: an unauthenticated caller cannot make the bot post elsewhere in the network.
 */
export function assertServiceUrlAllowed(activity: Activity, identity: ClaimsIdentity, rule: ServiceUrlRule): void {
  const serviceUrl = typeof activity.serviceUrl === 'string' ? activity.serviceUrl : '';
  if (!rule.authEnabled) {
    if (!isLoopbackServiceUrl(serviceUrl)) throw new ServiceUrlNotAllowed();
    return;
  }
  if (!serviceUrl || !vouchesFor(identity, serviceUrl)) {
    throw new AuthenticationError('Unauthorized. The token does not vouch for the service URL.', 401);
  }
  if (!isTeamsServiceUrl(serviceUrl) && !matchesServiceUrlPrefix(serviceUrl, rule.extraServiceUrls)) throw new ServiceUrlNotAllowed();
}

/**
 * May the bot post (with its bearer token) to a stored reference's service URL? The same hosts as for an
 * incoming activity: a reference stored before the checks existed, or by a bug, never receives the token.
 */
export function serviceUrlAllowedForPosting(serviceUrl: string, rule: ServiceUrlRule): boolean {
  if (!rule.authEnabled) return isLoopbackServiceUrl(serviceUrl);
  return isTeamsServiceUrl(serviceUrl) || matchesServiceUrlPrefix(serviceUrl, rule.extraServiceUrls);
}

/** A Bot Framework channel token issued for exactly this service URL. */
function vouchesFor(identity: ClaimsIdentity | undefined, serviceUrl: string): boolean {
  return identity?.isAuthenticated === true && identity.getClaimValue(AuthenticationConstants.ServiceUrlClaim) === serviceUrl;
}

/**
 * May this turn's serviceUrl replace what is stored for the conversation (where digests and reminders go
 * later)? When a token was validated, only if it vouched for this URL; without one (local mode, where the
 * adapter's identity carries no claims), only a connector on this machine. A second line behind
 * assertServiceUrlAllowed: a stored reference is never taken from a URL nobody vouched for.
 */
export function serviceUrlIsTrusted(context: TurnContext): boolean {
  const serviceUrl = typeof context.activity.serviceUrl === 'string' ? context.activity.serviceUrl : '';
  const identity = context.turnState.get<ClaimsIdentity | undefined>(context.adapter.BotIdentityKey);
  if (identity && identity.claims.length > 0) return vouchesFor(identity, serviceUrl);
  return isLoopbackServiceUrl(serviceUrl);
}
