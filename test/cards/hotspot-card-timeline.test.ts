import assert from 'node:assert/strict';
import { hotspotView } from '../../src/cards/hotspot-cards';
import type { AdaptiveCard, CardElement } from '../../src/cards/card-schema';
import type { Hotspot, Measure } from '../../src/domain/hotspots/hotspot';
import type { HotspotView } from '../../src/domain/hotspots/hotspot-service';
import { assertValidCard } from '../support/adaptive-card-check';
import { buttons } from '../support/card-buttons';

// The hot spot card as a phone user reads it: newest first, five events and a one-line summary, the
// rest in place behind "Visa allt", measures whole, and no more than four buttons in a row.

const person = { userId: 'u1', name: 'Anna Andersson' };
const hotspot: Hotspot = {
  id: 'h1', placeId: 'p1', placeName: 'Stora torget', state: 'atgardas', ownerOrganisation: 'polisen', owner: person, createdBy: person,
  origin: { tenantId: 't', conversationId: 'c' }, analysis: { who: null, what: null, when: null, why: null },
  followUpDate: null, followUpReminded: null, createdAt: new Date('2026-10-01T08:00:00Z'), updatedAt: new Date('2026-10-01T08:00:00Z'), version: 2,
};
const LONG_MEASURE = 'Kommunen sätter upp ny belysning längs gångvägen mellan busskuren och skolan, beskär buskagen vid parkeringen och '
  + 'kontrollerar varje vecka att lamporna lyser; fastighetsbolaget städar bort klotter inom ett dygn efter varje anmälan.';
const measure = (what: string, createdAt: string): Measure => ({
  id: `m-${createdAt}`, hotspotId: 'h1', what, organisation: 'kommunen', dueDate: null, doneAt: null, reminded: false, createdBy: person, createdAt: new Date(createdAt),
});

/** Nine incidents (1–9 November), one measure (10 November) and one night walk (11 November). */
function busyView(): HotspotView {
  return {
    hotspot,
    measures: [measure(LONG_MEASURE, '2026-11-10T09:00:00Z')],
    incidents: Array.from({ length: 9 }, (_, i) => ({
      id: `i${i}`, ref: `H-2026-000${i + 1}`, placeId: 'p1', occurredAt: new Date(`2026-11-0${i + 1}T19:00:00Z`), category: 'skadegorelse_klotter',
    })),
    timelineWeeks: 12,
    activities: [{ id: 'a1', ref: 'A-2026-0001', placeId: 'p2', type: 'nattvandring', date: '2026-11-11', peopleMet: null }],
    area: { id: 'p2', name: 'Centrum' },
    effect: null,
  };
}

const texts = (elements: readonly CardElement[]): string[] => elements.flatMap((e) => (e.type === 'TextBlock' ? [e.text] : []));

function timelineParts(card: AdaptiveCard) {
  const at = card.body.findIndex((e) => e.type === 'TextBlock' && e.text === 'Tidslinje');
  const after = card.body.slice(at + 1);
  const hidden = after.find((e) => e.type === 'Container' && e.id === 'timelineMore');
  const end = after.findIndex((e) => e.type !== 'TextBlock');
  const shown = after.slice(0, end === -1 ? after.length : end);
  return { summary: texts(shown)[0]!, shown: texts(shown).slice(1), hidden: hidden?.type === 'Container' ? texts(hidden.items) : [], after };
}

describe('the hot spot card', () => {
  it('When a place has eleven events, then the five newest show first with a one-line summary, and "Visa allt" opens the rest in place', () => {
    const card = hotspotView('sv', busyView());
    assertValidCard(card);
    const { summary, shown, hidden, after } = timelineParts(card);
    assert.equal(summary, '9 händelser senaste 12 veckorna, 1 åtgärd, 1 aktivitet. De 5 senaste, nyaste först.');
    assert.equal(shown.length, 5);
    assert.match(shown[0]!, /^11 nov\.? 2026 · Nattvandring A-2026-0001 \(i området Centrum\)$/);
    assert.match(shown[1]!, /^10 nov\.? 2026 \d\d:\d\d · åtgärd: /);
    assert.match(shown[2]!, /händelse H-2026-0009/);
    assert.match(shown[4]!, /händelse H-2026-0007/);
    assert.deepEqual(hidden.map((t) => /H-2026-\d+/.exec(t)?.[0]), ['H-2026-0006', 'H-2026-0005', 'H-2026-0004', 'H-2026-0003', 'H-2026-0002', 'H-2026-0001']);

    const showAll = after.find((e) => e.type === 'ActionSet' && e.id === 'timelineShowAll');
    assert.ok(showAll?.type === 'ActionSet');
    assert.deepEqual(showAll.actions.map((a) => [a.type, a.title]), [['Action.ToggleVisibility', 'Visa allt']]);
    const toggle = showAll.actions[0]!;
    assert.ok(toggle.type === 'Action.ToggleVisibility');
    assert.ok(toggle.targetElements.includes('timelineMore'), 'the hidden events are what "Visa allt" shows');
  });

  it('When a place has few events, then there is no "Visa allt"', () => {
    const few = { ...busyView(), incidents: busyView().incidents.slice(0, 2) };
    const card = hotspotView('sv', few);
    assert.equal(timelineParts(card).shown.length, 4);
    assert.doesNotMatch(JSON.stringify(card), /Visa allt|De 5 senaste/);
  });

  it('When a measure is long, then its whole text is on the card and its button is a short "Klar"', () => {
    const card = hotspotView('sv', busyView());
    const json = JSON.stringify(card);
    assert.ok(json.includes(`${LONG_MEASURE} (Kommunen/säkerhetssamordnare)`), 'the open measure in full');
    assert.ok(json.includes(`åtgärd: ${LONG_MEASURE}`), 'the timeline line in full');
    const titles = buttons(card).map((b) => String(b.title));
    for (const title of titles) assert.ok(title.length <= 20, `button "${title}" is short enough for a phone`);
    assert.ok(titles.includes('Klar'));
  });

  it('When every button applies, then at most four are on the card and the rest are in its overflow menu', () => {
    for (const locale of ['sv', 'en'] as const) {
      const card = hotspotView(locale, busyView());
      const primary = (card.actions ?? []).filter((a) => a.mode !== 'secondary');
      const secondary = (card.actions ?? []).filter((a) => a.mode === 'secondary');
      // At most four show; fewer when their titles do not fit a phone's row (phone-actions.ts), the next step always first.
      assert.ok(primary.length >= 1 && primary.length <= 4, `${primary.length} buttons on the card`);
      assert.equal(primary[0]?.verb, 'hotspotNext');
      assert.deepEqual([...primary, ...secondary].map((a) => a.verb),
        ['hotspotNext', 'hotspotOpenMeasure', 'hotspotLogVisit', 'hotspotOpenFollowUp', 'hotspotOpenAnalysis']);
      assert.equal(secondary.at(-1)?.verb, 'hotspotOpenAnalysis', 'the analysis is always behind "…"');
    }
  });
});
