import {
  CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { Config } from '../config/config';
import { messages, localeFrom } from '../i18n/messages';
import type { Logger } from '../logging/logger';
import { errorName } from './trygghetsboten-bot';

/**
 * Bot Framework authentication from the standard settings. With no app id the adapter runs in local
 * mode: requests without a token are accepted and replies are sent without one (Playground, tests).
 */
export function createAdapter(bot: Config['bot'], log: Logger): CloudAdapter {
  const settings: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: bot.appId,
    MicrosoftAppPassword: bot.appPassword,
    MicrosoftAppType: bot.appType,
    MicrosoftAppTenantId: bot.tenantId,
  };
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(settings));
  adapter.onTurnError = async (context, error) => {
    log.error({ err: errorName(error), activityType: context.activity.type }, 'unhandled error in turn');
    if (context.activity.type !== 'message') return;
    await context.sendActivity(messages(localeFrom(context.activity.locale)).notice.unexpected).catch(() => undefined);
  };
  return adapter;
}
