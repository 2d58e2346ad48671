import assert from 'node:assert/strict';
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
    assert.throws(() => parseMssqlUrl(`${BASE}?clientId=${CLIENT}`), /needs authentication=managed-identity/);
    assert.throws(() => parseMssqlUrl(`${BASE}?authentication=ntlm`), /must be sql or managed-identity/);
  });
});
