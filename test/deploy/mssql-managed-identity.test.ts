import assert from 'node:assert/strict';
import { Connection, type ConnectionConfiguration } from 'tedious';
import { describeMssqlUrl, parseMssqlUrl } from '../../src/store/mssql/mssql-url';

// Azure SQL Database with Microsoft Entra authentication through the managed identity (infra/main.bicep):
// the URL names no user or password, only which identity.

const CLIENT = '5b0c3a2e-1f4d-4c6b-9a8e-7d6c5b4a3f21';
const BASE = 'mssql://trygghet-sql.database.windows.net:1433/trygghetsboten';

describe('SQL Server URL with authentication=managed-identity', () => {
  it('becomes the driver\'s managed identity authentication, for the user-assigned identity named by clientId', () => {
    const config = parseMssqlUrl(`${BASE}?encrypt=true&authentication=managed-identity&clientId=${CLIENT}`);
    assert.deepEqual(config.authentication, { type: 'azure-active-directory-msi-app-service', options: { clientId: CLIENT } });
    assert.equal(config.user, undefined);
    assert.equal(config.password, undefined);
    assert.equal(config.options?.encrypt, true);
    assert.equal(describeMssqlUrl(`${BASE}?authentication=managed-identity&clientId=${CLIENT}`), BASE, 'the log line names no identity');
  });

  it('without clientId uses the system-assigned identity', () => {
    assert.deepEqual(parseMssqlUrl(`${BASE}?authentication=managed-identity`).authentication, { type: 'azure-active-directory-msi-app-service', options: {} });
  });

  it('leaves SQL logins as they were', () => {
    assert.equal(parseMssqlUrl('mssql://sa:pw@db:1433/trygghetsboten').authentication, undefined);
    assert.equal(parseMssqlUrl('mssql://sa:pw@db:1433/trygghetsboten?authentication=sql').authentication, undefined);
  });

  it('refuses a user or password with it, a clientId that is no GUID, a clientId alone, or another kind', () => {
    assert.throws(() => parseMssqlUrl(`mssql://sa:pw@db/x?authentication=managed-identity`), /names no user or password/);
    assert.throws(() => parseMssqlUrl(`${BASE}?authentication=managed-identity&clientId=abc`), /client id \(GUID\)/);
    assert.throws(() => parseMssqlUrl(`${BASE}?clientId=${CLIENT}`), /needs authentication=managed-identity or default/);
    assert.throws(() => parseMssqlUrl(`${BASE}?authentication=ntlm`), /must be sql, managed-identity or default/);
    assert.throws(() => parseMssqlUrl(`${BASE}?authentication=toString`), /must be sql, managed-identity or default/);
    assert.throws(() => parseMssqlUrl(`mssql://me:pw@db/x?authentication=default`), /authentication=default names no user or password/);
  });
});

describe('SQL Server URL with authentication=default (local development against Azure SQL)', () => {
  it('becomes the default Azure credential chain, optionally for one identity, with no user or password', () => {
    assert.deepEqual(parseMssqlUrl(`${BASE}?authentication=default`).authentication, { type: 'azure-active-directory-default', options: {} });
    const config = parseMssqlUrl(`${BASE}?authentication=default&clientId=${CLIENT}`);
    assert.deepEqual(config.authentication, { type: 'azure-active-directory-default', options: { clientId: CLIENT } });
    assert.equal(config.user, undefined);
    assert.equal(config.password, undefined);
  });

  it('is what the driver accepts: tedious checks type and options when a connection is made (before it connects)', () => {
    for (const kind of ['default', 'managed-identity']) {
      const { server, authentication } = parseMssqlUrl(`${BASE}?authentication=${kind}&clientId=${CLIENT}`);
      assert.doesNotThrow(() => new Connection({ server, authentication } as ConnectionConfiguration), kind);
    }
    assert.throws(() => new Connection({ server: 'db', authentication: { type: 'azure-active-directory-defaults', options: {} } } as never), /"type" property must/);
  });
});
