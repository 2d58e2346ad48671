import assert from 'node:assert/strict';
import {
  activityErrorsOnCard, incidentErrorsOnCard, readActivityForm, readIncidentForm, type ActivityForm, type IncidentForm,
} from '../../src/cards/forms/report-forms';
import { incidentForm } from '../../src/cards/report-cards';
import { validateActivity } from '../../src/domain/activity-draft';
import { validateFollowUp, validateMeasure } from '../../src/domain/hotspots/hotspot-forms';
import { validateIncident } from '../../src/domain/incident-draft';

// A report card's way in: the card layer reads the strings into a typed draft, the domain validates the
// draft, and every error lands at the card's input. These run that whole path, as a submit does.

const ZONE = 'Europe/Stockholm';
const NOW = new Date('2026-11-25T12:00:00Z');
function validateIncidentForm(form: IncidentForm, now: Date, zone: string) {
  const read = readIncidentForm(form, zone, now);
  if (!read.ok) return read;
  const checked = validateIncident(read.draft, now);
  return checked.ok ? checked : { ok: false as const, errors: incidentErrorsOnCard(checked.errors, form) };
}

function validateActivityForm(form: ActivityForm, now = NOW) {
  const read = readActivityForm(form, now);
  if (!read.ok) return read;
  const checked = validateActivity(read.draft, now);
  return checked.ok ? checked : { ok: false as const, errors: activityErrorsOnCard(checked.errors, form) };
}

const valid: IncidentForm = {
  date: '2026-11-24', time: '21:15', newPlace: '  Stora   torget ', category: 'skadegorelse_glaskross',
  description: 'Krossad ruta vid busskuren', severity: 'medel', organisation: 'polisen', youthInvolved: '3',
};

describe('incident form validation', () => {
  it('When every field is right, then the local Stockholm time becomes a UTC instant and the place name is tidied', () => {
    const r = validateIncidentForm(valid, NOW, ZONE);
    assert.ok(r.ok);
    assert.equal(r.value.occurredAt.toISOString(), '2026-11-24T20:15:00.000Z');
    assert.deepEqual(r.value.place, { newPlaceName: 'Stora torget' });
    assert.equal(r.value.youthInvolved, 3);
  });

  it('When the card is submitted empty, then each required field has its own error', () => {
    const r = validateIncidentForm({}, NOW, ZONE);
    assert.ok(!r.ok);
    assert.deepEqual(Object.keys(r.errors).sort(), ['category', 'date', 'description', 'newPlace', 'organisation']);
    assert.equal(r.errors.description?.code, 'required');
  });

  it('When values are malformed, then the errors name the field and what is wrong', () => {
    const r = validateIncidentForm({
      ...valid, date: '2026-13-40', time: '25:00', category: 'spying', youthInvolved: 'three',
      description: 'x'.repeat(1001), policeReportNumber: '<script>',
    }, NOW, ZONE);
    assert.ok(!r.ok);
    assert.equal(r.errors.date?.code, 'invalid_date');
    assert.equal(r.errors.time?.code, 'invalid_time');
    assert.equal(r.errors.category?.code, 'invalid_choice');
    assert.equal(r.errors.youthInvolved?.code, 'not_a_whole_number');
    assert.deepEqual(r.errors.description, { code: 'too_long', max: 1000 });
    assert.equal(r.errors.policeReportNumber?.code, 'invalid_case_number');
  });

  it('When the time is tomorrow, then it is refused as in the future', () => {
    const r = validateIncidentForm({ ...valid, date: '2026-11-26' }, NOW, ZONE);
    assert.ok(!r.ok);
    assert.equal(r.errors.time?.code, 'in_future');
  });

  it('When bullying is reported without a school, then the school is asked for', () => {
    const r = validateIncidentForm({ ...valid, category: 'krankning_mobbning' }, NOW, ZONE);
    assert.ok(!r.ok);
    assert.equal(r.errors.school?.code, 'required');
  });

  it('When a place is chosen from the register, then its id is used; a typed new name wins over it', () => {
    const chosen = validateIncidentForm({ ...valid, newPlace: '', placeId: 'p1' }, NOW, ZONE);
    assert.ok(chosen.ok);
    assert.deepEqual(chosen.value.place, { placeId: 'p1' });
    const typed = validateIncidentForm({ ...valid, placeId: 'p1' }, NOW, ZONE);
    assert.ok(typed.ok);
    assert.deepEqual(typed.value.place, { newPlaceName: 'Stora torget' });
  });

  it('When the clocks go forward in March, a time in the gap is moved forward, not lost', () => {
    const r = validateIncidentForm({ ...valid, date: '2026-03-29', time: '02:30' }, NOW, ZONE);
    assert.ok(r.ok);
    assert.equal(r.value.occurredAt.toISOString(), '2026-03-29T01:30:00.000Z');
  });
});

