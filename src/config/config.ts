import { isIP } from 'node:net';
import type { EstScale } from '../domain/est/est-week';
import cron from 'node-cron';
import { z } from 'zod';
import { GUID, entriesOf, parseOrganisationDomains, type OrganisationDomain } from './organisation-domains';
import { parseServiceUrlPrefix } from './service-urls';

export type { OrganisationDomain } from './organisation-domains';

// The only place the environment is read. Every key documents itself; env/.env.example mirrors this list.
const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

/** ALLOWED_TENANTS as written: `*`, a list of tenant ids, or nothing. */
type TenantSetting = { kind: 'any' } | { kind: 'list'; ids: string[] } | { kind: 'unset' };

const allowedTenantsSetting = z.string().default('').transform((value, ctx): TenantSetting => {
  const entries = entriesOf(value).map((x) => x.toLowerCase());
  if (entries.length === 0) return { kind: 'unset' };
  if (entries.includes('*')) {
    if (entries.length === 1) return { kind: 'any' };
    ctx.addIssue({ code: 'custom', message: 'mixes * with tenant ids: write either * (any tenant) or the tenant ids' });
    return z.NEVER;
  }
  const bad = entries.filter((id) => !GUID.test(id));
  for (const id of bad) ctx.addIssue({ code: 'custom', message: `entry "${id}" is not a tenant id (GUID); write comma-separated tenant ids, or * for any tenant` });
  return bad.length ? z.NEVER : { kind: 'list', ids: [...new Set(entries)] };
});

/** A COORDINATORS entry as written; tenantId null for a bare object id. */
interface CoordinatorEntry { raw: string; tenantId: string | null; userId: string }

const coordinatorsSetting = z.string().default('').transform((value, ctx): CoordinatorEntry[] => {
  const entries: CoordinatorEntry[] = [];
  for (const raw of entriesOf(value)) {
    const parts = raw.toLowerCase().split('/').map((x) => x.trim());
    const [tenantId, userId] = parts.length === 2 ? parts : [null, parts[0]];
    if (parts.length > 2 || !userId || !GUID.test(userId) || (tenantId !== null && !GUID.test(tenantId!))) {
      ctx.addIssue({ code: 'custom', message: `entry "${raw}" is not tenantId/objectId (two GUIDs, e.g. 72f988bf-…/0f3c…): write tenantId/objectId` });
      continue;
    }
    entries.push({ raw, tenantId: tenantId ?? null, userId });
  }
  return entries;
});

const organisationDomainsSetting = z.string().default('').transform((value, ctx) => {
  const { domains, problems } = parseOrganisationDomains(value);
  for (const message of problems) ctx.addIssue({ code: 'custom', message });
  return domains;
});

const hostSetting = z.string().trim().optional()
  .refine((v) => v === undefined || isIP(v.replace(/^\[(.*)\]$/, '$1')) !== 0 || /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(v),
    'must be an IP address (e.g. 127.0.0.1, 0.0.0.0, ::) or a host name');

const extraServiceUrlsSetting = z.string().default('').transform((value, ctx): string[] => {
  const prefixes: string[] = [];
  for (const entry of entriesOf(value)) {
    const parsed = parseServiceUrlPrefix(entry);
    if ('problem' in parsed) ctx.addIssue({ code: 'custom', message: parsed.problem });
    else if (!prefixes.includes(parsed.prefix)) prefixes.push(parsed.prefix);
  }
  return prefixes;
});

/** The languages the bot speaks; the i18n catalogue's Locale. */
const LANGUAGES = ['sv', 'en'] as const;
type Language = (typeof LANGUAGES)[number];

/** DEFAULT_LOCALE as written: one language for every tenant, then tenantId=language exceptions. */
export interface DefaultLocales {
  fallback: Language;
  /** By lower-case tenant id. */
  tenants: Readonly<Record<string, Language>>;
}

const defaultLocaleSetting = z.string().default('sv').transform((value, ctx): DefaultLocales => {
  let fallback: Language | null = null;
  const tenants: Record<string, Language> = {};
  for (const entry of entriesOf(value).map((x) => x.toLowerCase())) {
    const [left, right] = entry.includes('=') ? entry.split('=').map((x) => x.trim()) : [null, entry];
    const language = LANGUAGES.find((l) => l === right);
    if (!language) {
      ctx.addIssue({ code: 'custom', message: `entry "${entry}" names no language: write sv or en, or tenantId=sv / tenantId=en` });
    } else if (left === null) {
      if (fallback !== null) ctx.addIssue({ code: 'custom', message: `names two default languages (${fallback} and ${language}): write one, then tenantId=language for exceptions` });
      fallback = language;
    } else if (!GUID.test(left!)) {
      ctx.addIssue({ code: 'custom', message: `entry "${entry}" does not start with a tenant id (GUID): write tenantId=${language}` });
    } else tenants[left!] = language;
  }
  return { fallback: fallback ?? 'sv', tenants };
});

