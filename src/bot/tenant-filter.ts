import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { AllowedTenants } from '../config/config';
import type { Logger } from '../logging/logger';
import { tenantOf } from './turn-context-reader';

/**
 * Activities from tenants that are not allowed (ALLOWED_TENANTS, or the SingleTenant tenant) stop here:
 * no handler runs, so nothing is stored and nothing is answered in the foreign conversation. Card actions
 * get an explicit 403.
 */
export function tenantFilter(allowed: AllowedTenants, log: Logger): Middleware {
  const allowedSet = new Set(allowed.any ? [] : allowed.ids.map((t) => t.toLowerCase()));
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      if (allowed.any || allowedSet.has(tenantOf(context.activity).toLowerCase())) return next();
      log.warn({ activityType: context.activity.type }, 'activity from a tenant that is not allowed was refused');
      if (context.activity.type === ActivityTypes.Invoke) {
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403, body: { error: 'tenant_not_allowed' } } });
      }
    },
  };
}
