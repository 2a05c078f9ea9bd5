import { isFreedomIdServerError, type FreedomIdServerErrorCode } from './errors.js';
import { equalSecrets } from './constant-time.js';
import { exchangeResolved, type ExchangeCodeResult } from './exchange-code.js';
import { jsonResponse, type HandlerErrorCode } from './handler-errors.js';
import {
  resolveHandlerOptions,
  type FreedomIdHandler,
  type FreedomIdHandlerOptions,
  type ResolvedHandlerOptions,
} from './handler-options.js';
import { deriveKeys } from './derive-keys.js';
import { refuse, withCookies } from './handler-reply.js';
import { invalid } from './option-checks.js';
import {
  MAX_PENDING,
  openPendingCookies,
  PENDING_COOKIE_PURPOSE,
  pendingCookieName,
  sealPending,
  setCookie,
  type OpenedCookie,
  type PendingSignIn,
} from './pending-cookie.js';
import { pkceChallenge, randomSecrets } from './random.js';
import { isRecord, parseJson, readBounded } from './read-reply.js';
import { pagePostRefusal } from './same-origin-post.js';
import { publicSession, SESSION_KEY_INFO, type FreedomIdSession } from './session-cookie.js';
import { readSession, startSession } from './session.js';
import { logoutRoute, sessionRoute } from './session-routes.js';
import { revokeRoute } from './revoke-route.js';
import { backchannelRoute } from './backchannel-route.js';

/** The largest callback body read; the SDK's hand-off is well under 4 KB. */
const MAX_CALLBACK_BYTES = 16_384;

/**
 * Returns a Web-standard `(request) => Promise<Response>` handler that binds each sign-in's
 * `state`, `nonce` and PKCE verifier to the browser in an encrypted cookie: `GET {basePath}/params`
 * makes them, `POST {basePath}/callback` exchanges the code with the cookie's values only.
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-2.1.1
 * > [!WARNING] Nothing the browser posts but `code`, `state` and `redirectUri` is used; no server-side store is needed.
 */
export function createFreedomIdHandler(options: FreedomIdHandlerOptions): FreedomIdHandler {
  const config = resolveHandlerOptions(options);
  const keys = deriveKeys(config.cookieSecrets, PENDING_COOKIE_PURPOSE);
  const sessionKeys = deriveKeys(config.cookieSecrets, SESSION_KEY_INFO);
  const { session } = config;
  /** Each route: its method and what answers it; the session routes exist only with the `session` option. */
  const routes: Record<
    string,
    [method: 'GET' | 'POST', answer: (request: Request) => Promise<Response>]
  > = {
    '/params': ['GET', async (request) => params(request, config, await keys)],
    '/callback': [
      'POST',
      async (request) => callback(request, config, await keys, await sessionKeys),
    ],
    ...(session === undefined
      ? {}
      : {
          '/session': [
            'GET',
            async (request) => sessionRoute(request, session, config, await sessionKeys),
          ],
          '/logout': [
            'POST',
            async (request) => logoutRoute(request, session, config, await sessionKeys),
          ],
          '/revoke': ['POST', (request) => revokeRoute(request, session, config)],
          '/backchannel-logout': [
            'POST',
            (request) => backchannelRoute(request, session, config, replyCode),
          ],
        }),
  };
  const handler = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    const route = path.startsWith(`${config.basePath}/`) ? path.slice(config.basePath.length) : '';
    const entry = Object.hasOwn(routes, route) ? routes[route] : undefined;
    if (entry === undefined) return refuse('not_found', undefined, request, config);
    const [method, answer] = entry;
    return request.method === method
      ? answer(request)
      : refuse('method_not_allowed', method, request, config);
  };
  const getSession = async (request: Request): Promise<FreedomIdSession | null> => {
    if (session === undefined) {
      throw invalid(
        'session',
        'getSession needs the session option: createFreedomIdHandler({ session: true, ... }).',
      );
    }
    const read = await readSession(request, session, config, await sessionKeys);
    return read.session === undefined ? null : publicSession(read.session);
  };
  return Object.assign(handler, { basePath: config.basePath, getSession });
}

