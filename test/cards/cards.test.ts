import assert from 'node:assert/strict';
import * as cards from '../../src/cards/report-cards';
import { safeText } from '../../src/cards/render';
import type { Activity, Incident, ReportSummary } from '../../src/domain/report';
import { LIMITS } from '../../src/domain/limits';
import { assertValidCard, cardBytes, TEAMS_CARD_LIMIT } from '../support/adaptive-card-check';

const at = new Date('2026-11-24T20:15:00Z');
const person = { userId: 'u1', name: 'Anna Andersson' };
const base = { id: 'i1', status: 'ny' as const, assignee: null, reporter: person, organisationConfirmed: true, origin: { tenantId: 't', conversationId: 'c' }, createdAt: at, updatedAt: at, version: 1 };

export const sampleIncident = (over: Partial<Incident> = {}): Incident => ({
  ...base, kind: 'incident', ref: 'H-2026-0042', occurredAt: at, placeId: 'p1', placeName: 'Stora torget',
  category: 'skadegorelse_glaskross', description: 'Krossad ruta vid busskuren', severity: 'medel', organisation: 'polisen', resolution: null,
  school: 'Ängsskolan', youthInvolved: 3, policeReportNumber: 'K123456-26', schoolId: null, concernReported: null, ...over,
});

const sampleActivity = (over: Partial<Activity> = {}): Activity => ({
  ...base, kind: 'activity', ref: 'A-2026-0007', type: 'hotspot_besok', date: '2026-11-20', placeId: null, placeName: null,
  organisation: 'kommunen', organisations: ['kommunen', 'polisen'], notes: 'Pratade med butiksägare', peopleMet: 12,
  followUpDate: '2026-12-04', followUpDone: null, schoolId: null, walkFindings: [], ...over,
});

const places = [{ id: 'p1', name: 'Stora torget', createdAt: at }];

