import { ConfigurationBotFrameworkAuthentication, type Activity, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import { assertServiceUrlAllowed, type ServiceUrlRule } from './service-url-guard';

/**
 * A forged token makes the JWT library throw a plain error, which CloudAdapter answers with 500.
 * Any failure to authenticate is a 401: the caller is not trusted, the server is fine.
 * Then the activity's serviceUrl must be one the bot may talk to (assertServiceUrlAllowed).
 */
export class StrictBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(settings: ConfigurationBotFrameworkAuthenticationOptions, private readonly serviceUrls: ServiceUrlRule) {
    super(settings);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    let result: AuthenticateRequestResult;
    try {
      result = await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError('Unauthorized. The token could not be validated.', 401);
    }
    assertServiceUrlAllowed(activity, result.claimsIdentity, this.serviceUrls);
    return result;
  }
}
