import assert from 'node:assert/strict';
import { savedReport } from '../../src/cards/report-cards';
import { fitToPhone } from '../../src/cards/phone-actions';
import type { AdaptiveCard } from '../../src/cards/card-schema';
import type { Incident } from '../../src/domain/report';

// A row of buttons wider than a phone puts the last ones behind "…" (mode secondary); a row that fits
// is left as it is. What the buttons do is unchanged: the server checks every press anyway.

const row = (...titles: string[]): AdaptiveCard => ({
  type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body: [], actions: titles.map((title) => ({ type: 'Action.Execute', title, verb: 'x' })),
});
const modes = (card: AdaptiveCard) => (card.actions ?? []).map((a) => ('mode' in a ? a.mode ?? 'primary' : 'primary'));

describe('buttons fitted to a phone', () => {
  it('When the titles fit one phone row, then every button stays in the row', () => {
    assert.deepEqual(modes(fitToPhone(row('Spara', 'Avbryt'))), ['primary', 'primary']);
    assert.deepEqual(modes(fitToPhone(row('Visa lägesbild nu', 'Ändra'))), ['primary', 'primary']);
  });

  it('When the titles are wider than a phone row, then the last go behind "…", in order, and the first always shows', () => {
    assert.deepEqual(modes(fitToPhone(row('Ändra', 'Markera som åtgärdad', 'Återställ till ny', 'Jag tar den'))),
      ['primary', 'primary', 'secondary', 'secondary']);
    assert.deepEqual(modes(fitToPhone(row('Visa länkarna för Anna Andersson Långnamnsson', 'Avbryt'))), ['primary', 'secondary']);
  });

  it('When a saved report has four buttons, then its card keeps all four (for the server\'s verbs) with two behind "…"', () => {
    const report = {
      kind: 'incident', id: '00000000-0000-4000-8000-000000000001', ref: 'H-2026-0001', version: 2, status: 'hanteras', assignee: null,
      description: 'Klotter', occurredAt: new Date('2026-11-24T20:00:00Z'), placeName: 'Torget', placeId: null, category: 'skadegorelse_klotter',
      severity: 'medel', organisation: 'polisen', organisationConfirmed: true, school: null, youthInvolved: null, policeReportNumber: null,
      reporter: { userId: 'u', name: 'Anna' }, createdAt: new Date('2026-11-24T20:05:00Z'), updatedAt: new Date('2026-11-24T20:05:00Z'),
    } as unknown as Incident;
    const card = savedReport('sv', report, 'none');
    assert.deepEqual((card.actions ?? []).map((a) => a.title), ['Ändra', 'Markera som åtgärdad', 'Återställ till ny', 'Jag tar den']);
    assert.deepEqual(modes(card), ['primary', 'primary', 'secondary', 'secondary']);
  });
});
