/** Structured events from use cases: ids, codes and counts only, never report text or names. */
export interface EventLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export const silentLog: EventLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
