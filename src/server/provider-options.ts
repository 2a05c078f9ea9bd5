import { FreedomIdServerError } from './errors.js';

/** Freedom ID's production issuer. */
export const DEFAULT_ISSUER = 'https://passport.freedompay.kz';

/** Freedom ID's token endpoint path (printed with a typo in its docs; configurable for that reason). */
export const FREEDOM_ID_TOKEN_PATH = '/api/v1/oidc/token';

/** Freedom ID's token endpoint: {@link DEFAULT_ISSUER} + {@link FREEDOM_ID_TOKEN_PATH}. */
export const DEFAULT_TOKEN_ENDPOINT = `${DEFAULT_ISSUER}${FREEDOM_ID_TOKEN_PATH}`;

/** How the token request carries its parameters: Freedom ID's JSON body, or RFC 6749's form body. */
export type TokenRequestFormat = 'json' | 'form';

/** How the client authenticates at the token endpoint (RFC 6749 §2.3.1). */
export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post';

/** The id_token signing algorithms the server side can verify (asymmetric JWS algorithms only). */
export const SIGNING_ALGS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;

/** How the server side reaches and trusts the provider: shared by `exchangeCode` and `createFreedomIdHandler`. */
export interface ProviderOptions {
  /** The client id the provider issued. */
  clientId: string;
  /** The client secret the provider issued; keep it on the server. */
  clientSecret: string;
  /** The expected `iss`, compared exactly as written (a trailing `/` matters). Default {@link DEFAULT_ISSUER}. */
  issuer?: string;
  /** Read endpoints, JWKS and algorithms from `issuer + '/.well-known/openid-configuration'`. Default false (Freedom ID publishes none). */
  discovery?: boolean;
  /** Default: from discovery, else `issuer + '/api/v1/oidc/token'` (Freedom ID's path). */
  tokenEndpoint?: string;
  /** When known (given, or from discovery), the id_token's signature is verified against it. */
  jwksUri?: string;
  /** Default `'json'` (Freedom ID), `'form'` with discovery. */
  tokenRequest?: TokenRequestFormat;
  /** Default `'client_secret_basic'`. */
  clientAuth?: ClientAuthMethod;
  /** The only `alg` an id_token may have; discovery never widens it. Default `'RS256'`. */
  idTokenSigningAlg?: (typeof SIGNING_ALGS)[number];
  /** The provider's name in error messages. Default `'Freedom ID'`. */
  providerName?: string;
  /** Milliseconds before each request to the provider is aborted with `timeout`. Default 10000. */
  timeoutMs?: number;
  /** Seconds of clock difference tolerated on `exp`, `iat` and `nbf`. Default 30. */
  clockSkewSeconds?: number;
}

/** Every option of {@link ProviderOptions}, checked against it by the compiler. */
export const PROVIDER_OPTIONS = {
  clientId: true,
  clientSecret: true,
  issuer: true,
  discovery: true,
  tokenEndpoint: true,
  jwksUri: true,
  tokenRequest: true,
  clientAuth: true,
  idTokenSigningAlg: true,
  providerName: true,
  timeoutMs: true,
  clockSkewSeconds: true,
} as const satisfies Record<keyof ProviderOptions, true>;

