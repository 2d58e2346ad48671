import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeVariables, loadConfig } from '../../src/config/config';
import { parseMssqlUrl } from '../../src/store/mssql/mssql-url';

// The Bicep compiler (a .NET program downloaded from GitHub) cannot run on these machines, and no npm
// package parses Bicep, so infra/main.bicep was never compiled or deployed here. This test reads it with a
// small lexer (strings with ${} interpolation, comments, brackets) and checks its structure: balanced and
// closed, every identifier it uses declared, the resources and settings the README promises, and the bot's
// environment valid for the bot's own configuration loader. It cannot catch a wrong property name or an
// API version Azure does not know; `az bicep build` and a what-if deployment do that (README).

const ROOT = join(__dirname, '../..');
const SOURCE = readFileSync(join(ROOT, 'infra/main.bicep'), 'utf8');
const PARAMS = readFileSync(join(ROOT, 'infra/main.bicepparam'), 'utf8');

interface Lexed {
  /** The source with comments removed and every string replaced by "" (interpolations kept as ${…}). */
  code: string;
  strings: string[];
  /** Expressions inside ${…} of strings. */
  interpolations: string[];
}

function lex(text: string): Lexed {
  let code = '';
  const strings: string[] = [];
  const interpolations: string[] = [];
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  let i = 0;
  const line = () => text.slice(0, i).split('\n').length;
  while (i < text.length) {
    const c = text[i]!;
    if (text.startsWith('//', i)) { while (i < text.length && text[i] !== '\n') i++; continue; }
    if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      assert.ok(end > 0, `unclosed comment at line ${line()}`);
      i = end + 2; continue;
    }
    if (text.startsWith("'''", i)) {
      const end = text.indexOf("'''", i + 3);
      assert.ok(end > 0, `unclosed multi-line string at line ${line()}`);
      strings.push(text.slice(i + 3, end)); code += "''"; i = end + 3; continue;
    }
    if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        assert.ok(i < text.length && text[i] !== '\n', `unclosed string at line ${line()}`);
        if (text[i] === '\\') { value += text.slice(i, i + 2); i += 2; continue; }
        if (text[i] === "'") { i++; break; }
        if (text.startsWith('${', i)) {
          let depth = 1; let j = i + 2;
          while (j < text.length && depth > 0) { if (text[j] === '{') depth++; else if (text[j] === '}') depth--; j++; }
          assert.equal(depth, 0, `unclosed interpolation at line ${line()}`);
          interpolations.push(text.slice(i + 2, j - 1)); value += text.slice(i, j); i = j; continue;
        }
        value += text[i]; i++;
      }
      strings.push(value); code += "''"; continue;
    }
    if ('([{'.includes(c)) stack.push(c);
    if (')]}'.includes(c)) assert.equal(stack.pop(), pairs[c], `unbalanced ${c} at line ${line()}`);
    code += c; i++;
  }
  assert.deepEqual(stack, [], 'every bracket is closed');
  return { code, strings, interpolations };
}

const lexed = lex(SOURCE);
const declarations = (kind: string) => [...lexed.code.matchAll(new RegExp(`^${kind}\\s+(\\w+)`, 'gm'))].map((m) => m[1]!);
const params = declarations('param');
const vars = declarations('var');
const resources = [...SOURCE.matchAll(/^resource\s+(\w+)\s+'([\w./]+)@([\w-]+)'/gm)].map((m) => ({ symbol: m[1]!, type: m[2]!, api: m[3]! }));

/** The text of one resource declaration, from `resource x` to the next top-level declaration. */
function resourceBody(symbol: string): string {
  const start = SOURCE.search(new RegExp(`^resource ${symbol}\\s`, 'm'));
  assert.ok(start >= 0, `resource ${symbol}`);
  const rest = SOURCE.slice(start + 1);
  const end = rest.search(/^(resource|param|var|output|\/\/ -{10})/m);
  return SOURCE.slice(start, end < 0 ? undefined : start + 1 + end);
}

