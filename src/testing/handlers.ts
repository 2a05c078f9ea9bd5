import { http, HttpResponse, type HttpHandler } from 'msw';
import {
  FREEDOM_ID_ISSUER,
  invalidCodeEnvelope,
  JWKS_PATH,
  TOKEN_PATH,
  trimIssuer,
} from './freedom-id.js';
import { createSigningKey, kitSigningKey, type SigningKey } from './signing-key.js';
import { answerTokenRequest, type TokenEndpointConfig } from './token-endpoint.js';

/**
 * A failure of Freedom ID's token endpoint, on demand:
 * - `invalid_code`: HTTP 400 `{"error":{"message":"Invalid authorization_code","code":100101}}`;
 * - `http200_error`: the same envelope with HTTP 200, as Freedom ID documents some errors;
 * - `server_error`: HTTP 500 `{"error":{"message":"Server Error"}}`;
 * - `network_error`: the connection fails (fetch rejects);
 * - `slow`: the normal reply, after `delayMs` (default 15000, past `exchangeCode`'s 10 s timeout);
 * - `forged_signature`: a normal reply whose id_token is signed by a key the JWKS does not
 *   publish, under the published kid.
 */
export type FreedomIdFailure =
  'invalid_code' | 'http200_error' | 'server_error' | 'network_error' | 'slow' | 'forged_signature';

/** How {@link freedomIdHandlers} stands in for Freedom ID. */
export interface FreedomIdHandlersOptions {
  /** The client id your backend authenticates with (HTTP Basic). */
  clientId: string;
  /** The client secret your backend authenticates with; a wrong pair gets HTTP 401. */
  clientSecret: string;
  /** The issuer: the id_token's `iss` and the base of both URLs. Default `https://passport.freedompay.kz`. */
  issuer?: string;
  /** Default `issuer + '/api/v1/oidc/token'` (Freedom ID's path). */
  tokenEndpoint?: string;
  /** Default `issuer + '/api/v1/oidc/jwks'` (the kit's path: Freedom ID publishes no JWKS). */
  jwksUri?: string;
  /** Makes the token endpoint fail this way; see {@link FreedomIdFailure}. */
  failWith?: FreedomIdFailure;
  /** Milliseconds every token reply waits. Default 0 (15000 with `failWith: 'slow'`). */
  delayMs?: number;
  /**
   * Claims merged over the id_token's (`iss`, `sub`, `aud`, `exp`, `iat`, `nonce` and the user's
   * released claims); `undefined` removes one. For testing how your backend treats a bad token.
   */
  idTokenClaims?: Readonly<Record<string, unknown>>;
  /** The key that signs id_tokens and that the JWKS publishes. Default one key per page or process. */
  signingKey?: SigningKey;
}

/** How long `failWith: 'slow'` waits by default: longer than `exchangeCode`'s default `timeoutMs`. */
export const SLOW_REPLY_MS = 15_000;

/**
 * MSW request handlers for Freedom ID's token endpoint and a JWKS, for `msw/node` (your
 * backend's tests) and `msw/browser` alike. The token endpoint redeems codes minted by the kit
 * ({@link simulateSignIn}'s callback URLs, or {@link mintCode}) once each, answering tokens and
 * an RS256 id_token whose `nonce` is the sign-in's and whose claims are the test user's; any
 * other code gets Freedom ID's invalid-code envelope.
 *
 * @example
 * const server = setupServer(...freedomIdHandlers({ clientId, clientSecret }));
 * server.use(...freedomIdHandlers({ clientId, clientSecret, failWith: 'http200_error' })); // one test
 */
