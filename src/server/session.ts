import { FreedomIdServerError } from './errors.js';
import type { ExchangeCodeResult } from './exchange-code.js';
import type { ResolvedHandlerOptions } from './handler-options.js';
import { setCookie } from './pending-cookie.js';
import { randomSecrets } from './random.js';
import {
  openSessionCookie,
  sealSession,
  sessionCookieName,
  type CookieKey,
  type SealedSession,
} from './session-cookie.js';
import type { ResolvedSession } from './session-options.js';
import type { SessionRecord } from './session-store.js';

/** A session read from a request: the session, and whether a cookie of its name was sent (to clear a bad one). */
export interface ReadSession {
  session: SealedSession | undefined;
  present: boolean;
}

/**
 * Starts the session of a completed sign-in: saves it in the store (when there is one), then seals
 * its cookie into `headers`; throws `store_unavailable` before any cookie is set when the store fails.
 */
export async function startSession(
  settings: ResolvedSession,
  config: ResolvedHandlerOptions,
  keys: readonly CookieKey[],
  { claims, tokens }: ExchangeCodeResult,
  data: unknown,
  headers: Headers,
): Promise<void> {
  const now = Date.now();
  const session: SealedSession = {
    id: randomSecrets(1)[0] ?? '',
    sub: claims.sub,
    data: data ?? null,
    createdAt: now,
    renewedAt: now,
    expiresAt: now + settings.absoluteSeconds * 1000,
    // Kept only for RP-initiated logout's id_token_hint, which only a discovered provider offers.
    ...(config.provider.discovery ? { idToken: tokens.id_token } : {}),
  };
  const sealed = await sealSession(session, keys[0]);
  if (sealed === undefined) {
    throw new Error(
      "onSignIn's result is too large for the session cookie (about 2.5 KB of JSON at most): return only what the page needs, e.g. { user: { sub, name } }.",
    );
  }
  if (settings.store !== undefined) {
    const record: SessionRecord = {
      id: session.id,
      sub: session.sub,
      ...(typeof claims.sid === 'string' ? { sid: claims.sid } : {}),
      tokenIds: tokenIds(claims, tokens),
      expiresAt: session.expiresAt,
    };
    await inStore(() => settings.store?.set(record));
  }
  headers.append(
    'set-cookie',
    sessionSetCookie(sealed, session, settings, config.secureCookie, now),
  );
}

/** Every id the token reply or the id_token carries that a provider's revoke call may name. */
function tokenIds(claims: Record<string, unknown>, tokens: object): string[] {
  const reply = tokens as Record<string, unknown>;
  const ids = [reply.id, reply.token_id, claims.jti]
    .filter((id) => typeof id === 'string' || typeof id === 'number')
    .map(String)
    .filter((id) => id !== '');
  return [...new Set(ids)];
}

/** The request's session: its cookie opened and within both lifetimes, and (with a store) not ended there. */
export async function readSession(
  request: Request,
  settings: ResolvedSession,
  config: ResolvedHandlerOptions,
  keys: readonly CookieKey[],
): Promise<ReadSession> {
  const opened = await openSessionCookie(
    request.headers.get('cookie'),
    keys,
    config.secureCookie,
    settings.idleSeconds,
  );
  const { session } = opened;
  if (session === undefined || settings.store === undefined) return opened;
  const { store } = settings;
  const record = await inStore(() => store.get(session.id));
  return { session: record?.sub === session.sub ? session : undefined, present: true };
}

/** The session cookie renewed now (rolling inactivity lifetime), or undefined when it is too large. */
export async function renewSession(
  session: SealedSession,
  settings: ResolvedSession,
  config: ResolvedHandlerOptions,
  keys: readonly CookieKey[],
): Promise<string | undefined> {
  const now = Date.now();
  const renewed = { ...session, renewedAt: now };
  const sealed = await sealSession(renewed, keys[0]);
  return sealed === undefined
    ? undefined
    : sessionSetCookie(sealed, renewed, settings, config.secureCookie, now);
}

/** The `Set-Cookie` of a sealed session, living until the sooner of its two ends. */
function sessionSetCookie(
  sealed: string,
  session: SealedSession,
  settings: ResolvedSession,
  secure: boolean,
  now: number,
): string {
  const remaining = Math.floor((session.expiresAt - now) / 1000);
  return setCookie(
    sessionCookieName(secure),
    sealed,
    Math.min(settings.idleSeconds, remaining),
    secure,
  );
}

/** The `Set-Cookie` that deletes the session cookie. */
export function clearSessionCookie(secure: boolean): string {
  return setCookie(sessionCookieName(secure), '', 0, secure);
}

/** Runs one store call, turning any failure into `store_unavailable`. */
export async function inStore<T>(call: () => Promise<T> | undefined): Promise<T | undefined> {
  try {
    return await call();
  } catch (cause) {
    throw new FreedomIdServerError(
      'store_unavailable',
      `The session store failed (${cause instanceof Error ? cause.message : String(cause)}): check that it is running and reachable.`,
      { cause },
    );
  }
}
