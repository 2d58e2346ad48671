import assert from 'node:assert/strict';
import type { CallRole } from '../../src/domain/mobilisation/call-list';
import type { ConnectorAnswer, ReceivedActivity } from '../fakes/fake-bot-connector';
import { BotHarness } from './bot-harness';
import { ANNA, TENANT, type Speaker } from './teams-activities';

// The setting of the call-out tests: a coordinator (Anna), a school whose call list's first step is
// Carl, Erik and Fia, and a fake Bot Connector whose answer to each recipient's 1:1 chat the test decides.

export const person = (tail: string, name: string): Speaker => ({ aadObjectId: `00000000-0000-0000-0000-0000000${tail}`, name });
export const CARL = person('0c0c1', 'Carl Rektorsson');
export const ERIK = person('0e0e1', 'Erik Kurator');
export const FIA = person('0f0f1', 'Fia Polis');
export const CALL_OUT_T0 = new Date('2026-11-25T10:00:00Z');

/** Whether a request creates a 1:1 chat, and with whom. */
export const isChatCreation = (r: ReceivedActivity) => r.method === 'POST' && /\/v3\/conversations\/?$/.test(r.path);
export const memberOf = (r: ReceivedActivity) => String(r.body.members?.[0]?.id ?? '');

export type ChatAnswer = (member: string) => ConnectorAnswer | Promise<ConnectorAnswer>;

/**
 * A bot (real HTTP server, SQLite file) at CALL_OUT_T0 with Ängsskolan's call list, the channel known to it;
 * `chatAnswer()` is asked, at each request, how the connector answers a 1:1 chat's creation.
 */
export async function startWithCallList(chatAnswer: () => ChatAnswer): Promise<{ h: BotHarness; schoolId: string }> {
  let n = 0;
  const h = await new BotHarness().start({ COORDINATORS: `${TENANT}/${ANNA.aadObjectId}`, MOBILISATION_ESCALATE_MINUTES: '60' });
  h.clock.current = CALL_OUT_T0;
  h.connector.responder = (r) => (isChatCreation(r) ? chatAnswer()(memberOf(r)) : { status: 201, body: { id: `msg-${++n}` } });
  const by = { actorId: ANNA.aadObjectId, now: CALL_OUT_T0 };
  const added = await h.bot.store.schools.add({ tenantId: TENANT }, { name: 'Ängsskolan', stages: ['7-9'], placeId: null, contacts: [] }, by);
  assert.ok(added.ok);
  const put = (s: Speaker, role: CallRole) => h.bot.store.callLists.put({ tenantId: TENANT }, added.school.id, { userId: s.aadObjectId, chatUserId: null, name: s.name, role, step: 1 }, by);
  await put(CARL, 'rektor');
  await put(ERIK, 'kurator');
  await put(FIA, 'polis');
  await h.say('hjälp'); // the channel is known to the bot
  return { h, schoolId: added.school.id };
}