/** `GET {basePath}/params`: a new pending sign-in, its cookie, and the values the browser sends to the provider. */
async function params(
  request: Request,
  config: ResolvedHandlerOptions,
  keys: readonly CryptoKey[],
): Promise<Response> {
  // A cross-site page could otherwise push this browser's pending sign-ins out (Fetch Metadata).
  if (request.headers.get('sec-fetch-site') === 'cross-site') {
    return refuse('forbidden_origin', undefined, request, config);
  }
  const headers = new Headers();
  const secure = config.secureCookie;
  const { pending, stale } = await openPendingCookies(request.headers.get('cookie'), keys, secure);
  const dropped = pending.slice(0, Math.max(0, pending.length - (MAX_PENDING - 1)));
  for (const name of [...stale, ...dropped.map((cookie) => cookie.name)]) {
    headers.append('set-cookie', setCookie(name, '', 0, secure));
  }
  const [state, nonce, verifier] = randomSecrets(3);
  const codeVerifier = config.pkce ? verifier : undefined;
  const signIn: PendingSignIn = {
    state,
    nonce,
    created: Date.now(),
    ...(codeVerifier === undefined ? {} : { codeVerifier }),
  };
  const sealed = await sealPending(signIn, keys[0], config.pendingTtlSeconds);
  const name = await pendingCookieName(signIn.state, secure);
  headers.append('set-cookie', setCookie(name, sealed, config.pendingTtlSeconds, secure));
  const body =
    codeVerifier === undefined
      ? { state: signIn.state, nonce: signIn.nonce }
      : {
          state: signIn.state,
          nonce: signIn.nonce,
          codeChallenge: await pkceChallenge(codeVerifier),
          codeChallengeMethod: 'S256',
        };
  return jsonResponse(body, 200, headers);
}

/** `POST {basePath}/callback`: checks the request, finds this browser's pending sign-in, exchanges the code. */
async function callback(
  request: Request,
  config: ResolvedHandlerOptions,
  keys: readonly CryptoKey[],
  sessionKeys: readonly CryptoKey[],
): Promise<Response> {
  const refusal = pagePostRefusal(request, config);
  if (refusal !== undefined) return refuse(refusal, undefined, request, config);
  const origin = request.headers.get('origin') ?? '';
  const handOff = parseHandOff(await readBounded(request, MAX_CALLBACK_BYTES), config, origin);
  if (handOff === undefined) return refuse('invalid_request', undefined, request, config);

  const headers = new Headers();
  const secure = config.secureCookie;
  const name = await pendingCookieName(handOff.state, secure);
  const cookies = request.headers.get('cookie');
  const { pending, stale } = await openPendingCookies(cookies, keys, secure, name);
  for (const staleName of stale) headers.append('set-cookie', setCookie(staleName, '', 0, secure));
  const match = findPending(pending, handOff.state);
  if (match === undefined) return refuse('state_mismatch', undefined, request, config, headers);
  // Single use: the cookie is cleared whatever happens next.
  headers.append('set-cookie', setCookie(match.name, '', 0, secure));

  const { nonce, codeVerifier } = match.pending;
  const signIn = { code: handOff.code, redirectUri: handOff.redirectUri, nonce, codeVerifier };
  let exchanged: ExchangeCodeResult;
  try {
    exchanged = await exchangeResolved(signIn, config.provider);
  } catch (error) {
    return refuse(replyCode(error), undefined, request, config, headers, error);
  }
  let reply: Response;
  let data: unknown;
  try {
    const result: unknown = await config.onSignIn(exchanged.claims, exchanged.tokens, request);
    // Built here: a result JSON cannot encode (a BigInt), or a used body, is onSignIn's failure.
    reply =
      result instanceof Response
        ? withCookies(result, headers)
        : jsonResponse(result ?? {}, 200, headers);
    data = result instanceof Response ? null : result;
  } catch (error) {
    return refuse('sign_in_failed', undefined, request, config, headers, error);
  }
  if (config.session !== undefined) {
    const started = new Headers();
    try {
      await startSession(config.session, config, sessionKeys, exchanged, data, started);
    } catch (error) {
      await reply.body?.cancel();
      const code = isFreedomIdServerError(error) ? replyCode(error) : 'sign_in_failed';
      return refuse(code, undefined, request, config, headers, error);
    }
    for (const cookie of started.getSetCookie()) reply.headers.append('set-cookie', cookie);
  }
  return reply;
}