describe('activity form validation', () => {
  it('When organisations are picked, then the reporter’s own organisation is first and none is repeated', () => {
    const r = validateActivityForm({ type: 'hotspot_besok', date: '2026-11-20', organisation: 'skola', organisations: 'polisen,skola,polisen', peopleMet: '12' });
    assert.ok(r.ok);
    assert.deepEqual(r.value.organisations, ['skola', 'polisen']);
    assert.equal(r.value.place, null);
    assert.equal(r.value.peopleMet, 12);
  });

  it('When the follow-up is before the activity or an organisation is unknown, then both are errors', () => {
    const r = validateActivityForm({ type: 'skolbesok', date: '2026-11-20', organisation: 'skola', organisations: 'maffian', followUpDate: '2026-11-01' });
    assert.ok(!r.ok);
    assert.equal(r.errors.followUpDate?.code, 'before_date');
    assert.equal(r.errors.organisations?.code, 'invalid_choice');
  });

  it('When people met is negative or huge, then it is out of range or not a whole number', () => {
    const neg = validateActivityForm({ type: 'skolbesok', date: '2026-11-20', organisation: 'skola', peopleMet: '-1' });
    assert.ok(!neg.ok);
    assert.equal(neg.errors.peopleMet?.code, 'not_a_whole_number');
    const huge = validateActivityForm({ type: 'skolbesok', date: '2026-11-20', organisation: 'skola', peopleMet: '99999' });
    assert.ok(!huge.ok);
    assert.equal(huge.errors.peopleMet?.code, 'out_of_range');
  });
});

describe('the split between card and domain', () => {
  it('When the domain gets a typed draft, then it checks what is required, limits and rules, not spelling', () => {
    const r = validateIncident({
      occurredAt: new Date('2026-11-24T20:15:00Z'), place: { newPlaceName: 'x'.repeat(81) }, category: 'krankning_mobbning',
      description: 'Retades', severity: 'medel', organisation: 'skola', school: null, youthInvolved: 501, policeReportNumber: null, schoolId: null, concernReported: null,
    }, NOW);
    assert.ok(!r.ok);
    assert.deepEqual(r.errors.place, { code: 'too_long', max: 80 });
    assert.equal(r.errors.school?.code, 'required');
    assert.deepEqual(r.errors.youthInvolved, { code: 'out_of_range', min: 0, max: 500 });
  });

  it('When a card value cannot be read, then the card layer says so and the domain still reports every missing field at once', () => {
    const read = readIncidentForm({ date: 'igår', youthInvolved: 'tre' }, ZONE, NOW);
    assert.ok(!read.ok);
    assert.equal(read.errors.date?.code, 'invalid_date');
    assert.equal(read.errors.youthInvolved?.code, 'not_a_whole_number');
    assert.equal(read.errors.description?.code, 'required');
    assert.equal(read.errors.newPlace?.code, 'required');
  });

  it('When the card is read, then the use case gets an instant and numbers, not strings', () => {
    const read = readIncidentForm(valid, ZONE, NOW);
    assert.ok(read.ok);
    assert.ok(read.draft.occurredAt instanceof Date);
    assert.equal(read.draft.youthInvolved, 3);
    const activity = readActivityForm({ type: 'skolbesok', date: '2026-11-20', organisation: 'skola', peopleMet: '7' }, NOW);
    assert.ok(activity.ok);
    assert.equal(activity.draft.peopleMet, 7);
  });
});

