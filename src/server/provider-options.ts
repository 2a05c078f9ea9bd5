import { FREEDOM_ID_ISSUER } from '../freedom-id.js';
import { invalid, oneOf, requiredString } from './option-checks.js';
import { secureUrl } from './provider-urls.js';

/** @deprecated Use {@link FREEDOM_ID_ISSUER}: the same value, under the one name the SDK, server and testing kit share. */
export const DEFAULT_ISSUER = FREEDOM_ID_ISSUER;

/** Freedom ID's token endpoint path (printed with a typo in its docs; configurable for that reason). */
export const FREEDOM_ID_TOKEN_PATH = '/api/v1/oidc/token';

/** Freedom ID's token endpoint: {@link FREEDOM_ID_ISSUER} + {@link FREEDOM_ID_TOKEN_PATH}. */
export const DEFAULT_TOKEN_ENDPOINT = `${FREEDOM_ID_ISSUER}${FREEDOM_ID_TOKEN_PATH}`;

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
  /** The expected `iss`, compared exactly as written (a trailing `/` matters). Default {@link FREEDOM_ID_ISSUER}. */
  issuer?: string;
  /** Read endpoints, JWKS and algorithms from `issuer + '/.well-known/openid-configuration'`. Default false (Freedom ID publishes none). */
  discovery?: boolean;
  /** Default: from discovery, else `issuer + '/api/v1/oidc/token'` (Freedom ID's path). */
  tokenEndpoint?: string;
  /** When known (given, or from discovery), the id_token's signature is verified against it. */
  jwksUri?: string;
  /** Where the profile is asked for with the access token after the id_token checks. Default: discovery's, else none (Freedom ID publishes none). */
  userinfoEndpoint?: string;
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
  userinfoEndpoint: true,
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
  userinfoEndpoint: URL | undefined;
  tokenRequest: TokenRequestFormat;
  clientAuth: ClientAuthMethod;
  idTokenSigningAlg: string;
  providerName: string;
  timeoutMs: number;
  clockSkewSeconds: number;
}

/** Checks the provider options up front and throws `invalid_argument` naming the one to fix. */
export function resolveProvider(options: ProviderOptions): ResolvedProvider {
  const clientId = requiredString(options, 'clientId', 'the client id the provider issued');
  const clientSecret = requiredString(options, 'clientSecret', 'the secret the provider issued');
  const issuer: unknown = options.issuer ?? FREEDOM_ID_ISSUER;
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
    userinfoEndpoint: optionalUrl('userinfoEndpoint', options.userinfoEndpoint),
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

function optionalUrl(field: string, value: unknown): URL | undefined {
  return value === undefined ? undefined : secureUrl(field, value);
}