interface HandOff {
  code: string;
  state: string;
  redirectUri: string;
}

/** The hand-off's `code`, `state` and `redirectUri`, or undefined; a posted `nonce` or `codeVerifier` is ignored. */
function parseHandOff(
  text: string | undefined,
  config: ResolvedHandlerOptions,
  origin: string,
): HandOff | undefined {
  const body = text === undefined ? undefined : parseJson(text);
  if (!isRecord(body)) return undefined;
  const { code, state } = body;
  const redirectUri =
    body.redirectUri ?? (config.redirectUris.length === 1 ? config.redirectUris[0] : undefined);
  if (typeof code !== 'string' || code === '' || typeof state !== 'string' || state === '')
    return undefined;
  if (typeof redirectUri !== 'string') return undefined;
  const url = parseUrl(redirectUri);
  // Compared as parsed, as the SDK sends it: "https://shop.example" is "https://shop.example/".
  if (url === undefined || !config.redirectUris.some((uri) => parseUrl(uri)?.href === url.href))
    return undefined;
  if (url.origin !== origin) return undefined;
  return { code, state, redirectUri };
}

/** `value` parsed as an absolute URL, or undefined. */
function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** The pending sign-in whose state equals `state`, compared in constant time with each one. */
function findPending(pending: readonly OpenedCookie[], state: string): OpenedCookie | undefined {
  let match: OpenedCookie | undefined;
  for (const cookie of pending) {
    if (equalSecrets(cookie.pending.state, state)) match = cookie;
  }
  return match;
}

/** The handler's reply for each server error code; {@link replyCode} names the exceptions. */
const REPLY_CODES = {
  invalid_argument: 'configuration_error',
  token_error: 'token_error',
  invalid_response: 'provider_unavailable',
  network_error: 'provider_unavailable',
  timeout: 'provider_timeout',
  invalid_id_token: 'id_token_invalid',
  signature_invalid: 'id_token_invalid',
  issuer_mismatch: 'id_token_invalid',
  audience_mismatch: 'id_token_invalid',
  token_expired: 'id_token_invalid',
  nonce_mismatch: 'id_token_invalid',
  store_unavailable: 'store_unavailable',
} as const satisfies Record<FreedomIdServerErrorCode, HandlerErrorCode>;

/**
 * Maps a failure of discovery, the token request or the id_token checks onto the handler's closed
 * set: {@link REPLY_CODES}, except a provider's 5xx (unavailable), a refused client (401 or
 * `invalid_client`: the merchant's secret) and a discovery document naming another issuer (`field`
 * `issuer`: the merchant's option), which are the server's configuration or the provider's state.
 */
function replyCode(error: unknown): HandlerErrorCode {
  if (!isFreedomIdServerError(error)) throw error;
  const { code, status, providerCode, field } = error;
  if (code === 'token_error' && status !== undefined && status >= 500)
    return 'provider_unavailable';
  if (code === 'token_error' && (status === 401 || providerCode === 'invalid_client'))
    return 'configuration_error';
  if (code === 'issuer_mismatch' && field === 'issuer') return 'configuration_error';
  if (code === 'invalid_response' && field === 'userinfoEndpoint') return 'userinfo_invalid';
  return REPLY_CODES[code];
}
