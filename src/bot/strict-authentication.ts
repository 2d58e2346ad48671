import { ConfigurationBotFrameworkAuthentication, type Activity, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult, type ClaimsIdentity, type ConnectorFactory, type UserTokenClient } from 'botframework-connector';
import { appIdOf, ReusedConnectorClients } from './reused-connector-clients';
import { assertServiceUrlAllowed, type ServiceUrlRule } from './service-url-guard';

/**
 * A forged token makes the JWT library throw a plain error, which CloudAdapter answers with 500.
 * Any failure to authenticate is a 401: the caller is not trusted, the server is fine.
 * Then the activity's serviceUrl must be one the bot may talk to (assertServiceUrlAllowed). The clients
 * for replies and posts are made once and reused (ReusedConnectorClients).
 */
export class StrictBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly clients = new ReusedConnectorClients();

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
    return result.connectorFactory ? { ...result, connectorFactory: this.clients.factory(result.connectorFactory, appIdOf(result.claimsIdentity)) } : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.clients.factory(super.createConnectorFactory(claimsIdentity), appIdOf(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.clients.userTokenClient(appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }
}
