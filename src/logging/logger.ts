import pino from 'pino';
import { contextValue, REQUEST_ID } from './request-context';

export type Logger = pino.Logger;

/**
 * Structured JSON logs. Report text never belongs in a log: callers log ids and codes only, and the
 * redact list is a second line of defence for fields that could carry personal data or secrets.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'trygghetsboten' },
      // Every line written while a request is being handled names that request. A new object each time:
      // pino merges each line's fields into the mixin's object, which would carry one line's fields into the next.
      mixin: () => {
        const requestId = contextValue(REQUEST_ID);
        return requestId === undefined ? {} : { requestId };
      },
      redact: {
        paths: ['*.password', '*.authorization', 'req.headers.authorization', '*.text', '*.description', '*.notes', '*.name'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
