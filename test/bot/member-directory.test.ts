import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import type { Activity, TurnContext } from 'botbuilder';
import { createAdapter, type BotAdapter } from '../../src/bot/adapter';
import { MemberDirectory, type MemberDirectoryOptions } from '../../src/bot/member-directory';
import { loadConfig, type OrganisationDomain } from '../../src/config/config';
import { createLogger } from '../../src/logging/logger';
import { FakeBotConnector } from '../fakes/fake-bot-connector';
import { ANNA, BERIT, TEAM, TENANT, channelMessage, chatIdOf, type Speaker } from '../support/teams-activities';

// The directory asks the (fake) Bot Connector over HTTP, from a real CloudAdapter turn in local mode.

/** A clock the test moves by hand (not the harness's: that one loads the whole bot). */
class ManualClock {
  current = new Date('2026-11-25T10:00:00Z');
  now(): Date {
    return new Date(this.current);
  }
}

const OTHER_TENANT = '9d2f1b2a-0000-4000-8000-000000000001';
const CECILIA: Speaker = { aadObjectId: '00000000-0000-0000-0000-00000000cccc', name: 'Cecilia Carlsson' };

describe('member directory', () => {
  const connector = new FakeBotConnector();
  let adapter: BotAdapter;
  let lines: string[];
  let clock: ManualClock;

  before(async () => {
    await connector.start();
  });
  after(() => connector.stop());

  beforeEach(() => {
    connector.members.clear();
    connector.memberRequests.length = 0;
    connector.memberFailure = null;
    lines = [];
    clock = new ManualClock();
    adapter = createAdapter(loadConfig({}).bot, { any: true }, createLogger('silent'));
  });

  function directory(options: Partial<MemberDirectoryOptions> = {}): MemberDirectory {
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
    return new MemberDirectory({ log: createLogger('trace', sink), clock, ...options });
  }

  function activity(from: Speaker = ANNA, change: (a: Record<string, any>) => void = () => undefined): Activity {
    const a = channelMessage('hjälp', { serviceUrl: connector.url, from }) as Record<string, any>;
    change(a);
    return a as Activity;
  }

  /** Runs one turn through the adapter and returns what the logic returned. */
  async function inTurn<T>(a: Activity, logic: (context: TurnContext) => Promise<T>): Promise<T> {
    let result: T | undefined;
    await adapter.handleActivity('', a, async (context) => { result = await logic(context); });
    return result as T;
  }

  it('When Teams knows the user, then their e-mail and userPrincipalName come from the team roster', async () => {
    connector.members.set(chatIdOf(ANNA), { email: 'Anna.Andersson@polisen.se', userPrincipalName: 'anna@polisen.onmicrosoft.com', name: ANNA.name });
    const found = await inTurn(activity(), (c) => directory().addressesOf(c));
    assert.deepEqual(found, { email: 'Anna.Andersson@polisen.se', userPrincipalName: 'anna@polisen.onmicrosoft.com' });
    assert.deepEqual(connector.memberRequests.map((r) => [r.conversationId, r.userId]), [[TEAM, chatIdOf(ANNA)]]);
  });

  it('When the turn is a personal chat, then the conversation roster is asked', async () => {
    connector.members.set(chatIdOf(ANNA), { email: 'anna@kungsor.se' });
    const personal = activity(ANNA, (a) => {
      a.conversation = { id: 'a:personal-chat-1', conversationType: 'personal', tenantId: TENANT };
      a.channelData = { tenant: { id: TENANT } };
    });
    assert.equal(await inTurn(personal, (c) => directory().emailOf(c)), 'anna@kungsor.se');
    assert.deepEqual(connector.memberRequests.map((r) => r.conversationId), ['a:personal-chat-1']);
  });

  it('When only a userPrincipalName is known, then it serves as the e-mail address', async () => {
    connector.members.set(chatIdOf(ANNA), { userPrincipalName: 'anna@kungsor.se' });
    assert.equal(await inTurn(activity(), (c) => directory().emailOf(c)), 'anna@kungsor.se');
  });

  it('When Teams does not know the user, then the answer is null, and that is kept too', async () => {
    const members = directory();
    assert.equal(await inTurn(activity(), (c) => members.addressesOf(c)), null);
    assert.equal(await inTurn(activity(), (c) => members.emailOf(c)), null);
    assert.equal(connector.memberRequests.length, 1);
  });

  it('When the same user acts again within the hour, then no second request is made', async () => {
    connector.members.set(chatIdOf(ANNA), { email: 'anna@polisen.se' });
    const members = directory();
    assert.equal(await inTurn(activity(), (c) => members.emailOf(c)), 'anna@polisen.se');
    connector.members.set(chatIdOf(ANNA), { email: 'changed@polisen.se' });
    clock.current = new Date(clock.current.getTime() + 59 * 60_000);
    assert.equal(await inTurn(activity(), (c) => members.emailOf(c)), 'anna@polisen.se');
    assert.equal(connector.memberRequests.length, 1);
  });

  it('When the time to live has passed, then the roster is asked again', async () => {
    connector.members.set(chatIdOf(ANNA), { email: 'anna@polisen.se' });
    const members = directory({ ttlMs: 60_000 });
    await inTurn(activity(), (c) => members.emailOf(c));
    connector.members.set(chatIdOf(ANNA), { email: 'anna@kungsor.se' });
    clock.current = new Date(clock.current.getTime() + 60_001);
    assert.equal(await inTurn(activity(), (c) => members.emailOf(c)), 'anna@kungsor.se');
    assert.equal(connector.memberRequests.length, 2);
  });

  it('When two lookups for one user overlap, then one request answers both', async () => {
    connector.members.set(chatIdOf(ANNA), { email: 'anna@polisen.se' });
    const members = directory();
    const both = await inTurn(activity(), (c) => Promise.all([members.emailOf(c), members.emailOf(c)]));
    assert.deepEqual(both, ['anna@polisen.se', 'anna@polisen.se']);
    assert.equal(connector.memberRequests.length, 1);
  });

  it('When the same user id turns up in another tenant, then it is looked up there separately', async () => {
    connector.members.set(chatIdOf(ANNA), { email: 'anna@polisen.se' });
    const members = directory();
    await inTurn(activity(), (c) => members.emailOf(c));
    const elsewhere = activity(ANNA, (a) => {
      a.conversation.tenantId = OTHER_TENANT;
      a.channelData.tenant.id = OTHER_TENANT;
    });
    await inTurn(elsewhere, (c) => members.emailOf(c));
    assert.equal(connector.memberRequests.length, 2);
  });

  it('When more users are kept than allowed, then the oldest is forgotten first', async () => {
    const members = directory({ maxEntries: 2 });
    for (const who of [ANNA, BERIT, CECILIA]) await inTurn(activity(who), (c) => members.emailOf(c));
    assert.equal(members.size, 2);
    await inTurn(activity(CECILIA), (c) => members.emailOf(c));
    await inTurn(activity(BERIT), (c) => members.emailOf(c));
    assert.equal(connector.memberRequests.length, 3, 'Berit and Cecilia are still kept');
    await inTurn(activity(ANNA), (c) => members.emailOf(c));
    assert.equal(connector.memberRequests.length, 4, 'Anna was forgotten');
  });

  it('When the lookup fails, then the answer is null, nothing throws, and one log line names no address', async () => {
    connector.memberFailure = 403;
    connector.members.set(chatIdOf(ANNA), { email: 'anna@polisen.se' });
    const members = directory({ failureTtlMs: 1_000 });
    assert.equal(await inTurn(activity(), (c) => members.emailOf(c)), null);
    const failures = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'member lookup failed');
    assert.equal(failures.length, 1);
    assert.equal(failures[0]!.status, 403);
    assert.equal(failures[0]!.level, 40);
    for (const line of lines) {
      assert.doesNotMatch(line, /polisen\.se|127\.0\.0\.1|29:|Bearer|aaaa/, line);
    }

    connector.memberFailure = null;
    assert.equal(await inTurn(activity(), (c) => members.emailOf(c)), null, 'the failure is kept for failureTtlMs');
    clock.current = new Date(clock.current.getTime() + 1_001);
    assert.equal(await inTurn(activity(), (c) => members.emailOf(c)), 'anna@polisen.se');
    assert.equal(connector.memberRequests.length, 2);
  });

  it('When the connector cannot be reached, then the answer is null', async () => {
    const unreachable = activity(ANNA, (a) => { a.serviceUrl = 'http://127.0.0.1:9/'; });
    assert.equal(await inTurn(unreachable, (c) => directory().emailOf(c)), null);
  });

  it('When an address is found, then no log line carries it', async () => {
    connector.members.set(chatIdOf(ANNA), { email: 'anna.secret@polisen.se', userPrincipalName: 'upn.secret@polisen.se' });
    await inTurn(activity(), (c) => directory().emailOf(c));
    assert.ok(lines.every((l) => !/secret/.test(l)));
  });

  it('When the activity names no sender, then the answer is null without a request', async () => {
    const nobody = activity(ANNA, (a) => { delete a.from; });
    assert.equal(await inTurn(nobody, (c) => directory().emailOf(c)), null);
    assert.equal(connector.memberRequests.length, 0);
  });

  it('When ORGANISATION_DOMAINS maps the e-mail domain, then the organisation follows from the roster', async () => {
    const domains: OrganisationDomain[] = loadConfig({ ORGANISATION_DOMAINS: `polisen.se=polisen,${TENANT}/kungsor.se=kommunen` }).organisationDomains;
    connector.members.set(chatIdOf(ANNA), { email: 'anna@region.polisen.se' });
    connector.members.set(chatIdOf(BERIT), { email: 'berit@skola.kungsor.se' });
    connector.members.set(chatIdOf(CECILIA), { email: 'cecilia@example.org' });
    const members = directory();
    assert.equal(await inTurn(activity(ANNA), (c) => members.organisationOf(c, domains)), 'polisen');
    assert.equal(await inTurn(activity(BERIT), (c) => members.organisationOf(c, domains)), 'kommunen');
    assert.equal(await inTurn(activity(CECILIA), (c) => members.organisationOf(c, domains)), null);
    const inOtherTenant = activity(BERIT, (a) => {
      a.conversation.tenantId = OTHER_TENANT;
      a.channelData.tenant.id = OTHER_TENANT;
    });
    assert.equal(await inTurn(inOtherTenant, (c) => members.organisationOf(c, domains)), null, 'kungsor.se counts in its tenant only');
  });

  it('When no domains are configured, then the roster is not asked for an organisation', async () => {
    assert.equal(await inTurn(activity(), (c) => directory().organisationOf(c, [])), null);
    assert.equal(connector.memberRequests.length, 0);
  });
});
