import { BotHarness } from './bot-harness';
import { ANNA, cardAction, TENANT, type Speaker, type Where } from './teams-activities';

// The export links a card shows, and what a requester's Teams client sends when an export card with
// `refresh` comes into view: shared by the tests of the exports' yearly documents.

const LINK = /http:\/\/localhost:\d+\/exports\/([A-Za-z0-9_-]{43})\/([a-z-]+\.(?:zip|html|docx))/g;

/** Every export link in a card: its address, its token and the file it names. */
export const linksOf = (card: unknown) => [...JSON.stringify(card).matchAll(LINK)].map((m) => ({ url: m[0], token: m[1]!, file: m[2]! }));

/** The card's refresh as sent by `who`'s client (the requester's view of an export card). */
export async function refreshAs(h: BotHarness, card: Record<string, any>, who: Speaker, extra: Partial<Where> = {}): Promise<Record<string, any>> {
  const res = await h.post(cardAction(card.refresh.action.verb, card.refresh.action.data, h.where({ from: who, ...extra })));
  return ((await res.json()) as { value: Record<string, any> }).value;
}

/** A bot whose only coordinator is Anna, on 25 November 2026, with one incident at Stora torget that March. */
export async function startWithAnIncident(severity: 'lag' | 'medel' | 'hog' = 'medel'): Promise<BotHarness> {
  const h = await new BotHarness().start({ SCHEDULER_CRON: 'off', COORDINATORS: `${TENANT}/${ANNA.aadObjectId}` });
  h.clock.current = new Date('2026-11-25T10:00:00Z');
  await h.press('submitIncident', {
    date: '2026-03-24', time: '21:00', newPlace: 'Stora torget', category: 'skadegorelse_klotter', description: 'Klotter', severity, organisation: 'polisen',
  });
  return h;
}
