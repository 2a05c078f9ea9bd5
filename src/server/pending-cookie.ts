import { EncryptJWT, jwtDecrypt } from 'jose';
import { cookieName } from './cookie-names.js';
import { base64Url } from './random.js';
import { sha256 } from './sha256.js';

/** What one pending sign-in binds to the browser: only the server ever reads it. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  /** The PKCE verifier; absent with `pkce: false`. */
  codeVerifier?: string;
  /** Milliseconds since the epoch when `/params` made it: the oldest is dropped first. */
  created: number;
}

/** A pending sign-in read back from its cookie. */
export interface OpenedCookie {
  name: string;
  pending: PendingSignIn;
}

/** Every pending-sign-in cookie's name starts with this, after `__Host-` when the deployment is secure. */
export const COOKIE_PREFIX = 'freedomid_';

/** At most this many sign-ins are pending per browser (tabs); a new one drops the oldest. */
export const MAX_PENDING = 5;

/** Cookies of ours `/params` tries to open at most: junk past them only delays dropping old ones, which expire anyway. */
const MAX_OPENED = 4 * MAX_PENDING;

/** Clearing `Set-Cookie` headers per reply at most. */
const MAX_CLEARED = 2 * MAX_PENDING;

/** What `sealPending` makes: the fixed `{"alg":"dir","enc":"A256GCM"}` header, no key, a 96-bit IV, a bounded ciphertext, a 128-bit tag. */
const SEALED_SHAPE =
  /^eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0\.\.[\w-]{16}\.[\w-]{1,1024}\.[\w-]{22}$/;

/** The HKDF purpose of the pending cookies' keys (HKDF info, see derive-keys.ts); changing it invalidates every pending cookie. */
export const PENDING_COOKIE_PURPOSE = 'pending sign-in cookie A256GCM';

/**
 * The cookie name of the pending sign-in with this `state`: the callback then opens only the cookie
 * named for the posted state, so no number of other cookies can hide it.
 */
export async function pendingCookieName(state: string, secure: boolean): Promise<string> {
  return `${cookieName(COOKIE_PREFIX, secure)}${base64Url(await sha256(state)).slice(0, 16)}`;
}

/**
 * Encrypts a pending sign-in as a JWE (`dir`, `A256GCM`) under the newest key, expiring with its cookie.
 * @see https://www.rfc-editor.org/rfc/rfc7516
 */
export function sealPending(
  pending: PendingSignIn,
  key: CryptoKey,
  ttlSeconds: number,
): Promise<string> {
  return new EncryptJWT({ ...pending })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt(Math.floor(pending.created / 1000))
    .setExpirationTime(Math.floor(pending.created / 1000) + ttlSeconds)
    .encrypt(key);
}

/**
 * Reads the pending sign-ins from the `Cookie` header: with `onlyName`, only the cookies of that
 * name (the callback's); cookies of ours that are malformed, unreadable or expired are listed in
 * `stale`. Only well-shaped cookies are ever decrypted, at most {@link MAX_OPENED} per request.
 */
export async function openPendingCookies(
  cookieHeader: string | null,
  keys: readonly CryptoKey[],
  secure: boolean,
  onlyName?: string,
): Promise<{ pending: OpenedCookie[]; stale: string[] }> {
  const pending: OpenedCookie[] = [];
  const stale: string[] = [];
  let opened = 0;
  for (const [name, value] of ourCookies(cookieHeader, cookieName(COOKIE_PREFIX, secure))) {
    if (!SEALED_SHAPE.test(value)) {
      stale.push(name);
      continue;
    }
    if ((onlyName !== undefined && name !== onlyName) || opened === MAX_OPENED) continue;
    opened += 1;
    const sealed = await openOne(value, keys);
    if (sealed === undefined) stale.push(name);
    else pending.push({ name, pending: sealed });
  }
  pending.sort((a, b) => a.pending.created - b.pending.created);
  return { pending, stale: [...new Set(stale)].slice(0, MAX_CLEARED) };
}

async function openOne(
  value: string,
  keys: readonly CryptoKey[],
): Promise<PendingSignIn | undefined> {
  for (const key of keys) {
    try {
      const { payload } = await jwtDecrypt(value, key, { clockTolerance: 0 });
      const { state, nonce, codeVerifier, created } = payload;
      if (typeof state !== 'string' || typeof nonce !== 'string' || typeof created !== 'number') {
        return undefined;
      }
      return {
        state,
        nonce,
        created,
        ...(typeof codeVerifier === 'string' ? { codeVerifier } : {}),
      };
    } catch {
      // Another key (rotation), or a cookie expired, altered or made with a retired secret.
    }
  }
  return undefined;
}

/** The `name=value` pairs of the `Cookie` header named `prefix` + 16 characters, as {@link pendingCookieName} names them. */
function ourCookies(header: string | null, prefix: string): [string, string][] {
  const found: [string, string][] = [];
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    const name = part.slice(0, separator).trim();
    if (separator < 0 || !name.startsWith(prefix) || !/^[\w-]{16}$/.test(name.slice(prefix.length)))
      continue;
    found.push([name, part.slice(separator + 1).trim()]);
  }
  return found;
}

/**
 * A `Set-Cookie` value: HttpOnly, SameSite=Lax, `Path=/`, Secure unless the pages are plain-http
 * loopback (with the `__Host-` name, see {@link cookieName}). `maxAge` 0 deletes the cookie.
 * @see https://www.rfc-editor.org/rfc/rfc6265#section-4.1
 */
export function setCookie(name: string, value: string, maxAge: number, secure: boolean): string {
  return `${name}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}
