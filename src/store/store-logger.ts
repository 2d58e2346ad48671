/** The slice of a structured logger (pino's shape) that the store uses. Never pass report text to it. */
export interface StoreLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface StoreOptions {
  logger?: StoreLogger;
}
