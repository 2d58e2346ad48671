import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { AllowedTenants } from '../../config/config';

/** Who calls the tab's API, as the token alone says: the tenant and the user's Entra object id. */
export interface TabIdentity {
  tenantId: string;
  userId: string;
}

export interface TabTokenSettings {
  /** The app id the tokens are issued for; '' (local mode) accepts none. */
  appId: string;
  /** The tab's public host (PUBLIC_BASE_URL), for the api://<host>/<app id> audience. */
  publicHost: string | null;
  jwksUrl: string;
  /** Issuer templates with {tenantid}, e.g. https://login.microsoftonline.com/{tenantid}/v2.0. */
  issuers: string[];
  allowedTenants: AllowedTenants;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Checks a Teams single sign-on token (`authentication.getAuthToken()`) with jose: RS256 signature by
 * a key of the issuer's JWKS, not expired (two minutes of clock skew), audience this app (its id, or
 * api://<host>/<id> and api://<host>/botid-<id>), issuer the token's own tenant in the v2 or v1 form,
 * and that tenant allowed. Anything else: null, and the caller answers 401 without data.
 */
export function tabTokenVerifier(s: TabTokenSettings, keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(s.jwksUrl))) {
  const audiences = s.appId === '' ? [] : [
    s.appId,
    ...(s.publicHost ? [`api://${s.publicHost}/${s.appId}`, `api://${s.publicHost}/botid-${s.appId}`] : []),
  ];
  const tenantAllowed = (tid: string) => s.allowedTenants.any || s.allowedTenants.ids.includes(tid);

  return async (authorization: string | undefined): Promise<TabIdentity | null> => {
    const token = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization ?? '')?.[1];
    if (!token || audiences.length === 0) return null;
    try {
      // The issuer names the tenant: read it unverified only to know which issuer to demand.
      const claimed = decodeJwt(token).tid;
      const tid = typeof claimed === 'string' ? claimed.toLowerCase() : '';
      if (!GUID.test(tid) || !tenantAllowed(tid)) return null;
      const { payload } = await jwtVerify(token, keys, {
        algorithms: ['RS256'], audience: audiences, clockTolerance: 120,
        issuer: s.issuers.map((template) => template.replace('{tenantid}', tid)),
        requiredClaims: ['exp', 'oid', 'tid'],
      });
      const oid = typeof payload.oid === 'string' ? payload.oid.toLowerCase() : '';
      return GUID.test(oid) && payload.tid === claimed ? { tenantId: tid, userId: oid } : null;
    } catch {
      return null;
    }
  };
}
