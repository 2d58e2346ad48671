import { IANAZone } from 'luxon';

// luxon asks Intl for a named zone's UTC offset (Intl.DateTimeFormat.formatToParts, tens of
// microseconds) every time it makes or moves a DateTime in that zone: nine times in a report submit
// (reading the form, the card's dates, the user's last-seen day), a tenth of its CPU time (issue 14).
// An offset only changes at a transition, and every transition of the zones in use falls on a
// quarter hour, so the offset of a quarter hour is computed once and remembered.

const QUARTER_HOUR_MS = 15 * 60_000;
/** About a hundred days of quarter hours; beyond that the memory starts over. */
const REMEMBERED_MAX = 10_000;

const remembering = new WeakSet<IANAZone>();

/**
 * Makes luxon remember the offsets of the named zone (every DateTime in it, given as a name, uses the
 * one IANAZone luxon keeps per name). A quarter hour whose first and last millisecond have different
 * offsets (a transition off the quarter hour, such as 1900's end of local mean time) is never remembered.
 */
export function rememberZoneOffsets(name: string, max = REMEMBERED_MAX): void {
  const zone = IANAZone.create(name);
  if (!zone.isValid || remembering.has(zone)) return;
  remembering.add(zone);
  const computed = zone.offset.bind(zone);
  const offsets = new Map<number, number>();
  zone.offset = (ts: number): number => {
    const quarter = Math.floor(ts / QUARTER_HOUR_MS);
    const known = offsets.get(quarter);
    if (known !== undefined) return known;
    const offset = computed(ts);
    const start = quarter * QUARTER_HOUR_MS;
    if (Number.isFinite(offset) && computed(start) === offset && computed(start + QUARTER_HOUR_MS - 1) === offset) {
      if (offsets.size >= max) offsets.clear();
      offsets.set(quarter, offset);
    }
    return offset;
  };
}
