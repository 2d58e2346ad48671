import assert from 'node:assert/strict';
import type { CloudAdapter } from 'botbuilder';
import { createAdapter } from '../../src/bot/adapter';
import { ConversationRoster } from '../../src/bot/conversation-roster';
import { loadConfig } from '../../src/config/config';
import type { ConversationRecord } from '../../src/domain/conversation';
import { createLogger } from '../../src/logging/logger';
import { FakeBotConnector } from '../fakes/fake-bot-connector';
import { conversationRecord } from '../store/store-fixtures';

// Who may open a conversation's lägesbild tab: Teams' roster says, through the Bot Connector (here the
// fake one on loopback, in local mode). Anything but "yes, a member" keeps the tab closed.

const MEMBER = 'aaaaaaaa-0000-4000-8000-000000000001';

describe('the Teams roster as the tab\'s membership check', () => {
  const connector = new FakeBotConnector();
  let roster: ConversationRoster;
  let channel: ConversationRecord;
  let rosterOptions: () => ConstructorParameters<typeof ConversationRoster>[0];

  before(async () => {
    await connector.start();
    const config = loadConfig({ PORT: '0' });
    const log = createLogger('silent');
    const adapter = createAdapter(config.bot, config.allowedTenants, log) as unknown as CloudAdapter;
    rosterOptions = () => ({ adapter: () => adapter, appId: '', serviceUrls: config.bot, log });
    roster = new ConversationRoster({ ...rosterOptions(), ttlMs: 0 });
    channel = conversationRecord({ serviceUrl: connector.url, reference: { ...conversationRecord().reference as object, serviceUrl: connector.url } });
  });
  after(() => connector.stop());
  beforeEach(() => {
    connector.members.clear();
    connector.memberRequests.length = 0;
    connector.memberFailure = null;
  });

  it('When Teams lists the user in the channel\'s team, then they are a member (asked by the team, as Teams keeps channel rosters)', async () => {
    connector.members.set(MEMBER, { email: 'anna@kungsor.se' });
    assert.equal(await roster.isMember(channel, MEMBER), true);
    assert.deepEqual(connector.memberRequests.map((r) => [r.conversationId, r.userId]), [[channel.teamId, MEMBER]]);
  });

  it('When Teams does not know the user, or the lookup fails, then they are not a member', async () => {
    assert.equal(await roster.isMember(channel, MEMBER), false);
    connector.members.set(MEMBER, {});
    connector.memberFailure = 500;
    assert.equal(await roster.isMember(channel, MEMBER), false);
  });

  it('When a lookup failed, then the next request asks Teams again (a member is not shut out by a hiccup)', async () => {
    const kept = new ConversationRoster({ ...rosterOptions(), ttlMs: 300_000 });
    connector.members.set(MEMBER, {});
    connector.memberFailure = 503;
    assert.equal(await kept.isMember(channel, MEMBER), false);
    connector.memberFailure = null;
    assert.equal(await kept.isMember(channel, MEMBER), true);
    assert.equal(await kept.isMember(channel, MEMBER), true);
    assert.equal(connector.memberRequests.length, 2, 'the member answer is kept, the failure was not');
  });

  it('When the stored conversation names a connector the bot may not post to, then nothing is asked and the answer is no', async () => {
    connector.members.set(MEMBER, {});
    const elsewhere = { ...channel, serviceUrl: 'https://connector.example.org/', reference: { ...channel.reference as object, serviceUrl: 'https://connector.example.org/' } };
    assert.equal(await roster.isMember(elsewhere, MEMBER), false);
    assert.equal(connector.memberRequests.length, 0);
  });
});
