import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { organisationForEmail, parseOrganisationDomains, type OrganisationDomain } from '../../src/config/organisation-domains';

const KUNGSOR = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const ARBOGA = '9d2f1b2a-0000-4000-8000-000000000001';

const DOMAINS: OrganisationDomain[] = [
  { tenantId: null, domain: 'polisen.se', organisation: 'polisen' },
  { tenantId: null, domain: 'kungsor.se', organisation: 'annan' },
  { tenantId: null, domain: 'skola.kungsor.se', organisation: 'skola' },
  { tenantId: KUNGSOR, domain: 'kungsor.se', organisation: 'kommunen' },
  { tenantId: KUNGSOR, domain: 'fritid.kungsor.se', organisation: 'fritid' },
  { tenantId: ARBOGA, domain: 'arboga.se', organisation: 'kommunen' },
];

describe('organisation for an e-mail address (ORGANISATION_DOMAINS)', () => {
  it('matches the domain exactly, in any case', () => {
    assert.equal(organisationForEmail('Anna.Andersson@POLISEN.se', KUNGSOR, DOMAINS), 'polisen');
  });

  it('matches a subdomain of a configured domain', () => {
    assert.equal(organisationForEmail('anna@region-mitt.polisen.se', KUNGSOR, DOMAINS), 'polisen');
  });

  it('does not match a domain that merely ends with the same letters', () => {
    assert.equal(organisationForEmail('anna@fakepolisen.se', KUNGSOR, DOMAINS), null);
    assert.equal(organisationForEmail('anna@polisen.se.example.org', KUNGSOR, DOMAINS), null);
  });

  it('lets an entry for the tenant win over one for every tenant', () => {
    assert.equal(organisationForEmail('berit@kungsor.se', KUNGSOR, DOMAINS), 'kommunen');
    assert.equal(organisationForEmail('berit@kungsor.se', KUNGSOR.toUpperCase(), DOMAINS), 'kommunen');
    assert.equal(organisationForEmail('berit@kungsor.se', ARBOGA, DOMAINS), 'annan', 'elsewhere the global entry counts');
    assert.equal(organisationForEmail('cecilia@skola.kungsor.se', KUNGSOR, DOMAINS), 'kommunen', 'the tenant entry wins even over a more specific global one');
  });

  it('picks the most specific domain among entries of the same kind', () => {
    assert.equal(organisationForEmail('cecilia@skola.kungsor.se', ARBOGA, DOMAINS), 'skola');
    assert.equal(organisationForEmail('david@fritid.kungsor.se', KUNGSOR, DOMAINS), 'fritid');
  });

  it('never uses another tenant\'s entries', () => {
    assert.equal(organisationForEmail('erik@arboga.se', KUNGSOR, DOMAINS), null);
    assert.equal(organisationForEmail('erik@arboga.se', ARBOGA, DOMAINS), 'kommunen');
  });

  it('answers null for no address, a malformed one, or no configured domains', () => {
    for (const email of [null, undefined, '', 'anna', '@polisen.se', 'anna@']) {
      assert.equal(organisationForEmail(email, KUNGSOR, DOMAINS), null, String(email));
    }
    assert.equal(organisationForEmail('anna@polisen.se', KUNGSOR, []), null);
  });

  it('reads configured entries the same way the configuration does', () => {
    const { domains, problems } = parseOrganisationDomains(`polisen.se=polisen,${KUNGSOR}/kungsor.se=kommunen`);
    assert.deepEqual(problems, []);
    assert.equal(organisationForEmail('a@kungsor.se', KUNGSOR, domains), 'kommunen');
    assert.equal(organisationForEmail('a@kungsor.se', ARBOGA, domains), null);
  });

  it('does not need the chat SDK (the domain-free half of the member directory)', () => {
    const source = readFileSync(join(__dirname, '../../src/config/organisation-domains.ts'), 'utf8');
    assert.doesNotMatch(source, /from '(botbuilder|botframework-[a-z]+|express)'/);
  });
});