const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978)
      .describe('HTTP port of the bot (0 = any free port)'),
    HOST: hostSetting
      .describe('Address the HTTP server listens on. Default: 127.0.0.1 (this machine only) in local mode, 0.0.0.0 (all '
        + 'interfaces) with an app id. In local mode any address beyond loopback exposes a bot without authentication: '
        + 'it is logged as a warning at start'),
    DATABASE_URL: z.string().trim().default('sqlite:data/trygghetsboten.db')
      .refine((v) => /^(sqlite:.+|mssql:\/\/.+)$/.test(v), 'must be sqlite:<path>, sqlite::memory: or mssql://user:pass@host:port/db')
      .describe('Where reports are stored'),
    MicrosoftAppId: z.string().trim().default('')
      .refine((v) => v === '' || GUID.test(v), 'must be a GUID or empty')
      .describe('Bot registration app id; empty = local mode without Bot Framework auth'),
    MicrosoftAppPassword: z.string().default('').describe('Client secret of the bot registration'),
    MicrosoftAppType: z.enum(APP_TYPES).default('SingleTenant')
      .describe('Bot identity type: SingleTenant (default; every Azure Bot registered since 31 July 2025), UserAssignedMSI '
        + '(a managed identity, on Azure only) or MultiTenant (older registrations only, when chosen explicitly)'),
    MicrosoftAppTenantId: z.string().trim().toLowerCase().default('')
      .refine((v) => v === '' || GUID.test(v), 'must be a tenant id (GUID) or empty')
      .describe('Tenant (GUID) of the bot registration; required with an app id for SingleTenant and UserAssignedMSI; with '
        + 'ALLOWED_TENANTS empty it is the only allowed tenant'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')
      .describe('Structured log level'),
    MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(100_000)
      .describe('Largest accepted request body'),
    HOTSPOT_EFFECT_WEEKS: z.coerce.number().int().min(1).max(26).default(4)
      .describe('Hot spot effect: incidents in the N weeks before the first measure against the N weeks after'),
    EST_SCALE: z.string().trim().optional()
      .refine((v) => v === undefined || v.split(',').filter((l) => l.trim() !== '').length === 3, 'must be three labels, best first, comma-separated (e.g. "grön,gul,röd")')
      .describe('The EST week\'s three-level scale for areas, best first (default: grön, gul, röd in Swedish; green, yellow, red in English)'),
    MOBILISATION_ESCALATE_MINUTES: z.coerce.number().int().min(1).max(240).default(10)
      .describe('A call-out (mobilisera) goes on to the next step of the school\'s call list when nobody has answered "kommer" within this many minutes'),
    SCHEDULER_CRON: z.string().trim().default('* * * * *')
      .refine((v) => v === 'off' || cron.validate(v), 'must be a cron expression (e.g. "* * * * *") or off')
      .describe('When the digest scheduler looks for due lägesbild digests (Europe/Stockholm); off = never on this instance'),
    JOB_LEASE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60)
      .describe('How long a scheduled job\'s lease holds without renewal: after that another instance takes over the run of an instance that died'),
    POSTS_PER_SECOND: z.coerce.number().int().min(1).max(30).default(30)
      .describe('The posting budget a second per tenant, for all instances together (Teams allows about 30 per app and tenant): answers to users go first, digests and reminders fill what they leave'),
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
    DOCUMENT_RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(10)
      .describe('Full years after their year that the yearly documents (lägesbild enligt lag analysis, medborgarlöften, strategic meetings, EST priority areas) are kept'),
    ALLOWED_TENANTS: allowedTenantsSetting
      .describe('Comma-separated Entra tenant ids allowed to use the bot, or * for any tenant. Empty: the SingleTenant '
        + 'tenant, any tenant in local mode; refused at start for a MultiTenant or UserAssignedMSI bot with an app id'),
    COORDINATORS: coordinatorsSetting
      .describe('Comma-separated tenantId/objectId (Entra GUIDs) of coordinators (curate places, close any report, export); '
        + 'a bare objectId only when exactly one tenant is allowed'),
    ORGANISATION_DOMAINS: organisationDomainsSetting
      .describe('Comma-separated domain=organisation or tenantId/domain=organisation (e.g. polisen.se=polisen): a user whose '
        + 'e-mail is in the domain (or a subdomain) is a confirmed member of the organisation'),
    DEFAULT_LOCALE: defaultLocaleSetting
      .describe('The language when a Teams client sends none (or one the bot does not speak), and of proactive posts '
        + '(hot spot reminders; a lägesbild digest speaks the language of whoever subscribed): sv (default) or en; '
        + 'per tenant with tenantId=language, e.g. sv,72f988bf-86f1-41af-91ab-2d7cd011db47=en'),
    BOT_OPENID_METADATA_URL: z.url().optional()
      .describe('OpenID metadata for validating channel tokens; leave unset for the public Azure cloud'),
    BOT_EXTRA_SERVICE_URLS: extraServiceUrlsSetting
      .describe('Comma-separated Bot Connector service URL prefixes accepted with an app id besides the Microsoft Teams '
        + 'hosts built in (smba.trafficmanager.net and the US government clouds): another sovereign cloud, or a test '
        + 'connector. https (http only for localhost). Leave empty for Teams'),
    MAP_TILE_URL: z.string().trim().default('https://tile.openstreetmap.org/{z}/{x}/{y}.png')
      .refine((v) => v === 'off' || (/^https?:\/\/[^/]+\//.test(v) && ['{z}', '{x}', '{y}'].every((p) => v.includes(p))), 'must be an http(s) tile URL with {z}, {x} and {y}, or off')
      .describe('Map tiles of the lägesbild tab (Leaflet URL template); off = no tiles, the points and areas on a plain background'),
    MAP_TILE_ATTRIBUTION: z.string().trim().default('© OpenStreetMap contributors')
      .describe('The attribution the tile source requires, shown on the map'),
    TAB_SSO_APP_ID: z.string().trim().default('')
      .refine((v) => v === '' || GUID.test(v), 'must be a GUID or empty')
      .describe('App id the lägesbild tab\'s single sign-on tokens are issued for (webApplicationInfo.id); default MicrosoftAppId'),
    TAB_SSO_JWKS_URL: z.url({ protocol: /^https?$/ }).default('https://login.microsoftonline.com/common/discovery/v2.0/keys')
      .describe('Signing keys of the tab\'s single sign-on tokens (Entra ID); change only for another cloud or a test issuer'),
    TAB_SSO_ISSUERS: z.string().trim().default('https://login.microsoftonline.com/{tenantid}/v2.0,https://sts.windows.net/{tenantid}/')
      .refine((v) => entriesOf(v).length > 0 && entriesOf(v).every((x) => x.includes('{tenantid}')), 'must be comma-separated issuer templates, each with {tenantid}')
      .describe('Accepted issuers of tab tokens, {tenantid} standing for the token\'s own tenant (v2 and v1 forms by default)'),
  })
  .superRefine((env, ctx) => {
    if (!env.MicrosoftAppId) return;
    const type = env.MicrosoftAppType;
    const chosen = type === 'SingleTenant' ? ' (the default: Azure Bot registrations made since 31 July 2025 are single-tenant)' : '';
    if (type !== 'MultiTenant' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: `is required when MicrosoftAppType=${type}${chosen}: `
        + 'set it to the tenant id (GUID) of the bot registration'
        + (type === 'SingleTenant' ? ', or set MicrosoftAppType=MultiTenant explicitly for an older multi-tenant registration' : '') });
    }
    if (type === 'UserAssignedMSI' && env.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'must be empty when MicrosoftAppType=UserAssignedMSI: '
        + 'a managed identity has no secret (MicrosoftAppId is the client id of the identity, which must be assigned to this '
        + 'App Service or container app)' });
    }
    if (type !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: `is required when MicrosoftAppId is set and MicrosoftAppType=${type}${chosen}: `
        + 'the client secret of the app registration (or MicrosoftAppType=UserAssignedMSI with a managed identity on Azure)' });
    }
  });

