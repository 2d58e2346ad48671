import type { ReceivedActivity } from '../fakes/fake-bot-connector';
import type { BotHarness } from './bot-harness';

// What the fake Bot Connector saw of shared cards: each change to a posted card is a PUT on its message.

/** The message updates (PUTs) the bot sent, oldest first. */
export function cardUpdates(h: BotHarness): ReceivedActivity[] {
  return h.connector.received.filter((r) => r.method === 'PUT');
}

/** The card an update carries. */
export function cardOfUpdate(r: ReceivedActivity): Record<string, any> {
  return r.body.attachments?.[0]?.content as Record<string, any>;
}
