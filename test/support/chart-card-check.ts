import assert from 'node:assert/strict';
import { assertValidCard } from './adaptive-card-check';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

const CHART = /^Chart\./;

/** Every element of a card body, depth first (containers, columns). */
function elements(items: unknown[]): Record<string, any>[] {
  return (items as Record<string, any>[]).flatMap((e) => [
    e, ...elements(e.items ?? []), ...elements((e.columns ?? []).flatMap((c: any) => c.items ?? [])),
  ]);
}

/**
 * The adaptivecards parser does not know Teams' Chart.* elements: it reports each as "Unknown element
 * type … Fallback will be used" and draws the fallback, as a client without charts would. So: only
 * Chart.* may be unknown, each must carry a fallback, and the card with fallbacks in place of the charts
 * must be valid by the ordinary check.
 */
export function assertValidCardWithCharts(json: Record<string, any>): void {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  const charts = elements(json.body ?? []).filter((e) => CHART.test(String(e.type)));
  assert.deepEqual(events, charts.map((c) => `Unknown element type "${c.type}". Fallback will be used if present.`));
  for (const chart of charts) {
    assert.ok(chart.fallback && typeof chart.fallback === 'object', `${chart.type} has no fallback`);
    assert.ok(Array.isArray(chart.data), `${chart.type} has no data`);
  }
  assertValidCard(withFallbacks(json));
}

function withFallbacks(json: Record<string, any>): Record<string, any> {
  const swap = (items: Record<string, any>[]): Record<string, any>[] => items.map((e) => (CHART.test(String(e.type))
    ? e.fallback
    : { ...e, ...(e.items ? { items: swap(e.items) } : {}) }));
  return { ...json, body: swap(json.body ?? []) };
}
