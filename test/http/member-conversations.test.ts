import assert from 'node:assert/strict';
import type { ConversationRecord } from '../../src/domain/conversation';
import { MEMBER_CHECKS_MAX, memberConversations } from '../../src/http/tab/member-conversations';

// The personal tab's choice of conversations: how many rosters are asked, and which conversations count.

const TENANT = '11111111-1111-4111-8111-111111111111';
const record = (i: number, overrides: Partial<ConversationRecord> = {}): ConversationRecord => ({
  conversationId: `19:kanal-${String(i).padStart(2, '0')}@thread.tacv2`, tenantId: TENANT, scope: 'channel', teamId: `team-${i}`, channelId: null,
  serviceUrl: 'https://smba.trafficmanager.net/emea/', reference: { conversation: { name: `Kanal ${String(i).padStart(2, '0')}` } },
  installedAt: new Date(0), updatedAt: new Date(i * 1000), ...overrides,
});

describe('the personal tab\'s conversations (memberConversations)', () => {
  it('When the bot is in more conversations than the cap, then only the most recently active are asked about, and the member ones offered by name', async () => {
    const all = Array.from({ length: MEMBER_CHECKS_MAX + 5 }, (_v, i) => record(i));
    const asked: string[] = [];
    const offered = await memberConversations({ tenantId: TENANT, userId: 'aad-user' }, {
      conversations: { list: async () => all },
      members: { isMember: async (c) => (asked.push(c.conversationId), c.conversationId.endsWith('0@thread.tacv2')) },
    });
    assert.equal(asked.length, MEMBER_CHECKS_MAX);
    assert.ok(!asked.includes(all[0]!.conversationId), 'the least recently active is left out');
    assert.deepEqual(offered.map((c) => c.name), ['Kanal 10', 'Kanal 20']);
  });

  it('When conversations are of another tenant or personal chats, then their rosters are not even asked', async () => {
    const asked: string[] = [];
    const offered = await memberConversations({ tenantId: TENANT, userId: 'aad-user' }, {
      conversations: { list: async () => [record(1, { tenantId: '22222222-2222-4222-8222-222222222222' }), record(2, { scope: 'personal' }), record(3, { reference: null })] },
      members: { isMember: async (c) => (asked.push(c.conversationId), true) },
    });
    assert.deepEqual(asked, [record(3).conversationId]);
    assert.deepEqual(offered, [{ id: record(3).conversationId, name: record(3).conversationId }], 'without a Teams name, the id names it');
  });
});
