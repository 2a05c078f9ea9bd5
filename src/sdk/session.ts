import { FreedomIdError } from './errors.js';
import { requestJson } from './http.js';

/** The signed-in session `GET {basePath}/session` of `freedomid-web/server` answers (times in ms since 1970). */
export interface FreedomIdSession {
  /** The user's subject identifier at the provider. */
  sub: string;
  /** What the backend's `onSignIn` returned: the merchant's own data, provider text included (show it as text). */
  data: unknown;
  createdAt: number;
  /** The absolute end of the session. */
  expiresAt: number;
  /** When it ends without a renewal (a read renews it). */
  idleExpiresAt: number;
}

/** What `signOut()` resolves with. */
export interface SignOutResult {
  /** The provider's RP-initiated logout URL, when the backend sent one: send the browser there to end the provider's session too. */
  logoutUrl?: string;
}

/**
 * GETs the session from the merchant backend (cookies sent same-origin): the session, or null when
 * signed out; a reply of another shape is `invalid_response`.
 */
export async function readSession(url: URL): Promise<FreedomIdSession | null> {
  const reply = await requestJson(url.href, { headers: { accept: 'application/json' } });
  const session = field(reply, 'session');
  if (session === null) return null;
  const sub = field(session, 'sub');
  if (typeof sub !== 'string' || sub === '') {
    throw new FreedomIdError(
      'invalid_response',
      `The backend at ${url.href} did not answer { session: { sub, … } | null }: point sessionUrl at the handler's {basePath}/session.`,
    );
  }
  return session as FreedomIdSession;
}

/** POSTs `{}` to the backend's logout route, which clears the session cookie (any 2xx JSON reply without `error`); resolves with its `logoutUrl`, if any. */
export async function postLogout(url: URL): Promise<SignOutResult> {
  const reply = await requestJson(url.href, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: '{}',
  });
  const logoutUrl = field(reply, 'logoutUrl');
  return typeof logoutUrl === 'string' ? { logoutUrl } : {};
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
