import { randomUUID } from 'node:crypto';

// What a request log line may say about the request itself: a request id and a path, never a secret
// the client put into either.

/** A client's request id is taken only if it is a short plain token. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** base64url of `{"`: the start of a JWT (a bearer token sent in the wrong header is still a secret). */
const JWT_START = /^eyJ/;

/** The client's `x-request-id` when it is a short safe token, otherwise a fresh id. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && SAFE_REQUEST_ID.test(header) && !JWT_START.test(header) ? header : randomUUID();
}

/** A segment this long could be a capability (an export token or any other opaque key). */
const MAX_SEGMENT = 15;
const MAX_PATH = 200;

/**
 * The path as the log may show it: with the pattern of the route that answered in place of the path's
 * matching end (so that `/exports/<token>/incidents.csv` is logged as `/exports/:token/incidents.csv`),
 * and in any case with every long segment replaced, so that a token in an unknown or mistyped path
 * stays out too.
 */
export function loggedPath(path: string, routePattern?: unknown): string {
  const segments = path.replace(/(.)\/+$/, '$1').split('/').map((s) => (s.length > MAX_SEGMENT ? ':token' : s));
  if (typeof routePattern === 'string' && /^[\w/:.-]*$/.test(routePattern)) {
    const pattern = routePattern.split('/').filter((s) => s !== '');
    if (pattern.length < segments.length) segments.splice(segments.length - pattern.length, pattern.length, ...pattern);
  }
  return segments.join('/').slice(0, MAX_PATH);
}
