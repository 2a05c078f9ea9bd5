import { EncryptJWT, jwtDecrypt } from 'jose';
import { randomSecret } from './random.js';

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

/** Every pending-sign-in cookie's name starts with this. */
export const COOKIE_PREFIX = 'freedomid_';

/** At most this many sign-ins are pending per browser (tabs); a new one drops the oldest. */
export const MAX_PENDING = 5;

/** Cookies of ours read per request at most, so a flood of junk cookies costs nothing. */
const MAX_READ = 2 * MAX_PENDING;

/**
 * Derives one AES-256-GCM key per cookie secret with HKDF-SHA-256, so the secret itself never
 * encrypts anything and a key is good for nothing but these cookies.
 * @see https://www.rfc-editor.org/rfc/rfc5869
 */
export async function deriveCookieKeys(secrets: readonly string[]): Promise<Uint8Array[]> {
  return Promise.all(
    secrets.map(async (secret) => {
      const material = await crypto.subtle.importKey(
        'raw',
        new TextEncoder().encode(secret),
        'HKDF',
        false,
        ['deriveBits'],
      );
      const bits = await crypto.subtle.deriveBits(
        {
          name: 'HKDF',
          hash: 'SHA-256',
          salt: new TextEncoder().encode('freedomid-web'),
          info: new TextEncoder().encode('pending sign-in cookie A256GCM'),
        },
        material,
        256,
      );
      return new Uint8Array(bits);
    }),
  );
}

/** A fresh cookie name for one pending sign-in. */
export function newCookieName(): string {
  return `${COOKIE_PREFIX}${randomSecret().slice(0, 16)}`;
}

/**
 * Encrypts a pending sign-in as a JWE (`dir`, `A256GCM`) under the newest key, expiring with its cookie.
 * @see https://www.rfc-editor.org/rfc/rfc7516
 */
export function sealPending(
  pending: PendingSignIn,
  key: Uint8Array,
  ttlSeconds: number,
): Promise<string> {
  return new EncryptJWT({ ...pending })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt(Math.floor(pending.created / 1000))
    .setExpirationTime(Math.floor(pending.created / 1000) + ttlSeconds)
    .encrypt(key);
}

/** Reads the pending sign-ins from the `Cookie` header; unreadable or expired ones are listed in `stale`. */
export async function openPendingCookies(
  cookieHeader: string | null,
  keys: readonly Uint8Array[],
): Promise<{ pending: OpenedCookie[]; stale: string[] }> {
  const pending: OpenedCookie[] = [];
  const stale: string[] = [];
  for (const [name, value] of ourCookies(cookieHeader)) {
    const opened = await openOne(value, keys);
    if (opened === undefined) stale.push(name);
    else pending.push({ name, pending: opened });
  }
  pending.sort((a, b) => a.pending.created - b.pending.created);
  return { pending, stale };
}

async function openOne(
  value: string,
  keys: readonly Uint8Array[],
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

/** The `name=value` pairs of the `Cookie` header whose name is one of ours, at most {@link MAX_READ}. */
function ourCookies(header: string | null): [string, string][] {
  const found: [string, string][] = [];
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    const name = part.slice(0, separator).trim();
    if (separator < 0 || !name.startsWith(COOKIE_PREFIX) || !/^[\w-]+$/.test(name)) continue;
    found.push([name, part.slice(separator + 1).trim()]);
    if (found.length === MAX_READ) break;
  }
  return found;
}

/** Where and how a pending-sign-in cookie is set. */
export interface CookieScope {
  basePath: string;
  secure: boolean;
}

/**
 * A `Set-Cookie` value: HttpOnly, SameSite=Lax, scoped to the handler's path, Secure unless the
 * pages are plain-http loopback. `maxAge` 0 deletes the cookie.
 * @see https://www.rfc-editor.org/rfc/rfc6265#section-4.1
 */
export function setCookie(name: string, value: string, maxAge: number, scope: CookieScope): string {
  return `${name}=${value}; Path=${scope.basePath}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${scope.secure ? '; Secure' : ''}`;
}
