import assert from 'node:assert/strict';
import * as hotspotCards from '../../src/cards/hotspot-cards';
import { placeFirst } from '../../src/cards/place-first';
import * as cards from '../../src/cards/report-cards';
import type { Hotspot, Measure } from '../../src/domain/hotspots/hotspot';
import type { HotspotView } from '../../src/domain/hotspots/hotspot-service';
import type { RegisteredPlace } from '../../src/domain/places/place-register';
import { assertValidCard, cardBytes, TEAMS_CARD_LIMIT } from '../support/adaptive-card-check';
import { sampleIncident } from './cards.test';

const at = new Date('2026-11-24T20:15:00Z');
const person = { userId: 'u1', name: 'Anna Andersson' };
const long = (n: number) => 'Å'.repeat(n);
const place = (over: Partial<RegisteredPlace> = {}): RegisteredPlace => ({
  id: 'p1', name: 'Stora torget', createdAt: at, kind: 'torg', lat: 59.2, lon: 16.1, parentId: 'p2', aliases: ['torget'], ...over,
});
const hotspot = (over: Partial<Hotspot> = {}): Hotspot => ({
  id: 'h1', placeId: 'p1', placeName: 'Stora torget', state: 'foljs_upp', ownerOrganisation: 'polisen', owner: person, createdBy: person,
  origin: { tenantId: 't', conversationId: 'c' }, analysis: { who: 'Unga', what: '**Glaskross**', when: 'Fredagar', why: null },
  followUpDate: '2026-12-08', followUpReminded: null, createdAt: at, updatedAt: at, version: 3, ...over,
});
const measure = (i: number, what = 'Belysning'): Measure => ({
  id: `m${i}`, hotspotId: 'h1', what, organisation: 'kommunen', dueDate: '2026-12-01', doneAt: i % 2 ? at : null, reminded: false, createdBy: person, createdAt: at,
});
const view = (n: number, text = 'Belysning'): HotspotView => ({
  hotspot: hotspot(text.length > 100 ? { analysis: { who: text, what: text, when: text, why: text }, placeName: text.slice(0, 80) } : {}),
  measures: Array.from({ length: n }, (_, i) => measure(i, text)),
  incidents: Array.from({ length: n * 5 }, (_, i) => ({ id: `i${i}`, ref: `H-2026-${i}`, placeId: 'p1', occurredAt: at, category: 'brand' })),
  timelineWeeks: 12,
  activities: Array.from({ length: n }, (_, i) => ({ id: `a${i}`, ref: `A-2026-${i}`, placeId: 'p1', type: 'hotspot_besok', date: '2026-11-20', peopleMet: 4 })),
  area: { id: 'p2', name: 'Centrum' },
  effect: {
    weeks: 4, since: at, place: { before: 7, after: 2, daysAfterSoFar: null }, area: { before: 12, after: 5, daysAfterSoFar: 10 },
    activities: { before: 1, after: 3, daysAfterSoFar: 10 },
  },
});
const draft = { typedPlace: 'parken', placeId: null, candidates: [{ id: 'p1', name: 'Norra parken' }], category: null, description: 'klotter', organisation: null, occurredAt: at };
const emerging = (n: number, name = 'Stora torget') => Array.from({ length: n }, (_, i) => ({
  place: place({ id: `p${i}`, name }), hotspot: i % 2 ? hotspot() : null,
  finding: { key: `p${i}`, label: 'ny' as const, latest: 5, baselineMean: 0.75, baselineWeeks: 8, trend: { slope: 0.4, weeks: 10, z: 2.1 } },
}));

describe('hot spot cards', () => {
  for (const locale of ['sv', 'en'] as const) {
    it(`every hot spot card renders from sample data and parses without errors (${locale})`, () => {
      const all = [
        hotspotCards.quickConfirm(locale, draft),
        hotspotCards.quickConfirm(locale, { ...draft, candidates: [] }),
        hotspotCards.quickConfirm(locale, { ...draft, candidates: [{ id: 'p1', name: 'Norra parken' }, { id: 'p2', name: 'Södra parken' }] }),
        hotspotCards.quickConfirm(locale, { ...draft, placeId: 'p1', candidates: [], category: 'brand', organisation: 'polisen' }, 'fel'),
        hotspotCards.quickSaved(locale, sampleIncident()),
        hotspotCards.hotspotView(locale, view(2)),
        hotspotCards.hotspotView(locale, { ...view(0), effect: null }, 'updated', 'varning'),
        hotspotCards.hotspotList(locale, [{ hotspot: hotspot(), trend: { recent: 5, before: 2, direction: 'up' }, overdueMeasures: 1 }], '2026-12-10'),
        hotspotCards.hotspotList(locale, [], '2026-12-10'),
        hotspotCards.proposals(locale, emerging(2), new Set(emerging(2).map((e) => e.place.id))),
        hotspotCards.proposals(locale, emerging(2), new Set()),
        hotspotCards.proposals(locale, [], new Set()),
        ...(['measure', 'followUp', 'analysis', 'organisation'] as const).map((kind) => hotspotCards.hotspotForm(locale, {
          kind, placeName: 'Stora torget', submit: { verb: 'x', data: { id: 'h1' } }, cancel: { verb: 'y', data: {} }, errors: { what: { code: 'required' } },
        })),
        hotspotCards.placeList(locale, [place(), place({ id: 'p2', name: 'Centrum', parentId: null, aliases: [] })], [place()], ''),
        hotspotCards.placeView(locale, place(), [place(), place({ id: 'p2', name: 'Centrum' })], null),
        hotspotCards.placeView(locale, place(), [place()], hotspot(), 'Sparad', 'varning'),
        placeFirst(cards.incidentForm(locale, { values: {}, places: [place()] })),
      ];
      for (const card of all) assertValidCard(card);
    });
  }

  it('stays under 80 KB with the longest texts and the busiest place', () => {
    const worst = [
      hotspotCards.hotspotView('sv', view(200, long(500))),
      hotspotCards.proposals('sv', emerging(500, long(80)), new Set(emerging(500, long(80)).map((e) => e.place.id))),
      hotspotCards.placeList('sv', Array.from({ length: 5000 }, (_, i) => place({ id: `p${i}`, name: long(80), aliases: [long(80), long(80)] })), [place()], long(500)),
      hotspotCards.placeView('sv', place({ name: long(80) }), Array.from({ length: 5000 }, (_, i) => place({ id: `p${i}`, name: long(80) })), null),
      hotspotCards.quickConfirm('sv', { ...draft, typedPlace: long(80), description: long(2000), candidates: Array.from({ length: 5 }, (_, i) => ({ id: `p${i}`, name: long(80) })) }),
    ];
    for (const card of worst) assert.ok(cardBytes(card) < TEAMS_CARD_LIMIT, `${cardBytes(card)} bytes`);
  });

  it('shows typed text literally', () => {
    const text = JSON.stringify(hotspotCards.hotspotView('sv', view(1, '**fet** [x](http://evil.example) {{DATE(2026-01-01T00:00:00Z)}}')));
    assert.doesNotMatch(text, /(?<!\\\\)\*\*fet/);
    assert.doesNotMatch(text, /\{\{DATE/);
  });
});