describe('cards', () => {
  for (const locale of ['sv', 'en'] as const) {
    describe(`in ${locale}`, () => {
      it('every card renders from sample data and parses without errors', () => {
        const all = [
          cards.incidentForm(locale, { values: { date: '2026-11-24' }, places }),
          cards.incidentForm(locale, { values: {}, errors: { description: { code: 'required' }, youthInvolved: { code: 'out_of_range', min: 0, max: 500 } }, places: [] }),
          cards.incidentForm(locale, { values: { description: 'x' }, storeDown: true, places, editing: { ref: 'H-2026-0042', id: 'i1', version: 2 } }),
          cards.activityForm(locale, { values: { organisations: 'polisen,skola' }, places }),
          cards.activityForm(locale, { values: {}, errors: { type: { code: 'required' } }, places }),
          cards.savedReport(locale, sampleIncident(), 'saved'),
          cards.savedReport(locale, sampleIncident({ status: 'hanteras', assignee: person, school: null, youthInvolved: null, policeReportNumber: null }), 'updated'),
          cards.savedReport(locale, sampleActivity(), 'none', 'warning'),
          cards.savedReport(locale, sampleActivity({ followUpDone: { at, byUserId: 'u1' } }), 'updated'),
          cards.latestReports(locale, []),
          cards.latestReports(locale, [{ kind: 'incident', id: 'i1', ref: 'H-2026-0001', status: 'ny', createdAt: at, occurred: { at }, topic: 'brand', placeName: 'Parken' }]),
          cards.latestReports(locale, [{ kind: 'activity', id: 'a1', ref: 'A-2026-0001', status: 'ny', createdAt: at, occurred: { day: '2026-11-20' }, topic: 'nattvandring', placeName: null }], undefined, { open: true, involving: 'u1', school: 'Ängsskolan' }),
          cards.help(locale),
          cards.welcome(locale),
          cards.notice('Hej', { tone: 'attention' }),
        ];
        all.forEach((c) => assertValidCard(c));
      });
    });
  }

  it('an error is shown under its own field, in Swedish, and the typed value is kept', () => {
    const card = cards.incidentForm('sv', { values: { description: 'min text', youthInvolved: 'tre' }, errors: { youthInvolved: { code: 'not_a_whole_number' } }, places });
    const text = JSON.stringify(card);
    assert.match(text, /Ange ett heltal/);
    assert.match(text, /du skrev \\"tre\\"/);
    assert.match(text, /"value":"min text"/);
    const ids = card.body.flatMap(function walk(e: any): any[] { return [e, ...(e.columns ?? []).flatMap((c: any) => c.items.flatMap(walk))]; });
    const index = ids.findIndex((e: any) => e.id === 'youthInvolved');
    assert.equal(ids[index + 1].text, 'Ange ett heltal, till exempel 3 (du skrev "tre").');
  });

  it('the saved card shows the reference, the facts and the actions that move it along', () => {
    const card = cards.savedReport('sv', sampleIncident(), 'saved');
    const text = JSON.stringify(card);
    assert.match(text, /Händelse H-2026-0042/);
    assert.match(text, /Anna Andersson, Polisen, 24 nov\. 2026 21:15|Anna Andersson, Polisen, 24 nov 2026 21:15/);
    assert.deepEqual(card.actions?.map((a) => a.verb), ['openEdit', 'setStatus', 'assignToMe']);
    const unconfirmed = JSON.stringify(cards.savedReport('sv', sampleIncident({ organisationConfirmed: false }), 'saved'));
    assert.match(unconfirmed, /Anna Andersson, Polisen \(organisation ej bekräftad\), 24 nov/);
  });

  it('an activity shows its follow-up day and offers "Uppföljning gjord" until it is done, then says when it was', () => {
    const open = cards.savedReport('sv', sampleActivity({ assignee: person }), 'none');
    assert.match(JSON.stringify(open), /"title":"Uppföljning","value":"4 dec\. 2026"/);
    assert.deepEqual(open.actions?.map((a) => [a.verb, a.title]), [['openEdit', 'Ändra'], ['markFollowUpDone', 'Uppföljning gjord']]);
    const done = cards.savedReport('en', sampleActivity({ assignee: person, followUpDone: { at: new Date('2026-12-13T09:00:00Z'), byUserId: 'u1' } }), 'none');
    assert.match(JSON.stringify(done), /"title":"Follow-up done","value":"13 Dec 2026"/);
    assert.deepEqual(done.actions?.map((a) => a.verb), ['openEdit']);
    assert.deepEqual(cards.savedReport('sv', sampleActivity({ followUpDate: null }), 'none').actions?.map((a) => a.verb), ['openEdit', 'assignToMe']);
  });

  it('stays well under the Teams size limit with every field at its maximum', () => {
    const long = 'å'.repeat(LIMITS.descriptionMax);
    const many = Array.from({ length: LIMITS.placeChoices }, (_, i) => ({ id: `p${i}`.padEnd(36, '0'), name: 'ö'.repeat(LIMITS.placeNameMax), createdAt: at }));
    const rows: ReportSummary[] = Array.from({ length: LIMITS.latestListSize }, (_, i) => ({ kind: 'incident', id: `${i}`.padEnd(36, '0'), ref: 'H-2026-9999', status: 'hanteras', createdAt: at, occurred: { at }, topic: 'incident_mot_anstalld', placeName: 'ä'.repeat(LIMITS.placeNameMax) }));
    const sizes = [
      cards.incidentForm('sv', { values: { description: long, newPlace: 'ä'.repeat(80), school: 'ö'.repeat(80) }, errors: { description: { code: 'too_long', max: 1000 } }, places: many }),
      cards.activityForm('sv', { values: { notes: long }, places: many }),
      cards.savedReport('sv', sampleIncident({ description: '*'.repeat(LIMITS.descriptionMax), placeName: 'ä'.repeat(80), school: 'ö'.repeat(80), assignee: { userId: 'x', name: 'n'.repeat(200) } }), 'saved'),
      cards.latestReports('sv', rows),
    ].map(cardBytes);
    for (const size of sizes) assert.ok(size < TEAMS_CARD_LIMIT / 2, `card of ${size} bytes`);
  });

  it('user text cannot format, link or inject template functions', () => {
    assert.equal(safeText('**fet** [länk](http://x) _k_ `c`'), '\\*\\*fet\\*\\* \\[länk\\](http://x) \\_k\\_ \\`c\\`');
    assert.equal(safeText('- punkt\n1. lista\n# rubrik'), '\\- punkt\n1\\. lista\n\\# rubrik');
    assert.equal(safeText('{{DATE(2026-01-01T00:00:00Z)}}'), '{\u200B{DATE(2026-01-01T00:00:00Z)}}');
    const card = cards.savedReport('sv', sampleIncident({ description: '${reporter.name} <script>alert(1)</script> **x**' }), 'none');
    const shown = JSON.stringify(card);
    assert.match(shown, /\$\{reporter\.name\} <script>alert\(1\)<\/script> \\\\\*\\\\\*x\\\\\*\\\\\*/);
  });
});