describe('K-nummer (police case number)', () => {
  const withNumber = (policeReportNumber: string) => validateIncidentForm({ ...valid, policeReportNumber }, NOW, ZONE);

  it('When it is written as a police case number, then it is accepted in its usual form whatever the case, spaces and dash', () => {
    const cases: [string, string][] = [
      ['K123456-26', 'K123456-26'], ['5000-K123456-26', '5000-K123456-26'], ['k123456-26', 'K123456-26'],
      [' 5000 - k 123456 \u2013 26 ', '5000-K123456-26'], ['K-12345-25', 'K12345-25'], ['0100-K1234567-19', '0100-K1234567-19'],
    ];
    for (const [typed, stored] of cases) {
      const r = withNumber(typed);
      assert.ok(r.ok, typed);
      assert.equal(r.value.policeReportNumber, stored, typed);
    }
  });

  it('When it is a personnummer, a phone number, a plate or anything else, then it is refused with the expected format', () => {
    for (const typed of ['811218-9876', '070-1234567', 'ABC 123', 'K123456', '123456-26', 'K123456-2026', 'KS 2026/123', 'Anna Andersson']) {
      const r = withNumber(typed);
      assert.ok(!r.ok, typed);
      assert.equal(r.errors.policeReportNumber?.code, 'invalid_case_number', typed);
    }
  });

  it('When it is refused, then the card says which format is expected, in Swedish and English, and keeps what was typed', () => {
    const form = { ...valid, policeReportNumber: '811218-9876' };
    const r = validateIncidentForm(form, NOW, ZONE);
    assert.ok(!r.ok);
    const sv = JSON.stringify(incidentForm('sv', { values: form, errors: r.errors, places: [] }));
    assert.match(sv, /Ange ett K-nummer som K100234-26 eller 5000-K100234-26 \(du skrev \\"811218-9876\\"\)/);
    assert.match(sv, /"id":"policeReportNumber"[^}]*"value":"811218-9876"/);
    const en = JSON.stringify(incidentForm('en', { values: form, errors: r.errors, places: [] }));
    assert.match(en, /Enter a police case number \(K-nummer\) like K100234-26 or 5000-K100234-26/);
  });
});

describe('dates before 2000 or in the future', () => {
  it('When an incident is dated before 2000, then the date is refused as too early, with a message in both languages', () => {
    const form = { ...valid, date: '1999-12-31', time: '23:59' };
    const r = validateIncidentForm(form, NOW, ZONE);
    assert.ok(!r.ok);
    assert.equal(r.errors.date?.code, 'too_early');
    assert.match(JSON.stringify(incidentForm('sv', { values: form, errors: r.errors, places: [] })), /Datumet ligger före år 2000 \(du skrev \\"1999-12-31\\"\)/);
    assert.match(JSON.stringify(incidentForm('en', { values: form, errors: r.errors, places: [] })), /That date is before the year 2000/);
    assert.ok(validateIncidentForm({ ...valid, date: '2000-01-01', time: '00:00' }, NOW, ZONE).ok, '1 January 2000 is allowed');
  });

  it('When an incident lies beyond the small tolerance ahead of now, then it is refused as in the future; within it, it is taken', () => {
    const later = validateIncidentForm({ ...valid, date: '2026-11-25', time: '13:15' }, NOW, ZONE); // 12:15 UTC: 15 minutes ahead
    assert.ok(!later.ok);
    assert.equal(later.errors.time?.code, 'in_future');
    assert.ok(validateIncidentForm({ ...valid, date: '2026-11-25', time: '13:05' }, NOW, ZONE).ok, 'five minutes ahead: a clock off a little');
    const nextYear = validateIncidentForm({ ...valid, date: '2062-11-24', time: '' }, NOW, ZONE);
    assert.ok(!nextYear.ok);
    assert.equal(nextYear.errors.date?.code, 'in_future');
  });

  it('When an activity is dated before 2000 or more than a day ahead, then the date is refused; tomorrow is allowed', () => {
    const early = validateActivityForm({ type: 'skolbesok', date: '1999-05-01', organisation: 'skola' });
    assert.ok(!early.ok);
    assert.equal(early.errors.date?.code, 'too_early');
    const ahead = validateActivityForm({ type: 'skolbesok', date: '2026-11-27', organisation: 'skola' });
    assert.ok(!ahead.ok);
    assert.equal(ahead.errors.date?.code, 'in_future');
    assert.ok(validateActivityForm({ type: 'skolbesok', date: '2026-11-26', organisation: 'skola' }).ok);
  });

  it('When a follow-up or a due date is before 2000, then it is refused; a later one is fine', () => {
    const followUp = validateActivityForm({ type: 'skolbesok', date: '2026-11-20', organisation: 'skola', followUpDate: '1999-12-01' });
    assert.ok(!followUp.ok);
    assert.equal(followUp.errors.followUpDate?.code, 'too_early');
    assert.ok(validateActivityForm({ type: 'skolbesok', date: '2026-11-20', organisation: 'skola', followUpDate: '2027-06-01' }).ok);
    const hotspotFollowUp = validateFollowUp('1999-12-31');
    assert.ok(!hotspotFollowUp.ok);
    assert.equal(hotspotFollowUp.errors.followUpDate?.code, 'too_early');
    assert.ok(validateFollowUp('2027-03-01').ok);
    const measure = validateMeasure({ what: 'Belysning', organisation: 'kommunen', dueDate: '0999-01-01' });
    assert.ok(!measure.ok);
    assert.equal(measure.errors.dueDate?.code, 'too_early');
  });
});
