import { FreedomIdServerError } from './errors.js';

/** Freedom ID's production issuer. */
export const DEFAULT_ISSUER = 'https://passport.freedompay.kz';

/** Freedom ID's token endpoint (printed with a typo in its docs; configurable for that reason). */
export const DEFAULT_TOKEN_ENDPOINT = 'https://passport.freedompay.kz/api/v1/oidc/token';

/** What {@link exchangeCode} needs: the browser's hand-off plus the merchant's credentials. */
export interface ExchangeCodeOptions {
  /** The authorization code the browser received. */
  code: string;
  /** The redirect URI of the sign-in request, exactly as the browser sent it. */
  redirectUri: string;
  /** The nonce the browser generated; the id_token's `nonce` claim must equal it. */
  nonce: string;
  /** The PKCE verifier, when the browser used PKCE; sent as `code_verifier`. */
  codeVerifier?: string;
  /** The client id Freedom ID support issued. */
  clientId: string;
  /** The client secret Freedom ID support issued; keep it on the server. */
  clientSecret: string;
  /** Default {@link DEFAULT_TOKEN_ENDPOINT}. */
  tokenEndpoint?: string;
  /** The expected `iss` claim, without a trailing slash. Default {@link DEFAULT_ISSUER}. */
  issuer?: string;
  /** When given, the id_token's signature is verified against this JWKS; see {@link exchangeCode}. */
  jwksUri?: string;
  /** Milliseconds before each request is aborted with `timeout`. Default 10000. */
  timeoutMs?: number;
  /** Seconds of clock difference tolerated on `exp` and `iat`. Default 30. */
  clockSkewSeconds?: number;
}

/** Options after {@link resolveOptions}: defaults filled in, URLs checked. */
export interface ResolvedOptions {
  code: string;
  redirectUri: string;
  nonce: string;
  codeVerifier: string | undefined;
  clientId: string;
  clientSecret: string;
  tokenEndpoint: URL;
  issuer: string;
  jwksUri: URL | undefined;
  timeoutMs: number;
  clockSkewSeconds: number;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Checks every option up front and throws `invalid_argument` naming the one to fix. */
export function resolveOptions(options: ExchangeCodeOptions): ResolvedOptions {
  if (typeof options !== 'object' || (options as unknown) === null) {
    throw invalid('Pass an options object: exchangeCode({ code, redirectUri, nonce, ... }).');
  }
  const code = requiredString(options, 'code', 'the authorization code the browser sent you');
  const redirectUri = requiredString(options, 'redirectUri', "the browser's redirectUri");
  const nonce = requiredString(options, 'nonce', 'the nonce the browser sent you');
  const clientId = requiredString(options, 'clientId', 'the client id Freedom ID issued');
  const clientSecret = requiredString(options, 'clientSecret', 'the secret Freedom ID issued');
  if (clientId.includes(':')) {
    throw invalid('clientId must not contain ":" (HTTP Basic authentication cannot carry it).');
  }
  const { codeVerifier } = options;
  if (codeVerifier !== undefined && (typeof codeVerifier !== 'string' || codeVerifier === '')) {
    throw invalid('codeVerifier must be a non-empty string, or left out when PKCE is off.');
  }
  const { timeoutMs = 10000, clockSkewSeconds = 30 } = options;
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw invalid('timeoutMs must be a positive number of milliseconds, e.g. 10000.');
  }
  if (
    typeof clockSkewSeconds !== 'number' ||
    !Number.isFinite(clockSkewSeconds) ||
    clockSkewSeconds < 0
  ) {
    throw invalid('clockSkewSeconds must be a number of seconds, 0 or more, e.g. 30.');
  }
  return {
    code,
    redirectUri,
    nonce,
    codeVerifier,
    clientId,
    clientSecret,
    tokenEndpoint: secureUrl('tokenEndpoint', options.tokenEndpoint ?? DEFAULT_TOKEN_ENDPOINT),
    issuer: secureUrl('issuer', options.issuer ?? DEFAULT_ISSUER).href.replace(/\/+$/, ''),
    jwksUri: options.jwksUri === undefined ? undefined : secureUrl('jwksUri', options.jwksUri),
    timeoutMs,
    clockSkewSeconds,
  };
}

function requiredString(
  options: ExchangeCodeOptions,
  field: keyof ExchangeCodeOptions,
  what: string,
): string {
  const value = options[field];
  if (typeof value !== 'string' || value === '') {
    throw invalid(`${field} is required: pass ${what}.`);
  }
  return value;
}

/**
 * Parses an `https:` URL (plain `http:` only on a loopback host, for the sandbox).
 * > [!WARNING] Without `jwksUri` the id_token is trusted because it came over TLS from the token endpoint, so the scheme is enforced.
 */
function secureUrl(field: string, value: unknown): URL {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch (cause) {
    throw invalid(
      `${field} "${String(value)}" is not an absolute URL: write it with https:// and the host.`,
      cause,
    );
  }
  const loopbackHttp = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) {
    throw invalid(
      `${field} "${url.href}" must use https:// (plain http:// is allowed only for localhost, 127.0.0.1 and [::1]).`,
    );
  }
  return url;
}

function invalid(message: string, cause?: unknown): FreedomIdServerError {
  return new FreedomIdServerError(
    'invalid_argument',
    message,
    cause === undefined ? {} : { cause },
  );
}