/** The @decorators written right above a parameter. */
function decoratorsOf(param: string): string {
  const lines = SOURCE.split('\n');
  const at = lines.findIndex((l) => new RegExp(`^param ${param}\\s`).test(l));
  let i = at - 1;
  const above: string[] = [];
  while (i >= 0 && /^(@|\s+'|\]\)|\s*$)/.test(lines[i]!) && lines[i]!.trim() !== '') above.unshift(lines[i--]!);
  return above.join('\n');
}
const defaultOf = (param: string) => new RegExp(`^param ${param}\\s+\\w+\\s*=\\s*(.+)$`, 'm').exec(SOURCE)?.[1]?.trim();

const EU_REGIONS = ['swedencentral', 'northeurope', 'westeurope', 'germanywestcentral', 'francecentral', 'swedensouth', 'norwayeast', 'italynorth', 'polandcentral', 'spaincentral'];

describe('infra/main.bicep (structure; not compiled here)', () => {
  it('lexes: strings, interpolations, comments and brackets are closed', () => {
    assert.ok(resources.length >= 10, `${resources.length} resources`);
    assert.ok(params.length >= 5);
  });

  it('uses only identifiers it declares, Bicep functions or resource properties', () => {
    const declared = new Set([...params, ...vars, ...resources.map((r) => r.symbol), 'resourceGroup', 'subscription', 'uniqueString', 'take', 'guid',
      'subscriptionResourceId', 'string', 'json', 'true', 'false', 'null', 'if', 'for', 'in']);
    const used = [...lexed.code.matchAll(/(?<![.\w'@])([A-Za-z_]\w*)\s*(?=[.(])/g), ...lexed.interpolations.join(' ').matchAll(/(?<![.\w])([A-Za-z_]\w*)/g)]
      .map((m) => m[1]!);
    const unknown = [...new Set(used.filter((name) => !declared.has(name)))].filter((name) => !/^(description|allowed|minValue|maxValue|minLength|maxLength|secure)$/.test(name));
    assert.deepEqual(unknown, []);
  });

  it('declares every resource the deployment needs, with API versions of 2020 or later (components@2020-02-02 is still the current one)', () => {
    const types = resources.map((r) => r.type);
    for (const type of [
      'Microsoft.ManagedIdentity/userAssignedIdentities', 'Microsoft.BotService/botServices', 'Microsoft.BotService/botServices/channels',
      'Microsoft.App/managedEnvironments', 'Microsoft.App/containerApps', 'Microsoft.Sql/servers', 'Microsoft.Sql/servers/databases',
      'Microsoft.Insights/components', 'Microsoft.OperationalInsights/workspaces', 'Microsoft.ContainerRegistry/registries',
    ]) assert.ok(types.includes(type), `${type} is declared`);
    for (const r of resources) assert.match(r.api, /^20([2-9]\d)-\d\d-\d\d(-preview)?$/, `${r.type}@${r.api}`);
  });

  it('defaults to EU regions and allows nothing else', () => {
    for (const param of ['location', 'botLocation']) {
      const allowed = [...decoratorsOf(param).matchAll(/'([a-z]+)'/g)].map((m) => m[1]!);
      assert.ok(allowed.length > 0, `${param} has @allowed`);
      for (const region of allowed) assert.ok(region === 'global' ? param === 'botLocation' : EU_REGIONS.includes(region), `${param}: ${region}`);
      assert.ok(EU_REGIONS.includes(defaultOf(param)!.replace(/'/g, '')), `${param} defaults to an EU region`);
    }
  });

  it('runs at least two replicas of the bot', () => {
    assert.match(decoratorsOf('minReplicas'), /@minValue\(2\)/);
    assert.ok(Number(defaultOf('minReplicas')) >= 2);
    assert.match(resourceBody('app'), /minReplicas: minReplicas/);
  });

  it('registers the bot on the user-assigned managed identity, with the Teams channel and the container app\'s endpoint', () => {
    const bot = resourceBody('bot');
    assert.match(bot, /msaAppType: 'UserAssignedMSI'/);
    assert.match(bot, /msaAppId: identity\.properties\.clientId/);
    assert.match(bot, /msaAppMSIResourceId: identity\.id/);
    assert.match(bot, /msaAppTenantId: identity\.properties\.tenantId/);
    assert.match(bot, /endpoint: 'https:\/\/\$\{botHost\}\/api\/messages'/);
    assert.match(SOURCE, /var botHost = deployApp \? app\.properties\.configuration\.ingress\.fqdn/);
    const channel = resourceBody('teamsChannel');
    assert.match(channel, /parent: bot/);
    assert.match(channel, /name: 'MsTeamsChannel'/);
    assert.match(channel, /isEnabled: true/);
    assert.match(resourceBody('app'), /userAssignedIdentities: \{\s*'\$\{identity\.id\}': \{\}/);
  });

  it('uses Microsoft Entra authentication only for SQL, and has no password or secret parameter anywhere', () => {
    const server = resourceBody('sqlServer');
    assert.match(server, /azureADOnlyAuthentication: true/);
    assert.match(server, /administratorType: 'ActiveDirectory'/);
    assert.doesNotMatch(SOURCE, /administratorLoginPassword|@secure\(\)|MicrosoftAppPassword|adminPassword/);
    assert.match(resourceBody('registry'), /adminUserEnabled: false/);
    assert.match(resourceBody('app'), /registries: \[\s*\{\s*server: registry\.properties\.loginServer\s*identity: identity\.id/);
  });

  it('gives the bot an environment its configuration accepts: UserAssignedMSI, the tenant, SQL with the managed identity', () => {
    const app = resourceBody('app');
    const env = Object.fromEntries([...app.matchAll(/\{ name: '(\w+)', value: (.+?) \}$/gm)].map((m) => [m[1]!, m[2]!]));
    const known = new Set(describeVariables().map((v) => v.name));
    for (const name of Object.keys(env)) assert.ok(known.has(name) || ['AZURE_CLIENT_ID', 'APPLICATIONINSIGHTS_CONNECTION_STRING'].includes(name), `${name} is a setting of the bot`);
    assert.equal(env.MicrosoftAppType, "'UserAssignedMSI'");
    assert.equal(env.MicrosoftAppId, 'identity.properties.clientId');
    assert.equal(env.AZURE_CLIENT_ID, 'identity.properties.clientId');
    assert.equal(env.MicrosoftAppTenantId, 'identity.properties.tenantId');
    assert.equal(env.MicrosoftAppPassword, undefined);

    // The values Azure would fill in, substituted into the template's expressions.
    const sample: Record<string, string> = {
      'identity.properties.clientId': '5b0c3a2e-1f4d-4c6b-9a8e-7d6c5b4a3f21',
      'identity.properties.tenantId': '72f988bf-86f1-41af-91ab-2d7cd011db47',
      'sqlServer.properties.fullyQualifiedDomainName': 'trygghet-sql-abc123.database.windows.net',
      'names.database': 'trygghetsboten',
    };
    const databaseUrlTemplate = /^var databaseUrl = '(.+)'$/m.exec(SOURCE)![1]!;
    const databaseUrl = databaseUrlTemplate.replace(/\$\{([\w.]+)\}/g, (_m, expr: string) => sample[expr] ?? assert.fail(`no sample for ${expr}`));
    const config = loadConfig({
      MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppId: sample['identity.properties.clientId'], MicrosoftAppTenantId: sample['identity.properties.tenantId'],
      DATABASE_URL: databaseUrl, PORT: '3978', PUBLIC_BASE_URL: 'https://trygghet-bot-abc123.westeurope.azurecontainerapps.io',
    });
    assert.equal(config.bot.appType, 'UserAssignedMSI');
    assert.deepEqual(config.allowedTenants, { any: false, ids: [sample['identity.properties.tenantId']] }, 'empty ALLOWED_TENANTS: the municipality only');
    assert.equal(config.host, '0.0.0.0');
    const mssql = parseMssqlUrl(databaseUrl);
    assert.equal(mssql.user, undefined);
    assert.equal(mssql.password, undefined);
    assert.deepEqual(mssql.authentication, { type: 'azure-active-directory-msi-app-service', options: { clientId: sample['identity.properties.clientId'] } });
    assert.equal(mssql.options?.encrypt, true);
  });

  it('probes /healthz (startup, liveness) and /readyz (readiness) on the port the Dockerfile exposes', () => {
    const app = resourceBody('app');
    const exposed = /^EXPOSE (\d+)$/m.exec(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'))![1];
    assert.match(SOURCE, new RegExp(`^var botPort = ${exposed}$`, 'm'));
    assert.match(app, /targetPort: botPort/);
    for (const [type, path] of [['Startup', '/healthz'], ['Liveness', '/healthz'], ['Readiness', '/readyz']]) {
      assert.match(app, new RegExp(`type: '${type}'\\s+httpGet: \\{ path: '${path}', port: botPort \\}`));
    }
  });

  it('connects Application Insights: workspace-based, with an availability test of /healthz', () => {
    assert.match(resourceBody('insights'), /WorkspaceResourceId: logs\.id/);
    assert.match(resourceBody('environment'), /destination: 'log-analytics'/);
    assert.match(resourceBody('availability'), /RequestUrl: 'https:\/\/\$\{botHost\}\/healthz'/);
  });

  it('main.bicepparam sets only parameters main.bicep declares, and every required one', () => {
    assert.match(PARAMS, /^using '\.\/main\.bicep'$/m);
    const set = [...PARAMS.matchAll(/^param (\w+)\s*=/gm)].map((m) => m[1]!);
    for (const name of set) assert.ok(params.includes(name), `${name} is declared`);
    const required = params.filter((p) => defaultOf(p) === undefined);
    for (const name of required) assert.ok(set.includes(name), `${name} (no default) is set`);
  });
});
