import cron from 'node-cron';
import { z } from 'zod';

// The only place the environment is read. Every key documents itself; env/.env.example mirrors this list.
const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const guidList = z.string().default('')
  .transform((v) => v.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean))
  .refine((ids) => ids.every((id) => GUID.test(id)), 'must be a comma-separated list of GUIDs');

const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978)
      .describe('HTTP port of the bot (0 = any free port)'),
    DATABASE_URL: z.string().trim().default('sqlite:data/trygghetsboten.db')
      .refine((v) => /^(sqlite:.+|mssql:\/\/.+)$/.test(v), 'must be sqlite:<path>, sqlite::memory: or mssql://user:pass@host:port/db')
      .describe('Where reports are stored'),
    MicrosoftAppId: z.string().trim().default('')
      .refine((v) => v === '' || GUID.test(v), 'must be a GUID or empty')
      .describe('Bot registration app id; empty = local mode without Bot Framework auth'),
    MicrosoftAppPassword: z.string().default('').describe('Client secret of the bot registration'),
    MicrosoftAppType: z.enum(APP_TYPES).default('MultiTenant').describe('Bot identity type'),
    MicrosoftAppTenantId: z.string().trim().default('').describe('Tenant of a SingleTenant bot'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')
      .describe('Structured log level'),
    MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(100_000)
      .describe('Largest accepted request body'),
    HOTSPOT_EFFECT_WEEKS: z.coerce.number().int().min(1).max(26).default(4)
      .describe('Hot spot effect: incidents in the N weeks before the first measure against the N weeks after'),
    SCHEDULER_CRON: z.string().trim().default('* * * * *')
      .refine((v) => v === 'off' || cron.validate(v), 'must be a cron expression (e.g. "* * * * *") or off')
      .describe('When the digest scheduler looks for due lägesbild digests (Europe/Stockholm); off = never on this instance'),
    DIGEST_CATCH_UP_HOURS: z.coerce.number().min(0).max(168).default(12)
      .describe('A digest missed while the bot was down is still posted (once) up to this many hours late'),
    EXPORT_LINK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15)
      .describe('How long an export link works'),
    PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional()
      .describe('The address users reach the bot at, for export links (default http://localhost:PORT)'),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30)
      .describe('Messages and card actions one user may send a minute, after a burst of RATE_LIMIT_BURST'),
    RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(10_000).default(20)
      .describe('Messages and card actions one user may send at once'),
    RETENTION_MONTHS: z.coerce.number().int().min(1).max(240).default(36)
      .describe('Months after which reports lose their text and people (anonymised; counts are kept)'),
    ALLOWED_TENANTS: guidList.describe('Comma-separated Entra tenant ids allowed to use the bot; empty = any tenant'),
    COORDINATORS: guidList.describe('Comma-separated Entra object ids of coordinators (curate places, close any report, export)'),
    BOT_OPENID_METADATA_URL: z.url().optional()
      .describe('OpenID metadata for validating channel tokens; leave unset for the public Azure cloud'),
  })
  .superRefine((env, ctx) => {
    if (env.MicrosoftAppType === 'SingleTenant' && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required when MicrosoftAppType=SingleTenant' });
    }
    if (env.MicrosoftAppId && env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
    }
  });

type Env = z.output<typeof schema>;

export interface Config {
  port: number;
  databaseUrl: string;
  logLevel: Env['LOG_LEVEL'];
  maxBodyBytes: number;
  hotspots: { effectWeeks: number };
  digests: {
    /** null: this instance runs no scheduler. */
    cron: string | null;
    catchUpHours: number;
  };
  exports: { linkMinutes: number; publicBaseUrl: string | null };
  rateLimit: { perMinute: number; burst: number };
  retentionMonths: number;
  /** Lower-case tenant ids; empty means every tenant may use the bot. */
  allowedTenants: string[];
  /** Lower-case Entra object ids of the coordinators named in configuration. */
  coordinators: string[];
  bot: {
    appId: string;
    appPassword: string;
    appType: Env['MicrosoftAppType'];
    tenantId: string;
    /** False in local mode (no app id): requests are not authenticated. */
    authEnabled: boolean;
    openIdMetadataUrl: string | undefined;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Empty strings count as unset, as they do in most .env files. */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'} ${i.message}`));
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    maxBodyBytes: e.MAX_BODY_BYTES,
    hotspots: { effectWeeks: e.HOTSPOT_EFFECT_WEEKS },
    digests: { cron: e.SCHEDULER_CRON === 'off' ? null : e.SCHEDULER_CRON, catchUpHours: e.DIGEST_CATCH_UP_HOURS },
    exports: { linkMinutes: e.EXPORT_LINK_MINUTES, publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, '') ?? null },
    rateLimit: { perMinute: e.RATE_LIMIT_PER_MINUTE, burst: e.RATE_LIMIT_BURST },
    retentionMonths: e.RETENTION_MONTHS,
    allowedTenants: e.ALLOWED_TENANTS,
    coordinators: e.COORDINATORS,
    bot: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
      authEnabled: e.MicrosoftAppId !== '',
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
    },
  };
}

/** For documentation and the example env file: each variable with its description and default. */
export function describeVariables(): { name: string; description: string }[] {
  return Object.entries(schema.shape).map(([name, s]) => ({ name, description: s.description ?? '' }));
}
