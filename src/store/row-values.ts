// Drivers hand back the same column in different shapes; these turn either shape into the domain's.

/** SQLite returns the ISO-8601 text the adapter wrote; SQL Server returns a Date (DATETIME2, read as UTC). */
export function toDate(value: Date | string): Date {
  const date = value instanceof Date ? new Date(value.getTime()) : new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error('A stored time is not a valid date');
  return date;
}

/** SQLite returns YYYY-MM-DD text; SQL Server returns a DATE as a Date at UTC midnight. */
export function toCalendarDay(value: Date | string): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value.slice(0, 10);
}

export function toCalendarDayOrNull(value: Date | string | null): string | null {
  return value === null ? null : toCalendarDay(value);
}

/** Narrows a stored code to its vocabulary; a code outside it means the data and the app disagree. */
export function toCode<T extends string>(list: readonly T[], value: string, column: string): T {
  if (!(list as readonly string[]).includes(value)) {
    throw new Error(`Stored ${column} "${value}" is not in the vocabulary`);
  }
  return value as T;
}
