import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger';
import { tenantOf } from './turn-context-reader';

/**
 * Activities from tenants outside ALLOWED_TENANTS stop here: no handler runs, so nothing is stored
 * and nothing is answered in the foreign conversation. Card actions get an explicit 403.
 */
export function tenantFilter(allowed: string[], log: Logger): Middleware {
  const allowedSet = new Set(allowed.map((t) => t.toLowerCase()));
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      if (allowedSet.size === 0 || allowedSet.has(tenantOf(context.activity).toLowerCase())) return next();
      log.warn({ activityType: context.activity.type }, 'activity from a tenant that is not allowed was refused');
      if (context.activity.type === ActivityTypes.Invoke) {
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403, body: { error: 'tenant_not_allowed' } } });
      }
    },
  };
}
