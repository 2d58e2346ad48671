import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, describeVariables, loadConfig, type Config } from '../../src/config/config';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OTHER = '9d2f1b2a-0000-4000-8000-000000000001';
const ANNA = '00000000-0000-0000-0000-00000000aaaa';
const BERIT = '00000000-0000-0000-0000-00000000bbbb';
const APP_ID = '3b1a6c55-5d0f-4b8e-9c3a-0d6f7b8e9a10';

/** An app registration with authentication on; the type decides what an empty ALLOWED_TENANTS means. */
const registered = (type: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI', extra: Record<string, string> = {}) => ({
  MicrosoftAppId: APP_ID,
  MicrosoftAppType: type,
  ...(type === 'UserAssignedMSI' ? {} : { MicrosoftAppPassword: 'secret' }),
  ...(type === 'MultiTenant' ? {} : { MicrosoftAppTenantId: TENANT }),
  ...extra,
});

/** The problems loadConfig reports for an environment (fails when it accepts it). */
function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error.problems;
  }
  assert.fail(`expected ${JSON.stringify(env)} to be refused`);
}

function oneProblem(env: Record<string, string>): string {
  const problems = problemsOf(env);
  assert.equal(problems.length, 1, problems.join('\n'));
  return problems[0]!;
}

describe('configuration', () => {
  describe('ALLOWED_TENANTS', () => {
    it('lists tenant ids, trimmed, lower-cased and without repeats', () => {
      const config = loadConfig({ ALLOWED_TENANTS: ` ${TENANT.toUpperCase()}, ${OTHER},${TENANT}` });
      assert.deepEqual(config.allowedTenants, { any: false, ids: [TENANT, OTHER] });
      assert.equal(config.openToAnyTenant, false);
    });

    it('* allows any tenant explicitly, and with authentication on that is flagged for a warning', () => {
      assert.deepEqual(loadConfig({ ALLOWED_TENANTS: '*' }).allowedTenants, { any: true });
      assert.equal(loadConfig({ ALLOWED_TENANTS: '*' }).openToAnyTenant, false, 'local mode: nothing to warn about');
      const open = loadConfig(registered('MultiTenant', { ALLOWED_TENANTS: ' * ' }));
      assert.deepEqual(open.allowedTenants, { any: true });
      assert.equal(open.openToAnyTenant, true);
    });

    it('empty in local mode (no app id) means any tenant', () => {
      const config = loadConfig({});
      assert.deepEqual(config.allowedTenants, { any: true });
      assert.equal(config.openToAnyTenant, false);
      assert.equal(config.bot.authEnabled, false);
    });

    it('empty with a SingleTenant registration means its own tenant only', () => {
      const config = loadConfig(registered('SingleTenant', { MicrosoftAppTenantId: TENANT.toUpperCase() }));
      assert.deepEqual(config.allowedTenants, { any: false, ids: [TENANT] });
      assert.equal(config.bot.tenantId, TENANT);
      assert.equal(config.openToAnyTenant, false);
    });

    it('a SingleTenant registration may still name other tenants explicitly', () => {
      assert.deepEqual(loadConfig(registered('SingleTenant', { ALLOWED_TENANTS: OTHER })).allowedTenants, { any: false, ids: [OTHER] });
    });

    it('empty with a UserAssignedMSI identity means the tenant of the identity only', () => {
      assert.deepEqual(loadConfig(registered('UserAssignedMSI')).allowedTenants, { any: false, ids: [TENANT] });
    });

    for (const type of ['MultiTenant'] as const) {
      it(`empty with a ${type} registration refuses to start, saying why and what to write`, () => {
        const problem = oneProblem(registered(type));
        assert.match(problem, /^ALLOWED_TENANTS is empty/);
        assert.match(problem, new RegExp(`MicrosoftAppType=${type}`));
        assert.match(problem, /would serve any organisation's Teams/);
        assert.match(problem, /set ALLOWED_TENANTS to your tenant ids .*or to \* to allow any tenant explicitly/);
      });

      it(`a ${type} registration starts with named tenants or with *`, () => {
        assert.deepEqual(loadConfig(registered(type, { ALLOWED_TENANTS: TENANT })).allowedTenants, { any: false, ids: [TENANT] });
        assert.equal(loadConfig(registered(type, { ALLOWED_TENANTS: '*' })).openToAnyTenant, true);
      });
    }

    it('refuses an entry that is not a GUID, naming it', () => {
      assert.match(oneProblem({ ALLOWED_TENANTS: `${TENANT},contoso.onmicrosoft.com` }),
        /^ALLOWED_TENANTS entry "contoso\.onmicrosoft\.com" is not a tenant id \(GUID\).*or \* for any tenant/);
    });

    it('refuses * mixed with tenant ids', () => {
      assert.match(oneProblem({ ALLOWED_TENANTS: `*,${TENANT}` }), /^ALLOWED_TENANTS mixes \* with tenant ids/);
    });
  });

  describe('MicrosoftAppTenantId', () => {
    it('must be a GUID, because it becomes the allowed tenant', () => {
      assert.match(oneProblem(registered('SingleTenant', { MicrosoftAppTenantId: 'contoso.onmicrosoft.com' })),
        /^MicrosoftAppTenantId must be a tenant id \(GUID\)/);
    });

    it('is still required for a SingleTenant registration', () => {
      assert.match(oneProblem(registered('SingleTenant', { MicrosoftAppTenantId: '' })),
        /^MicrosoftAppTenantId is required when MicrosoftAppType=SingleTenant/);
    });
  });

  describe('MicrosoftAppType (new Azure Bot registrations are single-tenant since 31 July 2025)', () => {
    it('defaults to SingleTenant, which takes the tenant id and the client secret', () => {
      const config = loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: TENANT });
      assert.equal(config.bot.appType, 'SingleTenant');
      assert.equal(config.bot.authEnabled, true);
      assert.deepEqual(config.allowedTenants, { any: false, ids: [TENANT] });
    });

    it('an app id alone stops the start, naming the tenant id and the secret and why they are needed', () => {
      const problems = problemsOf({ MicrosoftAppId: APP_ID });
      assert.equal(problems.length, 2, problems.join('\n'));
      assert.match(problems[0]!, /^MicrosoftAppTenantId is required when MicrosoftAppType=SingleTenant \(the default: Azure Bot registrations made since 31 July 2025 are single-tenant\)/);
      assert.match(problems[0]!, /set MicrosoftAppType=MultiTenant explicitly for an older multi-tenant registration/);
      assert.match(problems[1]!, /^MicrosoftAppPassword is required when MicrosoftAppId is set and MicrosoftAppType=SingleTenant/);
    });

    it('an app id and a secret without the tenant id no longer start as a multi-tenant bot', () => {
      assert.match(oneProblem({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret', ALLOWED_TENANTS: TENANT }),
        /^MicrosoftAppTenantId is required when MicrosoftAppType=SingleTenant/);
    });

    it('MultiTenant only when chosen explicitly: it needs the secret and no tenant id', () => {
      const config = loadConfig(registered('MultiTenant', { ALLOWED_TENANTS: TENANT }));
      assert.equal(config.bot.appType, 'MultiTenant');
      assert.equal(config.bot.tenantId, '');
      assert.match(oneProblem({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'MultiTenant', ALLOWED_TENANTS: TENANT }),
        /^MicrosoftAppPassword is required when MicrosoftAppId is set and MicrosoftAppType=MultiTenant/);
    });

    it('UserAssignedMSI needs the tenant id and takes no password', () => {
      const config = loadConfig(registered('UserAssignedMSI'));
      assert.equal(config.bot.appType, 'UserAssignedMSI');
      assert.equal(config.bot.appPassword, '');
      assert.match(oneProblem(registered('UserAssignedMSI', { MicrosoftAppTenantId: '' })),
        /^MicrosoftAppTenantId is required when MicrosoftAppType=UserAssignedMSI: set it to the tenant id/);
      assert.match(oneProblem(registered('UserAssignedMSI', { MicrosoftAppPassword: 'secret' })),
        /^MicrosoftAppPassword must be empty when MicrosoftAppType=UserAssignedMSI: a managed identity has no secret/);
    });

    it('local mode (no app id) needs neither, whatever the type', () => {
      for (const type of ['MultiTenant', 'SingleTenant', 'UserAssignedMSI']) {
        assert.equal(loadConfig({ MicrosoftAppType: type }).bot.authEnabled, false);
      }
      assert.equal(loadConfig({}).bot.appType, 'SingleTenant');
    });

    it('refuses an unknown type, listing the three', () => {
      assert.match(oneProblem({ MicrosoftAppType: 'Bogus' }), /^MicrosoftAppType .*MultiTenant.*SingleTenant.*UserAssignedMSI/);
    });
  });

  describe('COORDINATORS', () => {
    it('takes tenantId/objectId entries, lower-cased and without repeats', () => {
      const config = loadConfig({
        ALLOWED_TENANTS: `${TENANT},${OTHER}`,
        COORDINATORS: `${TENANT.toUpperCase()}/${ANNA.toUpperCase()}, ${OTHER} / ${BERIT},${TENANT}/${ANNA}`,
      });
      assert.deepEqual(config.coordinators, [{ tenantId: TENANT, userId: ANNA }, { tenantId: OTHER, userId: BERIT }]);
    });

    it('takes tenantId/objectId in local mode, where any tenant may use the bot', () => {
      assert.deepEqual(loadConfig({ COORDINATORS: `${OTHER}/${ANNA}` }).coordinators, [{ tenantId: OTHER, userId: ANNA }]);
    });

    it('puts a bare object id in the one tenant ALLOWED_TENANTS names', () => {
      const config = loadConfig({ ALLOWED_TENANTS: TENANT, COORDINATORS: `${ANNA}, ${TENANT}/${BERIT}, ${TENANT}/${ANNA}` });
      assert.deepEqual(config.coordinators, [{ tenantId: TENANT, userId: ANNA }, { tenantId: TENANT, userId: BERIT }]);
    });

    it('puts a bare object id in the tenant of a SingleTenant registration when ALLOWED_TENANTS is empty', () => {
      assert.deepEqual(loadConfig(registered('SingleTenant', { COORDINATORS: ANNA })).coordinators, [{ tenantId: TENANT, userId: ANNA }]);
      const local = loadConfig({ MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT, COORDINATORS: ANNA });
      assert.deepEqual(local.coordinators, [{ tenantId: TENANT, userId: ANNA }]);
    });

    it('refuses a bare object id when no single tenant is known, naming the entry and the fix', () => {
      for (const env of [
        { COORDINATORS: ANNA },
        { COORDINATORS: ANNA, ALLOWED_TENANTS: '*' },
        { COORDINATORS: ANNA, ALLOWED_TENANTS: `${TENANT},${OTHER}` },
        registered('MultiTenant', { COORDINATORS: ANNA, ALLOWED_TENANTS: `${TENANT},${OTHER}` }),
        registered('SingleTenant', { COORDINATORS: ANNA, ALLOWED_TENANTS: `${TENANT},${OTHER}` }),
      ] as Record<string, string>[]) {
        const problem = oneProblem(env);
        assert.match(problem, new RegExp(`^COORDINATORS entry "${ANNA}" names no tenant`), JSON.stringify(env));
        assert.match(problem, /write tenantId\/objectId/);
      }
      assert.match(oneProblem({ COORDINATORS: ANNA, ALLOWED_TENANTS: `${TENANT},${OTHER}` }), /ALLOWED_TENANTS names 2 tenants/);
    });

    it('refuses entries that are not GUIDs or have too many parts, naming each', () => {
      const problems = problemsOf({ ALLOWED_TENANTS: TENANT, COORDINATORS: `anna@kungsor.se, ${TENANT}/x, ${TENANT}/${ANNA}/${BERIT}, ${ANNA}` });
      assert.deepEqual(problems.map((p) => p.replace(/ is not .*$/, '')), [
        'COORDINATORS entry "anna@kungsor.se"',
        `COORDINATORS entry "${TENANT}/x"`,
        `COORDINATORS entry "${TENANT}/${ANNA}/${BERIT}"`,
      ]);
      assert.ok(problems.every((p) => /write tenantId\/objectId$/.test(p)));
    });

    it('refuses a coordinator in a tenant that may not use the bot', () => {
      assert.match(oneProblem({ ALLOWED_TENANTS: TENANT, COORDINATORS: `${OTHER}/${ANNA}` }),
        new RegExp(`^COORDINATORS entry "${OTHER}/${ANNA}" is in tenant ${OTHER}, which ALLOWED_TENANTS does not allow`));
    });

    it('is empty by default', () => {
      assert.deepEqual(loadConfig({}).coordinators, []);
    });
  });

  describe('DEFAULT_LOCALE', () => {
    it('is Swedish for every tenant unless set', () => {
      assert.deepEqual(loadConfig({}).defaultLocales, { fallback: 'sv', tenants: {} });
    });

    it('takes one language, then tenantId=language exceptions, lower-cased', () => {
      assert.deepEqual(loadConfig({ DEFAULT_LOCALE: 'EN' }).defaultLocales, { fallback: 'en', tenants: {} });
      assert.deepEqual(loadConfig({ DEFAULT_LOCALE: ` sv , ${TENANT.toUpperCase()}=en` }).defaultLocales, { fallback: 'sv', tenants: { [TENANT]: 'en' } });
      assert.deepEqual(loadConfig({ DEFAULT_LOCALE: `${OTHER}=en` }).defaultLocales, { fallback: 'sv', tenants: { [OTHER]: 'en' } });
    });

    it('refuses a language the bot does not speak, a second default and a tenant that is no GUID, saying what to write', () => {
      assert.match(problemsOf({ DEFAULT_LOCALE: 'de' }).join('\n'), /DEFAULT_LOCALE entry "de" names no language: write sv or en/);
      assert.match(problemsOf({ DEFAULT_LOCALE: 'sv,en' }).join('\n'), /DEFAULT_LOCALE names two default languages \(sv and en\)/);
      assert.match(problemsOf({ DEFAULT_LOCALE: 'kungsor=en' }).join('\n'), /DEFAULT_LOCALE entry "kungsor=en" does not start with a tenant id/);
    });
  });

  describe('ORGANISATION_DOMAINS', () => {
    it('takes domain=organisation and tenantId/domain=organisation, lower-cased', () => {
      const config = loadConfig({ ORGANISATION_DOMAINS: ` Polisen.SE=polisen , ${TENANT.toUpperCase()}/Kungsor.se=Kommunen,@skola.kungsor.se=skola` });
      assert.deepEqual(config.organisationDomains, [
        { tenantId: null, domain: 'polisen.se', organisation: 'polisen' },
        { tenantId: TENANT, domain: 'kungsor.se', organisation: 'kommunen' },
        { tenantId: null, domain: 'skola.kungsor.se', organisation: 'skola' },
      ]);
    });

    it('is optional', () => {
      assert.deepEqual(loadConfig({}).organisationDomains, []);
    });

    it('refuses bad entries, naming each and saying how to write it', () => {
      const problems = problemsOf({ ORGANISATION_DOMAINS: `polisen.se=polisen,kungsor.se=kommun,localhost=skola,x/a.se=skola,nothing,a.se=` });
      assert.equal(problems.length, 5, problems.join('\n'));
      assert.match(problems[0]!, /^ORGANISATION_DOMAINS entry "kungsor\.se=kommun": "kommun" is not an organisation; use one of polisen, skola, .*kommunen/);
      assert.match(problems[1]!, /^ORGANISATION_DOMAINS entry "localhost=skola": "localhost" does not look like an e-mail domain/);
      assert.match(problems[2]!, /^ORGANISATION_DOMAINS entry "x\/a\.se=skola": "x" is not a tenant id \(GUID\)/);
      assert.match(problems[3]!, /^ORGANISATION_DOMAINS entry "nothing" has no organisation: write domain=organisation/);
      assert.match(problems[4]!, /^ORGANISATION_DOMAINS entry "a\.se=": "" is not an organisation/);
    });

    it('refuses one domain mapped to two organisations in the same tenant, but not across tenants', () => {
      assert.match(oneProblem({ ORGANISATION_DOMAINS: 'kungsor.se=kommunen,kungsor.se=skola' }),
        /^ORGANISATION_DOMAINS entry "kungsor\.se=skola": kungsor\.se is already mapped to kommunen/);
      const config = loadConfig({ ORGANISATION_DOMAINS: `kungsor.se=kommunen,${TENANT}/kungsor.se=skola,kungsor.se=kommunen` });
      assert.equal(config.organisationDomains.length, 2);
    });

    it('refuses a tenant-specific entry for a tenant that may not use the bot', () => {
      assert.match(oneProblem({ ALLOWED_TENANTS: TENANT, ORGANISATION_DOMAINS: `${OTHER}/kungsor.se=kommunen` }),
        /^ORGANISATION_DOMAINS entry for kungsor\.se is in tenant .*which ALLOWED_TENANTS does not allow/);
    });
  });

  it('reports every problem at once', () => {
    const problems = problemsOf({ PORT: 'x', ALLOWED_TENANTS: 'nope', COORDINATORS: 'nope', ORGANISATION_DOMAINS: 'nope' });
    for (const key of ['PORT', 'ALLOWED_TENANTS', 'COORDINATORS', 'ORGANISATION_DOMAINS']) {
      assert.ok(problems.some((p) => p.startsWith(key)), `${key} missing in ${problems.join('; ')}`);
    }
  });

  describe('EST_SCALE', () => {
    it('is three labels, best first, or the catalogue\'s when unset; anything else is refused', () => {
      assert.deepEqual(loadConfig({ EST_SCALE: ' lugnt, oroligt ,allvarligt ' }).est.scale, ['lugnt', 'oroligt', 'allvarligt']);
      assert.equal(loadConfig({}).est.scale, null);
      assert.match(oneProblem({ EST_SCALE: 'grön,röd' }), /EST_SCALE.*three labels/);
    });
  });

  describe('documentation', () => {
    const example = readFileSync(join(__dirname, '../../env/.env.example'), 'utf8');
    const exampleKeys = [...example.matchAll(/^([A-Za-z_]+)=/gm)].map((m) => m[1]!);
    const PACKAGING_ONLY = ['BOT_DOMAIN'];

    it('every variable describes itself', () => {
      for (const v of describeVariables()) assert.ok(v.description.length > 10, `${v.name} has no description`);
    });

    it('env/.env.example names every variable, and only those (besides packaging settings)', () => {
      assert.deepEqual([...exampleKeys].filter((k) => !PACKAGING_ONLY.includes(k)).sort(), describeVariables().map((v) => v.name).sort());
    });

    it('env/.env.example as it stands is a valid configuration', () => {
      const env = Object.fromEntries(exampleKeys.map((k) => [k, new RegExp(`^${k}=(.*)$`, 'm').exec(example)![1]!]));
      const config: Config = loadConfig(env);
      assert.deepEqual(config.allowedTenants, { any: true });
    });
  });
});
