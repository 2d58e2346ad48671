/**
 * A Map that holds at most `max` entries, for what the bot remembers per user or conversation (last seen,
 * the last profile save, the member directory, prepared statements): past `max`, the entry set or read
 * longest ago goes first, so that memory stays bounded however many users come (issue 14) while the busy
 * ones stay remembered.
 */
export class RecentEntries<K, V> {
  private readonly entries = new Map<K, V>();
  private readonly max: number;

  constructor(max: number) {
    this.max = Math.max(1, Math.trunc(max));
  }

  /** The entry, which then counts as the most recent. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Set again: a Map iterates in insertion order, so its first key is the one used longest ago.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as K);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
