import {
  CloudAdapter, type Activity, type ConfigurationBotFrameworkAuthenticationOptions, type InvokeResponse, type TurnContext,
} from 'botbuilder';
import type { AllowedTenants, Config } from '../config/config';
import { messages, localeFrom, SWEDISH_BY_DEFAULT, tenantLocale, type DefaultLocales } from '../i18n/messages';
import type { Logger } from '../logging/logger';
import { StrictBotFrameworkAuthentication } from './strict-authentication';
import { tenantFilter } from './tenant-filter';
import { tenantOf } from './turn-context-reader';
import { errorName } from './trygghetsboten-bot';

/**
 * Overriding one endpoint makes botbuilder take every endpoint from the settings, so the rest of the
 * public Azure cloud's values (botframework-connector's AuthenticationConstants) come along.
 */
function publicCloudWith(openIdMetadataUrl: string): Partial<ConfigurationBotFrameworkAuthenticationOptions> {
  return {
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    CallerId: 'urn:botframework:azure',
    ValidateAuthority: true,
  };
}

/**
 * Bot Framework authentication from the standard settings. With no app id the adapter runs in local
 * mode: requests without a token are accepted and replies are sent without one (Playground, tests).
 */
/** CloudAdapter with its turn processing public, so that the HTTP edge answers errors its own way. */
export class BotAdapter extends CloudAdapter {
  handleActivity(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}

export function createAdapter(bot: Config['bot'], allowedTenants: AllowedTenants, log: Logger, locales: DefaultLocales = SWEDISH_BY_DEFAULT): BotAdapter {
  const settings: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: bot.appId,
    MicrosoftAppPassword: bot.appPassword,
    // Local mode has no identity at all; botbuilder insists on an app id for the SingleTenant default.
    MicrosoftAppType: bot.authEnabled ? bot.appType : 'MultiTenant',
    MicrosoftAppTenantId: bot.tenantId,
    ...(bot.openIdMetadataUrl ? publicCloudWith(bot.openIdMetadataUrl) : {}),
  };
  const adapter = new BotAdapter(new StrictBotFrameworkAuthentication(settings, bot));
  adapter.use(tenantFilter(allowedTenants, log));
  adapter.onTurnError = async (context, error) => {
    log.error({ err: errorName(error), activityType: context.activity.type }, 'unhandled error in turn');
    if (context.activity.type !== 'message') return;
    const locale = localeFrom(context.activity.locale, tenantLocale(locales, tenantOf(context.activity)));
    await context.sendActivity(messages(locale).notice.unexpected).catch(() => undefined);
  };
  return adapter;
}
