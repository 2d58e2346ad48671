/**
 * A row limit is written into SQL Server's TOP as a literal (see mssql-query-compiler), so it must be
 * a plain non-negative integer; anything else is a programming error.
 */
export function checkedLimit(limit: number): number {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`Invalid row limit: ${limit}`);
  return limit;
}
