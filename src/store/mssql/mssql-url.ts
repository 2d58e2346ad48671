import type mssql from 'mssql';

export const REQUEST_TIMEOUT_MS = 10_000;
export const CONNECTION_TIMEOUT_MS = 10_000;

const FLAGS = ['encrypt', 'trustServerCertificate'] as const;
const KNOWN_PARAMETERS = new Set<string>([...FLAGS, 'instanceName', 'authentication', 'clientId']);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * mssql://user:password@host:port/database?encrypt=true&trustServerCertificate=false&instanceName=X
 * (or mssql://host/database?authentication=managed-identity|default&clientId=GUID) → mssql's config. User and password are percent-decoded (encode @ : / in them). Errors never quote
 * the URL, which holds the password.
 */
export function parseMssqlUrl(databaseUrl: string): mssql.config {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new Error('The SQL Server database URL is not a valid URL');
  }
  if (url.protocol !== 'mssql:') throw new Error('The SQL Server database URL must start with mssql://');
  const server = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const database = decoded(url.pathname.replace(/^\//, ''), 'database');
  if (!server) throw new Error('The SQL Server database URL names no host');
  if (!database || database.includes('/')) throw new Error('The SQL Server database URL must end with /<database>');
  for (const name of url.searchParams.keys()) {
    if (!KNOWN_PARAMETERS.has(name)) throw new Error(`Unknown SQL Server URL parameter "${name}" (known: ${[...KNOWN_PARAMETERS].join(', ')})`);
  }
  const instanceName = url.searchParams.get('instanceName') ?? undefined;
  const authentication = entraAuthentication(url);
  return {
    ...(authentication ? { authentication } : {}),
    server,
    // A named instance is found through the browser service, which a fixed port would bypass.
    port: url.port ? Number(url.port) : instanceName ? undefined : 1433,
    database,
    user: decoded(url.username, 'user') || undefined,
    password: decoded(url.password, 'password') || undefined,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    requestTimeout: REQUEST_TIMEOUT_MS,
    pool: { min: 0, max: 10, idleTimeoutMillis: 30_000, acquireTimeoutMillis: CONNECTION_TIMEOUT_MS + 5_000 },
    options: {
      encrypt: flag(url, 'encrypt', true),
      trustServerCertificate: flag(url, 'trustServerCertificate', false),
      ...(instanceName ? { instanceName } : {}),
      useUTC: true,
      appName: 'trygghetsboten',
    },
  };
}

/**
 * Microsoft Entra authentication (many Azure SQL servers allow nothing else), with no password anywhere:
 * - `?authentication=managed-identity[&clientId=<GUID>]`: the managed identity of the App Service or
 *   container app; clientId picks a user-assigned identity, without it the system-assigned one.
 * - `?authentication=default[&clientId=<GUID>]`: the Azure Identity default credential chain
 *   (environment variables, workload identity, managed identity, then the developer's `az login`,
 *   `azd auth login` or PowerShell sign-in), for local development against Azure SQL.
 * The URL then names no user or password.
 */
const ENTRA_TYPES = {
  'managed-identity': 'azure-active-directory-msi-app-service',
  default: 'azure-active-directory-default',
} as const;

function entraAuthentication(url: URL): mssql.config['authentication'] {
  const kind = url.searchParams.get('authentication');
  const clientId = url.searchParams.get('clientId');
  if (kind === null || kind === '' || kind === 'sql') {
    if (clientId !== null) throw new Error('SQL Server URL parameter "clientId" needs authentication=managed-identity or default');
    return undefined;
  }
  if (!Object.hasOwn(ENTRA_TYPES, kind)) throw new Error('SQL Server URL parameter "authentication" must be sql, managed-identity or default');
  if (url.username || url.password) throw new Error(`A SQL Server URL with authentication=${kind} names no user or password`);
  if (clientId !== null && !GUID.test(clientId)) throw new Error('SQL Server URL parameter "clientId" must be the client id (GUID) of the managed identity');
  return { type: ENTRA_TYPES[kind as keyof typeof ENTRA_TYPES], options: clientId ? { clientId } : {} };
}

function decoded(component: string, what: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    throw new Error(`The SQL Server database URL has a badly percent-encoded ${what}`);
  }
}

function flag(url: URL, name: (typeof FLAGS)[number], fallback: boolean): boolean {
  const value = url.searchParams.get(name);
  if (value === null || value === '') return fallback;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new Error(`SQL Server URL parameter "${name}" must be true or false`);
}

/** host:port/database, without user, password or parameters: fit for a log line. */
export function describeMssqlUrl(databaseUrl: string): string {
  const config = parseMssqlUrl(databaseUrl);
  const host = config.server.includes(':') ? `[${config.server}]` : config.server;
  const instance = config.options?.instanceName ? `\\${config.options.instanceName}` : '';
  return `mssql://${host}${instance}${config.port ? `:${config.port}` : ''}/${config.database}`;
}
