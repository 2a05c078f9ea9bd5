import type { IdTokenClaims } from './id-token.js';
import { invalid, refuseUnknownOptions } from './option-checks.js';
import {
  PROVIDER_OPTIONS,
  resolveProvider,
  type ProviderOptions,
  type ResolvedProvider,
} from './provider-options.js';
import { isLoopbackHttp, secureUrl } from './provider-urls.js';
import type { FreedomIdSession } from './session-cookie.js';
import {
  resolveSessionOptions,
  type ResolvedSession,
  type SessionOptions,
} from './session-options.js';
import type { FreedomIdTokens } from './token-request.js';

/** What the merchant does once the sign-in is validated: start its own session and answer the page. */
export type SignInHandler = (
  claims: IdTokenClaims,
  tokens: FreedomIdTokens,
  request: Request,
) => unknown;

/** The Web-standard handler `createFreedomIdHandler` returns; `basePath` lets adapters pass other paths on. */
export interface FreedomIdHandler {
  (request: Request): Promise<Response>;
  readonly basePath: string;
  /**
   * The request's session, or null when it has none that is valid (none, tampered, foreign,
   * expired, idle too long, sealed under a retired secret, or ended in the store); needs the
   * `session` option. Rejects only with `store_unavailable` when the store does not answer.
   */
  getSession(request: Request): Promise<FreedomIdSession | null>;
}

/** Options of `createFreedomIdHandler`: the provider options plus the binding to the browser. */
export interface FreedomIdHandlerOptions extends ProviderOptions {
  /** The registered redirect URI of your sign-in page, or the list of them; the callback's `Origin` must be one's origin. */
  redirectUri: string | readonly string[];
  /** Encrypts the pending-sign-in cookies: ≥ 32 bytes; a list (newest first) rotates keys. */
  cookieSecret: string | readonly string[];
  /** Where the routes live: `{basePath}/params` and `{basePath}/callback`. Default `/api/freedomid`. */
  basePath?: string;
  /** Bind the sign-in with PKCE S256 as well as the nonce. Default true; false only for a provider that refuses `code_verifier`. */
  pkce?: boolean;
  /** Seconds a pending sign-in (its cookie) lives. Default 600. */
  pendingTtlSeconds?: number;
  /** Called with the validated claims; an object is answered as JSON, a `Response` as is. */
  onSignIn: SignInHandler;
  /** Receives every error behind a 4xx/5xx reply, with its exact cause. Default `console.warn`. */
  onError?: (error: unknown, request: Request) => void;
  /** Keep the user signed in after the callback in an encrypted session cookie: `true`, or settings. Default off. */
  session?: boolean | SessionOptions;
}

/** Every option of {@link FreedomIdHandlerOptions}, checked against it by the compiler. */
const HANDLER_OPTIONS = {
  ...PROVIDER_OPTIONS,
  redirectUri: true,
  cookieSecret: true,
  basePath: true,
  pkce: true,
  pendingTtlSeconds: true,
  onSignIn: true,
  onError: true,
  session: true,
} as const satisfies Record<keyof FreedomIdHandlerOptions, true>;

/** {@link FreedomIdHandlerOptions} checked, with defaults filled in. */
export interface ResolvedHandlerOptions {
  provider: ResolvedProvider;
  redirectUris: readonly string[];
  /** The origins of the redirect URIs: the only `Origin`s a callback may come from. */
  origins: ReadonlySet<string>;
  cookieSecrets: readonly string[];
  /** False only when every redirect URI is plain-http loopback (the sandbox). */
  secureCookie: boolean;
  basePath: string;
  pkce: boolean;
  pendingTtlSeconds: number;
  onSignIn: SignInHandler;
  /** Typed to return anything: an async one's promise is caught. */
  onError: (error: unknown, request: Request) => unknown;
  /** Undefined when sessions are off. */
  session: ResolvedSession | undefined;
}

/** The fewest bytes a cookie secret may have (256 bits). */
export const MIN_SECRET_BYTES = 32;

/** Checks the handler's options at creation and throws `invalid_argument` naming the one to fix. */
export function resolveHandlerOptions(options: FreedomIdHandlerOptions): ResolvedHandlerOptions {
  if (typeof options !== 'object' || (options as unknown) === null) {
    throw invalid(
      undefined,
      'Pass an options object: createFreedomIdHandler({ clientId, clientSecret, ... }).',
    );
  }
  refuseUnknownOptions(options, HANDLER_OPTIONS, 'createFreedomIdHandler');
  const provider = resolveProvider(options);
  const redirectUris = listOption(options.redirectUri, 'redirectUri');
  const urls = redirectUris.map((uri) => secureUrl('redirectUri', uri));
  const cookieSecrets = listOption(options.cookieSecret, 'cookieSecret');
  for (const secret of cookieSecrets) {
    if (new TextEncoder().encode(secret).length < MIN_SECRET_BYTES) {
      throw invalid(
        'cookieSecret',
        `Each cookieSecret must be at least ${MIN_SECRET_BYTES} bytes: generate one with \`openssl rand -base64 32\`.`,
      );
    }
  }
  const { basePath = '/api/freedomid', pkce = true, pendingTtlSeconds = 600 } = options;
  if (typeof basePath !== 'string' || !/^(\/[\w.~-]+)+$/.test(basePath)) {
    throw invalid(
      'basePath',
      `basePath ${JSON.stringify(basePath)} must be a path like "/api/freedomid" (no trailing "/").`,
    );
  }
  if (typeof pkce !== 'boolean') throw invalid('pkce', 'pkce must be true or false.');
  if (!Number.isInteger(pendingTtlSeconds) || pendingTtlSeconds < 60 || pendingTtlSeconds > 3600) {
    throw invalid(
      'pendingTtlSeconds',
      'pendingTtlSeconds must be a whole number of seconds from 60 to 3600, e.g. 600.',
    );
  }
  if (typeof options.onSignIn !== 'function') {
    throw invalid(
      'onSignIn',
      'onSignIn is required: pass (claims, tokens, request) => what the page receives.',
    );
  }
  const { onError = warn } = options;
  if (typeof onError !== 'function') throw invalid('onError', 'onError must be a function.');
  return {
    provider,
    redirectUris,
    origins: new Set(urls.map((url) => url.origin)),
    cookieSecrets,
    secureCookie: !urls.every(isLoopbackHttp),
    basePath,
    pkce,
    pendingTtlSeconds,
    onSignIn: options.onSignIn,
    onError,
    session: resolveSessionOptions(options.session),
  };
}

function listOption(value: unknown, field: string): readonly string[] {
  const list: unknown[] = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every((item) => typeof item === 'string' && item !== '')) {
    throw invalid(field, `${field} is required: pass a non-empty string, or a list of them.`);
  }
  return list as string[];
}

function warn(error: unknown): void {
  console.warn('freedomid-web handler:', error);
}