type Env = z.output<typeof schema>;

export interface Config {
  port: number;
  /**
   * Where the HTTP server listens: HOST, else loopback in local mode and every interface with an app id.
   * Local mode beyond loopback trusts anyone who can connect; configuration cannot log, so the composition
   * root warns at start.
   */
  host: string;
  databaseUrl: string;
  logLevel: Env['LOG_LEVEL'];
  maxBodyBytes: number;
  hotspots: { effectWeeks: number };
  /** EST_SCALE: the three levels' labels, best first, in every language; null: the catalogue's. */
  est: { scale: EstScale | null };
  mobilisation: { escalateMinutes: number };
  digests: {
    /** null: this instance runs no scheduler. */
    cron: string | null;
    catchUpHours: number;
  };
  /** Scheduled jobs with several instances: lease length, and the shared per-tenant posting budget. */
  jobs: { leaseMs: number; postsPerSecond: number };
  exports: { linkMinutes: number; publicBaseUrl: string | null };
  rateLimit: { perMinute: number; burst: number };
  retentionMonths: number;
  /** DOCUMENT_RETENTION_YEARS: the yearly documents are removed after this many full years. */
  documentRetentionYears: number;
  /** Which tenants may use the bot; ids are lower-case. */
  allowedTenants: AllowedTenants;
  /**
   * True when ALLOWED_TENANTS=* and authentication is on: any organisation's Teams can use this bot.
   * Configuration cannot log; main warns at start.
   */
  openToAnyTenant: boolean;
  /** The coordinators named in configuration, each in its tenant; lower-case GUIDs. */
  coordinators: ConfiguredCoordinator[];
  /** E-mail domains that confirm an organisation (ORGANISATION_DOMAINS); lower-case. */
  organisationDomains: OrganisationDomain[];
  /** DEFAULT_LOCALE: the language of a tenant when the client names none, and of proactive posts. */
  defaultLocales: DefaultLocales;
  /** The lägesbild tab: map tiles and single sign-on. */
  tab: {
    /** null: no tiles (offline). */
    tileUrl: string | null;
    tileAttribution: string;
    /** The app id tokens must be issued for; '' when the bot runs in local mode without one. */
    ssoAppId: string;
    jwksUrl: string;
    /** Issuer templates with {tenantid}. */
    issuers: string[];
  };
  bot: {
    appId: string;
    appPassword: string;
    appType: Env['MicrosoftAppType'];
    tenantId: string;
    /** False in local mode (no app id): requests are not authenticated. */
    authEnabled: boolean;
    openIdMetadataUrl: string | undefined;
    /**
     * BOT_EXTRA_SERVICE_URLS: canonical prefixes (ending in /) accepted, with an app id, besides the Teams
     * hosts of TEAMS_SERVICE_URL_HOSTS. Unused in local mode, which talks to loopback connectors only.
     */
    extraServiceUrls: string[];
  };
}