/** {@link ProviderOptions} checked, with defaults filled in; endpoints still unset come from discovery or the issuer. */
export interface ResolvedProvider {
  clientId: string;
  clientSecret: string;
  issuer: string;
  discovery: boolean;
  tokenEndpoint: URL | undefined;
  jwksUri: URL | undefined;
  tokenRequest: TokenRequestFormat;
  clientAuth: ClientAuthMethod;
  idTokenSigningAlg: string;
  providerName: string;
  timeoutMs: number;
  clockSkewSeconds: number;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Checks the provider options up front and throws `invalid_argument` naming the one to fix. */
export function resolveProvider(options: ProviderOptions): ResolvedProvider {
  const clientId = requiredString(options, 'clientId', 'the client id the provider issued');
  const clientSecret = requiredString(options, 'clientSecret', 'the secret the provider issued');
  const issuer: unknown = options.issuer ?? DEFAULT_ISSUER;
  const issuerUrl = secureUrl('issuer', issuer);
  if (typeof issuer !== 'string' || issuerUrl.search !== '' || issuerUrl.hash !== '') {
    throw invalid(
      'issuer',
      `issuer "${String(issuer)}" must be an https:// URL without query or fragment.`,
    );
  }
  const discovery = oneOf(options, 'discovery', [false, true] as const, false);
  const { timeoutMs = 10000, clockSkewSeconds = 30, providerName = 'Freedom ID' } = options;
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw invalid('timeoutMs', 'timeoutMs must be a positive number of milliseconds, e.g. 10000.');
  }
  if (
    typeof clockSkewSeconds !== 'number' ||
    !Number.isFinite(clockSkewSeconds) ||
    clockSkewSeconds < 0
  ) {
    throw invalid(
      'clockSkewSeconds',
      'clockSkewSeconds must be a number of seconds, 0 or more, e.g. 30.',
    );
  }
  if (typeof providerName !== 'string' || providerName.trim() === '') {
    throw invalid('providerName', 'providerName must be a non-empty string, e.g. "Freedom ID".');
  }
  return {
    clientId,
    clientSecret,
    issuer,
    discovery,
    tokenEndpoint: optionalUrl('tokenEndpoint', options.tokenEndpoint),
    jwksUri: optionalUrl('jwksUri', options.jwksUri),
    tokenRequest: oneOf(
      options,
      'tokenRequest',
      ['json', 'form'] as const,
      discovery ? 'form' : 'json',
    ),
    clientAuth: oneOf(
      options,
      'clientAuth',
      ['client_secret_basic', 'client_secret_post'] as const,
      'client_secret_basic',
    ),
    idTokenSigningAlg: oneOf(options, 'idTokenSigningAlg', SIGNING_ALGS, 'RS256'),
    providerName,
    timeoutMs,
    clockSkewSeconds,
  };
}

/**
 * Joins the issuer and a path, dropping one trailing `/` of the issuer so the result never has `//`.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationRequest
 */
export function urlFromIssuer(issuer: string, path: string): URL {
  return new URL(`${issuer.endsWith('/') ? issuer.slice(0, -1) : issuer}${path}`);
}

/**
 * Parses an `https:` URL (plain `http:` only on a loopback host, for the sandbox).
 * > [!WARNING] Without a JWKS the id_token is trusted because it came over TLS from the token endpoint, so the scheme is enforced.
 */
export function secureUrl(field: string, value: unknown): URL {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch (cause) {
    throw invalid(
      field,
      `${field} "${String(value)}" is not an absolute URL: write it with https:// and the host.`,
      cause,
    );
  }
  const loopbackHttp = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) {
    throw invalid(
      field,
      `${field} "${url.href}" must use https:// (plain http:// is allowed only for localhost, 127.0.0.1 and [::1]).`,
    );
  }
  return url;
}

/** Whether `url` is plain `http:` on a loopback host (the sandbox, a developer's machine). */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

/** A non-empty string option, else `invalid_argument` saying what to pass. */
export function requiredString<T extends object>(
  options: T,
  field: keyof T & string,
  what: string,
): string {
  const value = (options as Record<string, unknown>)[field];
  if (typeof value !== 'string' || value === '') {
    throw invalid(field, `${field} is required: pass ${what}.`);
  }
  return value;
}

function optionalUrl(field: string, value: unknown): URL | undefined {
  return value === undefined ? undefined : secureUrl(field, value);
}

/** Throws `invalid_argument` naming an option of `options` that `known` does not list (a typo, or another call's option). */
export function refuseUnknownOptions(options: object, known: object, call: string): void {
  for (const key of Object.keys(options)) {
    if (!Object.hasOwn(known, key)) {
      throw invalid(
        key,
        `Unknown option "${key}" of ${call}: the options are ${Object.keys(known).join(', ')}.`,
      );
    }
  }
}

/** An option from a closed list, else `invalid_argument` listing the allowed values. */
function oneOf<T extends string | boolean>(
  options: object,
  field: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = (options as Record<string, unknown>)[field];
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) {
    throw invalid(
      field,
      `${field} ${JSON.stringify(value)} is not supported: use one of ${allowed.map((item) => JSON.stringify(item)).join(', ')}.`,
    );
  }
  return value as T;
}

/** An `invalid_argument` error about the option `field` (undefined: the call as a whole), which the merchant has to fix. */
export function invalid(
  field: string | undefined,
  message: string,
  cause?: unknown,
): FreedomIdServerError {
  return new FreedomIdServerError(
    'invalid_argument',
    message,
    field === undefined ? { cause } : { field, cause },
  );
}
