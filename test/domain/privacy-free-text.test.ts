import assert from 'node:assert/strict';
import { FREE_TEXT, guardFreeText, type FreeTextField, type FreeTextRecord, type FreeTexts } from '../../src/domain/privacy/free-text';
import { guardActivity, guardAnalysis, guardAssessment, guardIncident, guardMeasure, guardPlaceNames, guardResolution, guardSchoolName, type Guarded, type PrivacyChoice } from '../../src/domain/privacy/guard-reports';
import type { ValidActivity } from '../../src/domain/activity-draft';
import type { ValidIncident } from '../../src/domain/incident-draft';
import { guardTexts } from '../../src/domain/promises/guard-promises';

// The guard runs on every field the domain declares free text (src/domain/privacy/free-text.ts): for
// each record and each of its fields, a personal identity number typed there is found at that field
// before saving, and stored masked once the person confirms. A record added to FREE_TEXT without a
// guard here does not compile (GUARDS is typed by FREE_TEXT's records).

const PNR = '811218-9876';
const MASKED = '811218-****';

const incident: ValidIncident = {
  occurredAt: new Date('2026-11-24T20:00:00Z'), place: { newPlaceName: 'Torget' }, category: 'hot_vald', description: 'Bråk',
  severity: 'medel', organisation: 'polisen', school: 'Ängsskolan', youthInvolved: 3, policeReportNumber: 'K123456-26', schoolId: null, concernReported: null,
};
const activity: ValidActivity = {
  type: 'nattvandring', date: '2026-11-24', place: { newPlaceName: 'Torget' }, organisation: 'fritid', organisations: ['fritid'],
  notes: 'Lugnt', peopleMet: 4, followUpDate: null, schoolId: null, walkFindings: [],
};

/** Per record: the guard with `text` typed into `field`, and how to read the field back from the guarded value. */
type Runner<R extends FreeTextRecord> = {
  guard(field: FreeTextField<R>, text: string, privacy: PrivacyChoice): Guarded<unknown, string>;
  read(value: unknown, field: FreeTextField<R>): string | null;
};

const placeText = (v: { place: unknown }) => (v.place && typeof v.place === 'object' && 'newPlaceName' in v.place ? String(v.place.newPlaceName) : null);

/** A record saved through guardFreeText itself (the call-out's texts): its texts are the value. */
const direct = <R extends FreeTextRecord>(record: R): Runner<R> => ({
  guard: (field, text, privacy) => {
    const guarded = guardFreeText(record, { [field]: text } as FreeTexts<R>, privacy);
    return guarded.ok ? { ok: true, value: guarded.texts } : guarded;
  },
  read: (v, field) => (v as Record<string, string | null>)[field] ?? null,
});

const GUARDS: { [R in FreeTextRecord]: Runner<R> } = {
  mobilisation: direct('mobilisation'),
  mobilisationAnswer: direct('mobilisationAnswer'),
  mobilisationOutcome: direct('mobilisationOutcome'),
  lawAnalysis: direct('lawAnalysis'),
  incident: {
    guard: (field, text, privacy) => guardIncident(field === 'place' ? { ...incident, place: { newPlaceName: text } } : { ...incident, [field]: text }, privacy),
    read: (v, field) => (field === 'place' ? placeText(v as ValidIncident) : (v as ValidIncident)[field]),
  },
  activity: {
    guard: (field, text, privacy) => guardActivity(field === 'place' ? { ...activity, place: { newPlaceName: text } } : { ...activity, [field]: text }, privacy),
    read: (v, field) => (field === 'place' ? placeText(v as ValidActivity) : (v as ValidActivity)[field]),
  },
  analysis: {
    guard: (field, text, privacy) => guardAnalysis({ who: 'Unga', what: 'Glaskross', when: 'Kvällar', why: 'Mörkt', [field]: text }, privacy),
    read: (v, field) => (v as Record<string, string | null>)[field] ?? null,
  },
  measure: {
    guard: (field, text, privacy) => guardMeasure({ organisation: 'kommunen', dueDate: null, [field]: text }, privacy),
    read: (v, field) => (v as Record<string, string>)[field] ?? null,
  },
  resolution: {
    guard: (field, text, privacy) => guardResolution({ [field]: text }, privacy),
    read: (v, field) => (v as Record<string, string>)[field] ?? null,
  },
  assessment: {
    guard: (field, text, privacy) => guardAssessment({ level: 2, [field]: text }, privacy),
    read: (v, field) => (v as Record<string, string>)[field] ?? null,
  },
  place: {
    guard: (field, text, privacy) => guardPlaceNames({ name: 'Torget', alias: null, [field]: text }, privacy),
    read: (v, field) => (v as Record<string, string | null>)[field] ?? null,
  },
  school: {
    guard: (field, text, privacy) => guardSchoolName({ stages: ['7-9'], [field]: text }, privacy),
    read: (v, field) => (v as Record<string, string | null>)[field] ?? null,
  },
  promise: {
    guard: (field, text, privacy) => guardTexts('promise', { title: 'Trygg skolväg', text: 'Vi samverkar', [field]: text }, privacy),
    read: (v, field) => (v as Record<string, string>)[field] ?? null,
  },
  commitment: {
    guard: (field, text, privacy) => guardTexts('commitment', { [field]: text }, privacy),
    read: (v, field) => (v as Record<string, string>)[field] ?? null,
  },
  meeting: {
    guard: (field, text, privacy) => guardTexts('meeting', { [field]: text }, privacy),
    read: (v, field) => (v as Record<string, string>)[field] ?? null,
  },
};

describe('personal data: the guard runs on every declared free-text field', () => {
  for (const record of Object.keys(FREE_TEXT) as FreeTextRecord[]) {
    for (const field of FREE_TEXT[record] as readonly FreeTextField<typeof record>[]) {
      it(`When ${record}.${field} holds a personal identity number, then it is found there first and stored masked on confirm`, () => {
        const runner = GUARDS[record] as Runner<typeof record>;
        const warned = runner.guard(field, `Ring om ${PNR}`, {});
        assert.ok(!warned.ok, 'warned before saving');
        assert.deepEqual(warned.findings.map((f) => [f.field, f.kind, f.masked]), [[field, 'personnummer', MASKED]]);
        const saved = runner.guard(field, `Ring om ${PNR}`, { maskingConfirmed: true });
        assert.ok(saved.ok);
        assert.equal(runner.read(saved.value, field), `Ring om ${MASKED}`);
      });
    }
  }

  it('When nothing personal is typed, then the values pass unchanged (apart from invisible characters)', () => {
    const saved = guardIncident({ ...incident, description: 'Krossad ruta 2026-11-24 kl 21:15, K123456-26' }, {});
    assert.ok(saved.ok);
    assert.equal(saved.value.description, 'Krossad ruta 2026-11-24 kl 21:15, K123456-26');
    assert.equal(saved.value.policeReportNumber, 'K123456-26');
    const clean = guardPlaceNames({ name: 'Tor\u200Bget', alias: null }, {});
    assert.ok(clean.ok);
    assert.equal(clean.value.name, 'Torget');
  });
});
