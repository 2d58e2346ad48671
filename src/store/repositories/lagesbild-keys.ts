import type { Kysely } from 'kysely';
import { placeKey } from '../../domain/place';
import type { Tally } from '../../domain/ports/lagesbild.port';
import type { Database } from '../schema';
import { selectInChunks } from './in-chunks';

// What the lägesbild groups on must group the same on every engine. Free text does not: SQLite compares
// bytes, a SQL Server in Finnish_Swedish_CI_AS makes "Björkskolan" and "BJÖRKSKOLAN" (and, by its
// rules, other pairs) one. So places are grouped on their id and named from the register, and schools
// are grouped on the exact text (binary on both engines) and then merged here by the app's own folding.

/** By range, then largest count first, then by key. */
export const byRangeCountKey = (a: Tally, b: Tally) => a.range - b.range || b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Tallies keyed by place id, keyed instead by the place's name in the tenant's register. */
export async function namedByPlace(db: Kysely<Database>, tenantId: string, tallies: Tally[]): Promise<Tally[]> {
  if (tallies.length === 0) return tallies;
  const places = await selectInChunks(tallies.map((t) => t.key),
    (chunk) => db.selectFrom('places').select(['id', 'name']).where('tenant_id', '=', tenantId).where('id', 'in', chunk).execute(),
    (a, b) => (a.id < b.id ? -1 : 1));
  const names = new Map(places.map((p) => [p.id, p.name]));
  return tallies.map((t) => ({ ...t, key: names.get(t.key) ?? t.key })).sort(byRangeCountKey);
}

/**
 * Tallies keyed by place id, rolled up to the place's area (its parent in the register; a place that
 * other places lie in is its own area) and keyed by the area's name; '' for places in no area. The
 * areas are those of the EST week (areasOf), so the two speak of the same areas.
 */
export async function namedByArea(db: Kysely<Database>, tenantId: string, tallies: Tally[]): Promise<Tally[]> {
  if (tallies.length === 0) return tallies;
  const ofTenant = () => db.selectFrom('places').where('tenant_id', '=', tenantId);
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  const placeIds = tallies.map((t) => t.key);
  const [places, containing] = await Promise.all([
    selectInChunks(placeIds, (chunk) => ofTenant().select(['id', 'parent_id']).where('id', 'in', chunk).execute(), byId),
    selectInChunks(placeIds, (chunk) => ofTenant().select('parent_id as id').distinct().where('parent_id', 'in', chunk).execute()
      .then((rows) => rows.map((r) => ({ id: r.id! }))), byId),
  ]);
  const isArea = new Set(containing.map((r) => r.id));
  const areaOf = new Map(places.map((p) => [p.id, p.parent_id ?? (isArea.has(p.id) ? p.id : '')]));
  const rolled = mergedBy(tallies.map((t) => ({ ...t, key: areaOf.get(t.key) ?? '' })));
  const named = await namedByPlace(db, tenantId, rolled.filter((t) => t.key !== ''));
  return [...named, ...rolled.filter((t) => t.key === '')].sort(byRangeCountKey);
}

/** Tallies of the same range and key added up (young people: a sum of what was given, unknown where nothing was). */
export function mergedBy(tallies: readonly Tally[]): Tally[] {
  const merged = new Map<string, Tally>();
  for (const t of tallies) {
    const id = `${t.range}\u0000${t.key}`;
    const before = merged.get(id);
    merged.set(id, before ? { ...before, count: before.count + t.count, youth: sumKnown(before.youth, t.youth) } : { ...t });
  }
  return [...merged.values()];
}

/**
 * Tallies of exact spellings merged per folded key (placeKey: case, diacritics, punctuation and spacing
 * aside); each merged group is shown with its most common spelling over all ranges.
 */
export function mergedByFoldedKey(tallies: Tally[]): Tally[] {
  const totals = new Map<string, Map<string, number>>();
  for (const t of tallies) {
    const spellings = totals.get(placeKey(t.key)) ?? new Map<string, number>();
    spellings.set(t.key, (spellings.get(t.key) ?? 0) + t.count);
    totals.set(placeKey(t.key), spellings);
  }
  const shown = new Map([...totals].map(([folded, spellings]) => [folded,
    [...spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]]));
  return mergedBy(tallies.map((t) => ({ ...t, key: shown.get(placeKey(t.key))! }))).sort(byRangeCountKey);
}

/** A sum of counts where nobody gave one stays unknown (null), never 0. */
function sumKnown(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : a + b;
}
