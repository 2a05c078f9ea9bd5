import { discover } from './discovery.js';
import { jsonResponse } from './handler-errors.js';
import type { ResolvedHandlerOptions } from './handler-options.js';
import { refuse, report } from './handler-reply.js';
import { randomSecrets } from './random.js';
import { isRecord, parseJson, readBounded } from './read-reply.js';
import { pagePostRefusal } from './same-origin-post.js';
import { clearSessionCookie, inStore, readSession, renewSession } from './session.js';
import type { CookieKey, SealedSession } from './session-cookie.js';
import type { ResolvedSession } from './session-options.js';

/** A renewal is written at most this often: reads in between send no `Set-Cookie`. */
export const RENEW_AFTER_MS = 60_000;

/** The largest logout body read: the page posts `{}`. */
const MAX_LOGOUT_BYTES = 1024;

/**
 * `GET {basePath}/session`: `{ session: { sub, data, createdAt, expiresAt, idleExpiresAt } }` for a
 * signed-in browser, renewed (rolling), or `{ session: null }` with a bad cookie cleared.
 */
export async function sessionRoute(
  request: Request,
  settings: ResolvedSession,
  config: ResolvedHandlerOptions,
  keys: readonly CookieKey[],
): Promise<Response> {
  const headers = new Headers();
  let read;
  try {
    read = await readSession(request, settings, config, keys);
  } catch (error) {
    return refuse('store_unavailable', undefined, request, config, headers, error);
  }
  const { session, present } = read;
  if (session === undefined) {
    if (present) headers.append('set-cookie', clearSessionCookie(config.secureCookie));
    return jsonResponse({ session: null }, 200, headers);
  }
  let renewedAt = session.renewedAt;
  if (Date.now() - session.renewedAt >= RENEW_AFTER_MS) {
    const renewed = await renewSession(session, settings, config, keys);
    if (renewed !== undefined) {
      headers.append('set-cookie', renewed);
      renewedAt = Date.now();
    }
  }
  const { sub, data, createdAt, expiresAt } = session;
  const idleExpiresAt = Math.min(expiresAt, renewedAt + settings.idleSeconds * 1000);
  return jsonResponse(
    { session: { sub, data, createdAt, expiresAt, idleExpiresAt } },
    200,
    headers,
  );
}

/**
 * `POST {basePath}/logout`: clears the session cookie and its store entry, and answers
 * `{ signedOut: true }`, with `logoutUrl` when the discovered provider has an `end_session_endpoint`.
 * @see https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout
 */
export async function logoutRoute(
  request: Request,
  settings: ResolvedSession,
  config: ResolvedHandlerOptions,
  keys: readonly CookieKey[],
): Promise<Response> {
  const refusal = pagePostRefusal(request, config);
  if (refusal !== undefined) return refuse(refusal, undefined, request, config);
  const text = await readBounded(request, MAX_LOGOUT_BYTES);
  if (text === undefined || !isRecord(parseJson(text))) {
    return refuse('invalid_request', undefined, request, config);
  }
  const headers = new Headers();
  headers.append('set-cookie', clearSessionCookie(config.secureCookie));
  let session: SealedSession | undefined;
  try {
    // Read without the store: a session already ended there is still this cookie's to sign out.
    ({ session } = await readSession(request, { ...settings, store: undefined }, config, keys));
    const { store } = settings;
    if (session !== undefined && store !== undefined) {
      const { id } = session;
      await inStore(() => store.delete(id));
    }
  } catch (error) {
    return refuse('store_unavailable', undefined, request, config, headers, error);
  }
  const logoutUrl =
    session === undefined ? undefined : await endSessionUrl(session, settings, request, config);
  return jsonResponse(
    { signedOut: true, ...(logoutUrl === undefined ? {} : { logoutUrl }) },
    200,
    headers,
  );
}

/** The provider's RP-initiated logout URL for this session, when discovery names an `end_session_endpoint`. */
async function endSessionUrl(
  session: SealedSession,
  settings: ResolvedSession,
  request: Request,
  config: ResolvedHandlerOptions,
): Promise<string | undefined> {
  if (!config.provider.discovery) return undefined;
  let endpoint: URL | undefined;
  try {
    endpoint = (await discover(config.provider)).endSessionEndpoint;
  } catch (error) {
    // Signed out here all the same; the provider's session is left as it is.
    report(error, request, config);
    return undefined;
  }
  if (endpoint === undefined) return undefined;
  const url = new URL(endpoint);
  url.searchParams.set('client_id', config.provider.clientId);
  if (session.idToken !== undefined) url.searchParams.set('id_token_hint', session.idToken);
  if (settings.postLogoutRedirectUri !== undefined) {
    url.searchParams.set('post_logout_redirect_uri', settings.postLogoutRedirectUri.href);
    url.searchParams.set('state', randomSecrets(1)[0] ?? '');
  }
  return url.href;
}
