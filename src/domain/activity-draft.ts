import { checkedDay } from './date-limits';
import { FormReader, checkedCount, checkedText, present } from './form-fields';
import { checkedPlace, type PlaceChoice, type Validation } from './incident-draft';
import { LIMITS } from './limits';
import { daysAheadFor } from './planned-activities';
import type { WalkFinding } from './schools/walk-checklist';
import type { ActivityType, Organisation } from './vocabulary';

/** An activity as the reporting use cases receive it: typed values parsed by the card layer; null = not given. */
export interface ActivityDraft {
  type: ActivityType | null;
  /** Calendar day YYYY-MM-DD in Europe/Stockholm. */
  date: string | null;
  place: PlaceChoice | null;
  organisation: Organisation | null;
  /** The other participating organisations. */
  organisations: Organisation[];
  notes: string | null;
  peopleMet: number | null;
  followUpDate: string | null;
  /** The medborgarlöfte commitment it serves (an id, checked against the tenant's register when saved). */
  commitmentId?: string | null;
  /** A school of the register (its id), the activity served. */
  schoolId: string | null;
  /** A trygghetsvandring's checklist findings ticked. */
  walkFindings: WalkFinding[];
}

export type ActivityDraftField = keyof ActivityDraft;

export interface ValidActivity {
  type: ActivityType;
  date: string;
  place: PlaceChoice | null;
  organisation: Organisation;
  organisations: Organisation[];
  notes: string;
  peopleMet: number | null;
  followUpDate: string | null;
  commitmentId?: string | null;
  schoolId: string | null;
  walkFindings: WalkFinding[];
}

/** `now` bounds the activity's day: not before 2000, at most a day after today in `zone`, or half a year for a planned school activity. */
export function validateActivity(d: ActivityDraft, now: Date, zone = 'Europe/Stockholm'): Validation<ValidActivity, ActivityDraftField> {
  const r = new FormReader<ActivityDraftField>();
  const type = r.read('type', present(d.type));
  const given = r.read('date', present(d.date));
  const date = given && r.read('date', checkedDay(given, { now, days: daysAheadFor(type ?? null), zone }));
  const followUpDate = d.followUpDate === null ? null : r.read('followUpDate', checkedDay(d.followUpDate));
  const place = checkedPlace(r, 'place', d.place, false);
  const organisation = r.read('organisation', present(d.organisation));
  const notes = r.read('notes', checkedText(d.notes, LIMITS.notesMax, false));
  const peopleMet = r.read('peopleMet', checkedCount(d.peopleMet, LIMITS.peopleMetMax));
  if (date && followUpDate && followUpDate < date) r.fail('followUpDate', { code: 'before_date' });

  if (!r.valid || !type || !date || place === undefined || !organisation || followUpDate === undefined) return { ok: false, errors: r.errors };
  // The reporting organisation always takes part in its own activity.
  const organisations = [organisation, ...d.organisations.filter((o) => o !== organisation)];
  return {
    ok: true,
    value: {
      type, date, place, organisation, organisations, notes: notes ?? '', peopleMet: peopleMet ?? null, followUpDate, schoolId: d.schoolId,
      ...(d.commitmentId ? { commitmentId: d.commitmentId } : {}),
      // Only a trygghetsvandring has the checklist.
      walkFindings: type === 'trygghetsvandring' ? d.walkFindings : [],
    },
  };
}
