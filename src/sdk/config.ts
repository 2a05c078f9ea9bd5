import { FREEDOM_ID_ISSUER } from '../freedom-id.js';
import { fetchAuthParams, type AuthParamsSupplier } from './auth-params.js';
import { FreedomIdError, invalidConfig } from './errors.js';
import { assignLocation, currentPage } from './navigator.js';
import { isStorageLike, type StorageOption } from './request-store.js';
import { normalizeScope } from './scope.js';
import { parseEndpointUrl, parseHttpUrl } from './url-rules.js';

/** @deprecated Use {@link FREEDOM_ID_ISSUER}: the same value, under the one name the SDK, server and testing kit share. */
export const DEFAULT_AUTHORITY = FREEDOM_ID_ISSUER;

/** The name the SDK's messages give the provider unless `providerName` says otherwise. */
export const DEFAULT_PROVIDER_NAME = 'Freedom ID';

/** How long a started sign-in may take before its stored request is refused and swept. */
export const DEFAULT_STATE_TTL_SECONDS = 600;

/** How long a sign-in popup may stay open: five minutes. */
export const DEFAULT_POPUP_TIMEOUT_MS = 300_000;

/** Sends the browser to the authorization URL; replace it to open a popup, or to capture the URL in tests. */
export type Navigate = (url: URL) => void | Promise<void>;

/** What a merchant page passes to {@link FreedomIdClient}; only `clientId` is required. */
export interface FreedomIdConfig {
  /** The client id Freedom ID support issued to the merchant (a UUID). */
  clientId: string;
  /** Where Freedom ID sends the user back; must be registered with Freedom ID exactly as written here. Default: this page's origin and path. */
  redirectUri?: string;
  /** Space-separated grants; `openid` is added when missing. Default `'openid'`. */
  scope?: string;
  /** The provider's issuer (oidc-client-ts's word: authority), compared exactly as written with the callback's `iss` (RFC 9207). Default {@link FREEDOM_ID_ISSUER}. */
  authority?: string;
  /** The provider's authorization endpoint. Default `authority + '/openid'` (Freedom ID's path). */
  authorizationEndpoint?: string;
  /** The provider's name in the SDK's messages. Default `'Freedom ID'`. */
  providerName?: string;
  /** Adds a PKCE S256 challenge to the request (RFC 7636); the backend then sends `code_verifier`. */
  pkce?: boolean;
  /** Where pending requests are kept between the redirect and the callback. Default `'session'`. */
  storage?: StorageOption;
  /** Age in seconds after which a stored request is refused and swept. Default 600. */
  stateTtlSeconds?: number;
  /** Performs the redirect. Default: `location.assign(url)`. */
  navigate?: Navigate;
  /** Gets `state` and `nonce` from the merchant backend instead of making them in the browser. */
  authParams?: AuthParamsSupplier;
  /** Shorthand for `authParams: () => fetchAuthParams(paramsUrl)`: an http(s) URL, relative ones resolved against this page. */
  paramsUrl?: string | URL;
  /** Where `sendToBackend(result)` POSTs when given no URL: an http(s) URL, relative ones resolved against this page. */
  backendUrl?: string | URL;
  /** The backend's `GET {basePath}/session` (an http(s) URL, relative ones resolved against this page): enables `getSession`, `signOut` (which POSTs to `logout` beside it) and `onSessionChange`. */
  sessionUrl?: string | URL;
  /** Milliseconds a sign-in popup may stay open before `signInPopup` gives up with `timeout`. Default 300000. */
  popupTimeoutMs?: number;
  /** Lets `prepare()` ask the backend for a sign-in's values and preconnect to the provider before the click. Default true; false: no request before the click. */
  prepare?: boolean;
}

/** A configuration that passed {@link resolveConfig}: every default filled in, URLs parsed. */
export interface ResolvedConfig {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: string;
  readonly authority: string;
  readonly authorizationEndpoint: URL;
  readonly providerName: string;
  readonly pkce: boolean;
  readonly storage: StorageOption;
  readonly stateTtlSeconds: number;
  readonly navigate: Navigate;
  readonly authParams: AuthParamsSupplier | undefined;
  /** The configured `backendUrl`, as written (checked to be an http(s) URL). */
  readonly backendUrl: string | URL | undefined;
  /** The configured `sessionUrl`, resolved against the page. */
  readonly sessionUrl: URL | undefined;
  readonly popupTimeoutMs: number;
  readonly prepare: boolean;
}