/** `{ any: true }`: every tenant (local mode, or ALLOWED_TENANTS=*). Otherwise only the listed ones. */
export type AllowedTenants = { any: true } | { any: false; ids: string[] };

export interface ConfiguredCoordinator {
  tenantId: string;
  userId: string;
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
  const tenancy = resolveTenancy(e);
  if (tenancy.problems.length) throw new ConfigError(tenancy.problems);
  return {
    port: e.PORT,
    host: e.HOST ?? (e.MicrosoftAppId !== '' ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    maxBodyBytes: e.MAX_BODY_BYTES,
    hotspots: { effectWeeks: e.HOTSPOT_EFFECT_WEEKS },
    est: { scale: e.EST_SCALE ? (e.EST_SCALE.split(',').map((l) => l.trim()).filter((l) => l !== '') as unknown as EstScale) : null },
    mobilisation: { escalateMinutes: e.MOBILISATION_ESCALATE_MINUTES },
    digests: { cron: e.SCHEDULER_CRON === 'off' ? null : e.SCHEDULER_CRON, catchUpHours: e.DIGEST_CATCH_UP_HOURS },
    jobs: { leaseMs: e.JOB_LEASE_SECONDS * 1000, postsPerSecond: e.POSTS_PER_SECOND },
    exports: { linkMinutes: e.EXPORT_LINK_MINUTES, publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, '') ?? null },
    rateLimit: { perMinute: e.RATE_LIMIT_PER_MINUTE, burst: e.RATE_LIMIT_BURST },
    retentionMonths: e.RETENTION_MONTHS,
    documentRetentionYears: e.DOCUMENT_RETENTION_YEARS,
    allowedTenants: tenancy.allowedTenants,
    openToAnyTenant: tenancy.allowedTenants.any && e.MicrosoftAppId !== '',
    coordinators: tenancy.coordinators,
    organisationDomains: e.ORGANISATION_DOMAINS,
    defaultLocales: e.DEFAULT_LOCALE,
    tab: {
      tileUrl: e.MAP_TILE_URL === 'off' ? null : e.MAP_TILE_URL,
      tileAttribution: e.MAP_TILE_ATTRIBUTION,
      ssoAppId: e.TAB_SSO_APP_ID || e.MicrosoftAppId,
      jwksUrl: e.TAB_SSO_JWKS_URL,
      issuers: entriesOf(e.TAB_SSO_ISSUERS),
    },
    bot: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
      authEnabled: e.MicrosoftAppId !== '',
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
      extraServiceUrls: e.BOT_EXTRA_SERVICE_URLS,
    },
  };
}

