import { DateTime } from 'luxon';
import { z } from 'zod';
import { parsePeriod } from '../../domain/periods';
import type { MapFilter } from '../../domain/tab/map-filter';
import { INCIDENT_CATEGORIES, ORGANISATIONS } from '../../domain/vocabulary';

/** Without dates the tab shows the last eight weeks up to today: the span of the digest's weekly chart. */
export const DEFAULT_DAYS = 56;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const one = (max: number) => z.string().trim().min(1).max(max).optional();

/** The filters as the page writes them into its URL and sends them to the API. */
const QUERY = z.object({
  from: z.string().regex(DAY).optional(),
  to: z.string().regex(DAY).optional(),
  category: z.string().optional().transform((v) => (v ? v.split(',') : []))
    .pipe(z.array(z.enum(INCIDENT_CATEGORIES)).max(INCIDENT_CATEGORIES.length)),
  organisation: z.enum(ORGANISATIONS).optional(),
  school: one(200),
  area: one(100),
  hotspot: one(100),
});

export type MapQueryProblem = 'period' | 'filter';

/**
 * Reads the filters of a tab request. A period the user cannot mean (unreadable, reversed, over two
 * years, in the future) and a value outside the vocabulary are told apart, each with its own message.
 */
export function mapFilterOf(query: Record<string, unknown>, now: Date, zone: string): { ok: true; filter: MapFilter } | { ok: false; problem: MapQueryProblem } {
  const single = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const dates = z.object({ from: QUERY.shape.from, to: QUERY.shape.to }).safeParse(single);
  if (!dates.success) return { ok: false, problem: 'period' };
  const parsed = QUERY.safeParse(single);
  if (!parsed.success) return { ok: false, problem: 'filter' };
  const q = parsed.data;
  const today = DateTime.fromJSDate(now, { zone });
  const to = q.to ?? today.toFormat('yyyy-MM-dd');
  const from = q.from ?? DateTime.fromISO(to, { zone }).minus({ days: DEFAULT_DAYS - 1 }).toFormat('yyyy-MM-dd');
  const period = parsePeriod(`${from} ${to}`, now, zone);
  if (!period.ok) return { ok: false, problem: 'period' };
  return {
    ok: true,
    filter: {
      period: period.period, categories: q.category, organisation: q.organisation ?? null, school: q.school ?? null,
      areaId: q.area ?? null, hotspotId: q.hotspot ?? null,
    },
  };
}
