import type { JWTPayload } from 'jose';
import { providerEndpoints } from './endpoints.js';
import { FreedomIdServerError, isFreedomIdServerError } from './errors.js';
import type { ResolvedProvider } from './provider-options.js';
import { verifySignature } from './signature.js';

/** The event a logout token must carry (Back-Channel Logout 1.0 §2.4). */
export const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/** What a valid logout token names: the provider's session, its user, or both. */
export interface LogoutTarget {
  sid?: string;
  sub?: string;
  /** Used once: the store remembers it until the token expires. */
  jti: string;
  /** Milliseconds since the epoch when the token expires. */
  expiresAt: number;
}

/**
 * Validates a logout token: signature with the provider's JWKS and `idTokenSigningAlg` only, `iss`
 * exactly, `aud` (and `azp`) the client id, `iat` and `exp`, a `jti`, the back-channel logout
 * event, `sid` and/or `sub`, and no `nonce`; throws `invalid_id_token` (or the signature's code).
 * @see https://openid.net/specs/openid-connect-backchannel-1_0.html#Validation
 */
export async function validateLogoutToken(
  token: string,
  provider: ResolvedProvider,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): Promise<LogoutTarget> {
  const { jwksUri } = await providerEndpoints(provider);
  if (jwksUri === undefined) {
    throw new FreedomIdServerError(
      'invalid_argument',
      'Back-channel logout needs the provider’s keys: turn discovery on, or set jwksUri.',
      { field: 'jwksUri' },
    );
  }
  let payload: JWTPayload;
  try {
    payload = await verifySignature(token, jwksUri, provider);
  } catch (error) {
    if (isFreedomIdServerError(error) && error.code === 'invalid_id_token')
      throw refused(error.message);
    throw error;
  }
  const { iss, aud, azp, iat, exp, jti, sid, sub, events, nonce } = payload as JWTPayload &
    Record<string, unknown>;
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : [];
  const skew = provider.clockSkewSeconds;
  if (iss !== provider.issuer)
    throw refused(`its iss ${JSON.stringify(iss)} is not "${provider.issuer}"`);
  if (
    !audiences.includes(provider.clientId) ||
    (audiences.length > 1 && azp !== provider.clientId)
  ) {
    throw refused(`its aud ${JSON.stringify(aud)} is not clientId "${provider.clientId}"`);
  }
  if (typeof iat !== 'number' || iat > nowSeconds + skew)
    throw refused('its iat is missing or in the future');
  if (typeof exp !== 'number') throw refused('it has no exp');
  if (typeof jti !== 'string' || jti === '') throw refused('it has no jti');
  const event =
    typeof events === 'object' && events !== null
      ? (events as Record<string, unknown>)[BACKCHANNEL_LOGOUT_EVENT]
      : undefined;
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw refused(`its events claim lacks ${BACKCHANNEL_LOGOUT_EVENT}`);
  }
  if (nonce !== undefined) throw refused('it carries a nonce (an id_token is not a logout token)');
  const hasSid = typeof sid === 'string' && sid !== '';
  const hasSub = typeof sub === 'string' && sub !== '';
  if (!hasSid && !hasSub) throw refused('it names neither sid nor sub');
  return { ...(hasSid ? { sid } : {}), ...(hasSub ? { sub } : {}), jti, expiresAt: exp * 1000 };
}

function refused(why: string): FreedomIdServerError {
  return new FreedomIdServerError('invalid_id_token', `The logout token was refused: ${why}.`);
}