export function freedomIdHandlers(options: FreedomIdHandlersOptions): HttpHandler[] {
  const resolved = resolveHandlerOptions(options);
  const { failWith, signingKey } = resolved;
  const published = (): Promise<SigningKey> =>
    signingKey === undefined ? kitSigningKey() : Promise.resolve(signingKey);
  let forgedKey: Promise<SigningKey> | undefined;
  const signer =
    failWith === 'forged_signature'
      ? () => (forgedKey ??= published().then(({ kid }) => createSigningKey({ kid })))
      : published;
  // Start making the keys now (RSA key generation takes a while on a busy machine), not at the
  // first request, where it would eat into the timeout of the code under test.
  signer().catch(() => undefined);
  const config: TokenEndpointConfig = {
    clientId: resolved.clientId,
    clientSecret: resolved.clientSecret,
    issuer: resolved.issuer,
    idTokenClaims: resolved.idTokenClaims,
    signingKey: signer,
    redeemed: new Set(),
  };
  return [
    http.post(resolved.tokenEndpoint, async ({ request }) => {
      await wait(resolved.delayMs, request.signal);
      switch (failWith) {
        case 'invalid_code':
          return HttpResponse.json(invalidCodeEnvelope(), { status: 400 });
        case 'http200_error':
          return HttpResponse.json(invalidCodeEnvelope(), { status: 200 });
        case 'server_error':
          return HttpResponse.json({ error: { message: 'Server Error' } }, { status: 500 });
        case 'network_error':
          return HttpResponse.error();
        default: {
          const reply = await answerTokenRequest(request, config);
          return HttpResponse.json(reply.body, {
            status: reply.status,
            headers: { 'cache-control': 'no-store' },
          });
        }
      }
    }),
    http.get(resolved.jwksUri, async () =>
      HttpResponse.json({ keys: [(await published()).publicJwk] }),
    ),
  ];
}

interface ResolvedHandlerOptions {
  clientId: string;
  clientSecret: string;
  issuer: string;
  tokenEndpoint: string;
  jwksUri: string;
  failWith: FreedomIdFailure | undefined;
  delayMs: number;
  idTokenClaims: Readonly<Record<string, unknown>> | undefined;
  signingKey: SigningKey | undefined;
}

const FAILURES: readonly FreedomIdFailure[] = [
  'invalid_code',
  'http200_error',
  'server_error',
  'network_error',
  'slow',
  'forged_signature',
];

function resolveHandlerOptions(options: FreedomIdHandlersOptions): ResolvedHandlerOptions {
  for (const name of ['clientId', 'clientSecret'] as const) {
    if (typeof options[name] !== 'string' || options[name] === '') {
      throw new TypeError(
        `freedomIdHandlers: pass ${name}, the one your backend sends to the token endpoint.`,
      );
    }
  }
  const { failWith, delayMs } = options;
  if (failWith !== undefined && !FAILURES.includes(failWith)) {
    throw new TypeError(
      `freedomIdHandlers: failWith "${failWith}" is not one of ${FAILURES.join(', ')}.`,
    );
  }
  if (delayMs !== undefined && !(Number.isFinite(delayMs) && delayMs >= 0)) {
    throw new TypeError('freedomIdHandlers: delayMs must be a number of milliseconds ≥ 0.');
  }
  const issuer = trimIssuer(options.issuer ?? FREEDOM_ID_ISSUER);
  return {
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    issuer,
    tokenEndpoint: absoluteUrl('tokenEndpoint', options.tokenEndpoint ?? issuer + TOKEN_PATH),
    jwksUri: absoluteUrl('jwksUri', options.jwksUri ?? issuer + JWKS_PATH),
    failWith,
    delayMs: delayMs ?? (failWith === 'slow' ? SLOW_REPLY_MS : 0),
    idTokenClaims: options.idTokenClaims,
    signingKey: options.signingKey,
  };
}

function absoluteUrl(name: string, value: string): string {
  try {
    return new URL(value).href;
  } catch {
    throw new TypeError(`freedomIdHandlers: ${name} "${value}" is not an absolute URL.`);
  }
}

/**
 * Waits `ms`, or less when the caller aborts the request. (Not unref'd: in Node the client's
 * own `AbortSignal.timeout` timer is, and something has to keep the process alive until it fires.)
 */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}
