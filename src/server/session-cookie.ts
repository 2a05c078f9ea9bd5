import { EncryptJWT, jwtDecrypt } from 'jose';
import { cookieName } from './cookie-names.js';
import { isRecord } from './read-reply.js';

/** A key `deriveKeys` makes for the session cookie. */
export type CookieKey = CryptoKey;

/** The HKDF purpose (info) of the session cookie's keys (see derive-keys.ts): distinct from the pending sign-in's, so neither cookie opens as the other. */
export const SESSION_KEY_INFO = 'session cookie A256GCM';

/** The session cookie's name, after `__Host-` when the deployment is secure. */
export const SESSION_COOKIE = 'freedomid_session';

/** The longest sealed session a cookie may hold; browsers keep about 4096 bytes per cookie, name and attributes included. */
export const MAX_SESSION_COOKIE_CHARS = 3800;

/** What `sealSession` makes: the fixed `{"alg":"dir","enc":"A256GCM"}` header, no key, a 96-bit IV, a bounded ciphertext, a 128-bit tag. */
const SEALED_SHAPE =
  /^eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0\.\.[\w-]{16}\.[\w-]{1,3700}\.[\w-]{22}$/;

/** A signed-in user's session, as the handler's `getSession(request)` returns it. */
export interface FreedomIdSession {
  /** The random session id (256 bits); the store's key. */
  id: string;
  /** The id_token's `sub`. */
  sub: string;
  /** What `onSignIn` returned (`null` when it returned a `Response` or nothing). */
  data: unknown;
  /** Milliseconds since the epoch: the sign-in. */
  createdAt: number;
  /** Milliseconds since the epoch: the last renewal. */
  renewedAt: number;
  /** Milliseconds since the epoch: the end of the absolute lifetime. */
  expiresAt: number;
}

/** The session as sealed in its cookie: the public fields, plus the id_token for RP-initiated logout. */
export interface SealedSession extends FreedomIdSession {
  idToken?: string;
}

/** The session cookie's name for this deployment (see {@link cookieName}). */
export function sessionCookieName(secure: boolean): string {
  return cookieName(SESSION_COOKIE, secure);
}

/**
 * Encrypts a session as a JWE (`dir`, `A256GCM`) under the newest key, expiring at its absolute
 * end; undefined when it is too large for a cookie.
 * @see https://www.rfc-editor.org/rfc/rfc7516
 */
export async function sealSession(
  session: SealedSession,
  key: CookieKey,
): Promise<string | undefined> {
  const sealed = await new EncryptJWT({ ...session })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt(Math.floor(session.createdAt / 1000))
    .setExpirationTime(Math.floor(session.expiresAt / 1000))
    .encrypt(key);
  return sealed.length <= MAX_SESSION_COOKIE_CHARS ? sealed : undefined;
}

/**
 * The session in the `Cookie` header, or undefined when there is none that is well-shaped, opens
 * under a current key, and is within its absolute and inactivity lifetimes; `present` says whether
 * a cookie of that name was sent at all (so a bad one can be cleared).
 */
export async function openSessionCookie(
  cookieHeader: string | null,
  keys: readonly CookieKey[],
  secure: boolean,
  idleSeconds: number,
  now: number = Date.now(),
): Promise<{ session: SealedSession | undefined; present: boolean }> {
  const name = sessionCookieName(secure);
  let present = false;
  for (const part of (cookieHeader ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0 || part.slice(0, separator).trim() !== name) continue;
    present = true;
    const value = part.slice(separator + 1).trim();
    if (!SEALED_SHAPE.test(value)) continue;
    const session = await openOne(value, keys);
    if (
      session !== undefined &&
      session.expiresAt > now &&
      session.renewedAt + idleSeconds * 1000 > now
    ) {
      return { session, present };
    }
  }
  return { session: undefined, present };
}

async function openOne(
  value: string,
  keys: readonly CookieKey[],
): Promise<SealedSession | undefined> {
  for (const key of keys) {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtDecrypt(value, key, { clockTolerance: 0 }));
    } catch {
      // Another key (rotation), or a cookie expired, altered, foreign or made with a retired secret.
      continue;
    }
    const { id, sub, data, createdAt, renewedAt, expiresAt, idToken } = payload;
    if (
      typeof id !== 'string' ||
      typeof sub !== 'string' ||
      typeof createdAt !== 'number' ||
      typeof renewedAt !== 'number' ||
      typeof expiresAt !== 'number' ||
      (idToken !== undefined && typeof idToken !== 'string')
    ) {
      return undefined;
    }
    return {
      id,
      sub,
      data: isRecord(payload) && 'data' in payload ? data : null,
      createdAt,
      renewedAt,
      expiresAt,
      ...(typeof idToken === 'string' ? { idToken } : {}),
    };
  }
  return undefined;
}

/** The public fields of a sealed session: its id_token stays on the server. */
export function publicSession({
  id,
  sub,
  data,
  createdAt,
  renewedAt,
  expiresAt,
}: SealedSession): FreedomIdSession {
  return { id, sub, data, createdAt, renewedAt, expiresAt };
}