/** Every option of {@link FreedomIdConfig}, checked against it by the compiler: a new option is listed or the build fails. */
const OPTIONS = {
  clientId: true,
  redirectUri: true,
  scope: true,
  authority: true,
  authorizationEndpoint: true,
  providerName: true,
  pkce: true,
  storage: true,
  stateTtlSeconds: true,
  navigate: true,
  authParams: true,
  paramsUrl: true,
  backendUrl: true,
  sessionUrl: true,
  popupTimeoutMs: true,
  prepare: true,
} as const satisfies Record<keyof FreedomIdConfig, true>;
const KNOWN_KEYS: ReadonlySet<string> = new Set(Object.keys(OPTIONS));
const SECRET_KEYS = new Set(['clientSecret', 'client_secret', 'secret']);

/** Checks a configuration once, up front, and throws `invalid_config` naming the field to fix. */
export function resolveConfig(config: FreedomIdConfig): ResolvedConfig {
  if (typeof config !== 'object' || (config as unknown) === null) {
    throw new FreedomIdError(
      'invalid_config',
      'Pass a configuration object: new FreedomIdClient({ clientId, redirectUri }).',
    );
  }
  for (const key of Object.keys(config)) {
    if (SECRET_KEYS.has(key)) {
      throw invalidConfig(
        key,
        `${key} must never be in browser code, where anyone can read it: keep it on your backend, which exchanges the code.`,
      );
    }
    if (!KNOWN_KEYS.has(key))
      throw invalidConfig(
        key,
        `Unknown option "${key}": the options are ${[...KNOWN_KEYS].join(', ')}.`,
      );
  }
  const {
    clientId,
    authority = FREEDOM_ID_ISSUER,
    providerName = DEFAULT_PROVIDER_NAME,
    pkce = false,
    storage = 'session',
    stateTtlSeconds = DEFAULT_STATE_TTL_SECONDS,
    navigate = assignLocation,
    authParams,
    popupTimeoutMs = DEFAULT_POPUP_TIMEOUT_MS,
    prepare = true,
  } = config;
  if (typeof clientId !== 'string' || clientId.trim() === '') {
    throw invalidConfig(
      'clientId',
      'clientId is required: pass the client id Freedom ID support issued to you.',
    );
  }
  const redirectUri = parseEndpointUrl('redirectUri', config.redirectUri ?? currentPage()).href;
  if (typeof authority !== 'string' || parseEndpointUrl('authority', authority).search) {
    throw invalidConfig(
      'authority',
      `authority ${JSON.stringify(authority)} must not have a query: pass the issuer URL only.`,
    );
  }
  // The issuer stays exactly as written, for the exact `iss` comparison; one trailing "/" is dropped only to build a path on it.
  const authorizationEndpoint = parseEndpointUrl(
    'authorizationEndpoint',
    config.authorizationEndpoint ?? `${authority.replace(/\/$/, '')}/openid`,
  );
  if (typeof providerName !== 'string' || providerName.trim() === '') {
    throw invalidConfig(
      'providerName',
      'providerName must be the provider’s name, e.g. "Freedom ID".',
    );
  }
  for (const [name, flag] of Object.entries({ pkce, prepare })) {
    if (typeof flag !== 'boolean') throw invalidConfig(name, `${name} must be true or false.`);
  }
  if (storage !== 'session' && storage !== 'local' && !isStorageLike(storage)) {
    throw invalidConfig(
      'storage',
      'storage must be "session", "local" or a Storage-like object (getItem, setItem, removeItem, key).',
    );
  }
  checkPositive('stateTtlSeconds', stateTtlSeconds, 'seconds, e.g. 600');
  checkPositive('popupTimeoutMs', popupTimeoutMs, 'milliseconds, e.g. 300000');
  if (typeof navigate !== 'function')
    throw invalidConfig(
      'navigate',
      'navigate must be a function that receives the authorization URL.',
    );
  if (authParams !== undefined && typeof authParams !== 'function') {
    throw invalidConfig(
      'authParams',
      'authParams must be a function returning { state, nonce } (and optionally codeChallenge, codeChallengeMethod).',
    );
  }
  const { paramsUrl, backendUrl } = config;
  parseHttpUrl('paramsUrl', paramsUrl, 'params');
  if (paramsUrl !== undefined && authParams !== undefined) {
    throw invalidConfig('paramsUrl', 'Set paramsUrl or authParams, not both.');
  }
  parseHttpUrl('backendUrl', backendUrl, 'callback');
  const sessionUrl = parseHttpUrl('sessionUrl', config.sessionUrl, 'session');
  return {
    clientId,
    redirectUri,
    scope: normalizeScope(config.scope),
    authority,
    authorizationEndpoint,
    providerName,
    pkce,
    storage,
    stateTtlSeconds,
    navigate,
    authParams: paramsUrl === undefined ? authParams : () => fetchAuthParams(paramsUrl),
    backendUrl,
    sessionUrl,
    popupTimeoutMs,
    prepare,
  };
}

function checkPositive(name: string, value: unknown, unit: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw invalidConfig(name, `${name} must be a positive number of ${unit}.`);
  }
}
