import assert from 'node:assert/strict';
import { BotHarness, cardText } from '../support/bot-harness';
import { ANNA, cardAction, type Speaker, type Where } from '../support/teams-activities';

// Shared channels (manifest: supportedChannelTypes). A municipality's team hosts a shared channel; a police
// officer joins it from the police's own tenant (Teams Connect, B2B direct connect), without a guest account.
// Teams sends the officer's activities in that channel with the HOST tenant: conversation.tenantId and
// channelData.tenant.id are the municipality's, only `from` is the officer (an object id of the police tenant).
// Under the isolation rules (see test/e2e/isolation-http.test.ts) the scope of such an activity is therefore the
// host tenant and the shared channel: the report belongs to the municipality's channel, its place to the
// municipality's register, and nothing of it shows in the officer's own tenant.

const MUNICIPALITY = 'c0c0c0c0-3333-4333-8333-00000000000c';
const POLICE = 'd0d0d0d0-4444-4444-8444-00000000000d';
const OFFICER: Speaker = { aadObjectId: '0000000d-0000-4000-8000-0000000000d1', name: 'Polis Petra' };

const SHARED: Partial<Where> = {
  tenantId: MUNICIPALITY, teamId: '19:kommun-team@thread.tacv2', channelId: '19:delad-samverkan@thread.skype',
  channelName: 'Samverkan (delad)', conversationType: 'channel', conversationId: '19:delad-samverkan@thread.skype',
};
const MUNICIPALITY_OTHER: Partial<Where> = {
  tenantId: MUNICIPALITY, teamId: '19:kommun-team@thread.tacv2', channelId: '19:skolor@thread.tacv2',
  channelName: 'Skolor', conversationType: 'channel', conversationId: '19:skolor@thread.tacv2',
};
const POLICE_OWN: Partial<Where> = {
  tenantId: POLICE, teamId: '19:polis-team@thread.tacv2', channelId: '19:lpo@thread.tacv2',
  channelName: 'LPO', conversationType: 'channel', conversationId: '19:lpo@thread.tacv2',
};

const incident = {
  date: '2026-11-24', newPlace: 'Delade torget', category: 'brand', description: 'Brand vid Delade torget PETRA-DELAD',
  organisation: 'polisen',
};

interface Row { tenant_id: string; conversation_id: string; reporter_id: string }

describe('shared channels: an activity is scoped to the host team\'s tenant', () => {
  let h: BotHarness;
  afterEach(async () => { await h?.stop(); });

  const incidents = () => h.readDatabase((db) => db.prepare('SELECT tenant_id, conversation_id, reporter_id FROM incidents').all() as Row[]);
  const placesOf = (tenantId: string) => h.readDatabase((db) =>
    (db.prepare('SELECT name FROM places WHERE tenant_id = ?').all(tenantId) as { name: string }[]).map((p) => p.name));

  it('an officer from another tenant reports in the shared channel: the report and its place are the host tenant\'s', async () => {
    h = await new BotHarness().start({ ALLOWED_TENANTS: `${MUNICIPALITY},${POLICE}`, SCHEDULER_CRON: 'off' });
    const saved = await h.press('submitIncident', incident, { ...SHARED, from: OFFICER });
    assert.match(cardText(saved), /PETRA-DELAD/);

    assert.deepEqual(incidents(), [{ tenant_id: MUNICIPALITY, conversation_id: SHARED.conversationId, reporter_id: OFFICER.aadObjectId }]);
    assert.deepEqual(placesOf(MUNICIPALITY), ['Delade torget']);
    assert.deepEqual(placesOf(POLICE), [], 'the officer\'s own tenant gets nothing');

    // The municipality's members read it in the shared channel; the report stays in that channel.
    // (The list shows reference, category and place.)
    assert.match(JSON.stringify(await h.say('senaste', { ...SHARED, from: ANNA })), /H-2026-0001[^]*Delade torget/);
    assert.doesNotMatch(JSON.stringify(await h.say('senaste', { ...MUNICIPALITY_OTHER, from: ANNA })), /Delade torget/);
    // In the officer's own tenant the report and the place do not exist.
    assert.doesNotMatch(JSON.stringify(await h.say('senaste', { ...POLICE_OWN, from: OFFICER })), /Delade torget|H-2026-0001/);
    assert.doesNotMatch(JSON.stringify(await h.say('platser', { ...POLICE_OWN, from: OFFICER })), /Delade torget/);
  });

  it('only the host tenant needs to be allowed: the officer is served in the shared channel, refused in a channel of the police tenant', async () => {
    h = await new BotHarness().start({ ALLOWED_TENANTS: MUNICIPALITY, SCHEDULER_CRON: 'off' });
    await h.press('submitIncident', incident, { ...SHARED, from: OFFICER });
    assert.equal(incidents().length, 1);

    const refused = await h.invoke('submitIncident', { ...incident, description: 'I egen tenant PETRA-EGEN' }, { ...POLICE_OWN, from: OFFICER });
    assert.doesNotMatch(refused.text, /PETRA-EGEN/);
    assert.match(refused.text, /tenant_not_allowed/);
    assert.deepEqual(incidents().map((r) => r.tenant_id), [MUNICIPALITY], 'nothing stored for the police tenant');
  });

  it('takes the host tenant from channelData.tenant.id when conversation.tenantId is absent', async () => {
    h = await new BotHarness().start({ ALLOWED_TENANTS: MUNICIPALITY, SCHEDULER_CRON: 'off' });
    const activity = cardAction('submitIncident', incident, h.where({ ...SHARED, from: OFFICER }));
    delete (activity.conversation as { tenantId?: string }).tenantId;
    assert.equal((activity.channelData as { tenant: { id: string } }).tenant.id, MUNICIPALITY);
    const res = await h.post(activity);
    assert.equal(res.status, 200);
    assert.deepEqual(incidents().map((r) => r.tenant_id), [MUNICIPALITY]);
  });
});
