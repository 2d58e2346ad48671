import assert from 'node:assert/strict';
// The npm package's main entry is untranspiled ESM; the UMD bundle is the one Node can load.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

/** Parses a card with the official adaptivecards library and fails on any parse or validation event. */
export function assertValidCard(json: unknown): void {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const parseEvents = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  assert.deepEqual(parseEvents, [], 'card parse events');
  const validation = card.validateProperties();
  assert.deepEqual(validation.validationEvents.map((e) => e.message), [], 'card validation events');
  const text = JSON.stringify(json);
  assert.ok(!/"\$\{[^"]*\}"/.test(text.replace(/\\"/g, '')), `unexpanded template binding in ${text.slice(0, 200)}`);
}

export const cardBytes = (json: unknown): number => Buffer.byteLength(JSON.stringify(json), 'utf8');

/** Teams recommends a message stay under about 80 KB; we keep well under it. */
export const TEAMS_CARD_LIMIT = 80 * 1024;