const MULTI_TENANT_HINT = 'set ALLOWED_TENANTS to your tenant ids (comma-separated), or to * to allow any tenant explicitly';

/**
 * Which tenants may use the bot, and each coordinator's tenant. A bare coordinator object id needs exactly
 * one known tenant; a multi-tenant registration with authentication never silently serves every tenant.
 */
function resolveTenancy(e: Env): { allowedTenants: AllowedTenants; coordinators: ConfiguredCoordinator[]; problems: string[] } {
  const problems: string[] = [];
  const setting = e.ALLOWED_TENANTS;
  const authEnabled = e.MicrosoftAppId !== '';
  // A SingleTenant registration and a user-assigned managed identity both belong to one tenant.
  const singleTenant = e.MicrosoftAppType !== 'MultiTenant' && e.MicrosoftAppTenantId !== '';
  let allowedTenants: AllowedTenants;
  if (setting.kind === 'any') allowedTenants = { any: true };
  else if (setting.kind === 'list') allowedTenants = { any: false, ids: setting.ids };
  else if (!authEnabled) allowedTenants = { any: true };
  else if (singleTenant) allowedTenants = { any: false, ids: [e.MicrosoftAppTenantId] };
  else {
    allowedTenants = { any: false, ids: [] };
    if (e.MicrosoftAppType === 'MultiTenant') {
      problems.push(`ALLOWED_TENANTS is empty, but MicrosoftAppType=${e.MicrosoftAppType} with an app id is a multi-tenant `
        + `registration that would serve any organisation's Teams: ${MULTI_TENANT_HINT}`);
    }
  }

  const knownTenant = setting.kind === 'list' && setting.ids.length === 1 ? setting.ids[0]!
    : setting.kind === 'unset' && singleTenant ? e.MicrosoftAppTenantId : null;
  const why = setting.kind === 'list' ? `ALLOWED_TENANTS names ${setting.ids.length} tenants` : 'any tenant may use the bot';
  const allowed = (tenantId: string) => allowedTenants.any || allowedTenants.ids.includes(tenantId);

  const coordinators: ConfiguredCoordinator[] = [];
  for (const c of e.COORDINATORS) {
    const tenantId = c.tenantId ?? knownTenant;
    if (tenantId === null) {
      problems.push(`COORDINATORS entry "${c.raw}" names no tenant and ${why}: write tenantId/objectId `
        + `(e.g. <tenant id>/${c.userId}), or allow exactly one tenant in ALLOWED_TENANTS`);
    } else if (!allowed(tenantId)) {
      problems.push(`COORDINATORS entry "${c.raw}" is in tenant ${tenantId}, which ALLOWED_TENANTS does not allow: add the tenant or correct the entry`);
    } else if (!coordinators.some((x) => x.tenantId === tenantId && x.userId === c.userId)) {
      coordinators.push({ tenantId, userId: c.userId });
    }
  }
  for (const d of e.ORGANISATION_DOMAINS) {
    if (d.tenantId !== null && !allowed(d.tenantId)) {
      problems.push(`ORGANISATION_DOMAINS entry for ${d.domain} is in tenant ${d.tenantId}, which ALLOWED_TENANTS does not allow: add the tenant or correct the entry`);
    }
  }
  return { allowedTenants, coordinators, problems };
}

/** For documentation and the example env file: each variable with its description and default. */
export function describeVariables(): { name: string; description: string }[] {
  return Object.entries(schema.shape).map(([name, s]) => ({ name, description: s.description ?? '' }));
}
