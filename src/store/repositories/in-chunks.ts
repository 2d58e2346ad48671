/**
 * SQL Server takes at most 2100 parameters in one request, and an `IN (…)` list sends each value as one;
 * an area with thousands of child places (the register holds up to PLACE_REGISTER_MAX) would exceed it.
 * Lists are sent in chunks small enough to leave room for a query's other parameters.
 */
export const IN_LIST_CHUNK = 1000;

/**
 * Runs `select` once per chunk of the distinct `values` and returns all rows in the order `compare`
 * gives (each chunk comes back sorted on its own, so the whole must be sorted again).
 */
export async function selectInChunks<V, R>(
  values: readonly V[], select: (chunk: V[]) => Promise<R[]>, compare: (a: R, b: R) => number,
): Promise<R[]> {
  const distinct = [...new Set(values)];
  if (distinct.length <= IN_LIST_CHUNK) return select(distinct);
  const rows: R[] = [];
  for (let start = 0; start < distinct.length; start += IN_LIST_CHUNK) rows.push(...(await select(distinct.slice(start, start + IN_LIST_CHUNK))));
  return rows.sort(compare);
}

/** Orders rows by a time (Date, or ISO text as SQLite returns it) and then by id, as the queries do. */
export function byTimeThenId<R extends { id: string }>(time: (row: R) => Date | string): (a: R, b: R) => number {
  const ms = (value: Date | string) => (value instanceof Date ? value.getTime() : Date.parse(value));
  return (a, b) => ms(time(a)) - ms(time(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
