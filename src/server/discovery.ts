import { FreedomIdServerError } from './errors.js';
import type { ResolvedProvider } from './provider-options.js';
import { isLoopbackHttp, secureUrl, urlFromIssuer } from './provider-urls.js';
import { fetchReply, isRecord, parseJson } from './read-reply.js';

/** What the server side uses from a provider's discovery document. */
export interface ProviderMetadata {
  tokenEndpoint: URL;
  jwksUri: URL;
  /** `id_token_signing_alg_values_supported`. */
  signingAlgs: readonly string[];
  /** `token_endpoint_auth_methods_supported`; OIDC's default is `client_secret_basic`. */
  clientAuthMethods: readonly string[];
  /** `end_session_endpoint` (RP-Initiated Logout 1.0), when the provider has one. */
  endSessionEndpoint?: URL;
  /** `userinfo_endpoint` (OIDC Core §5.3), when the provider has one. */
  userinfoEndpoint?: URL;
}

/** How long a fetched discovery document is reused before it is fetched again. */
export const DISCOVERY_TTL_MS = 60 * 60 * 1000;

const cache = new Map<string, { expires: number; metadata: Promise<ProviderMetadata> }>();

/**
 * Returns the provider's metadata from `issuer + '/.well-known/openid-configuration'`, fetched once
 * and reused for {@link DISCOVERY_TTL_MS}; a failed fetch is not cached.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig
 */
export function discover(provider: ResolvedProvider): Promise<ProviderMetadata> {
  const url = urlFromIssuer(provider.issuer, '/.well-known/openid-configuration');
  const key = `${url.href} ${provider.issuer}`;
  const cached = cache.get(key);
  if (cached !== undefined && cached.expires > Date.now()) return cached.metadata;
  const metadata = fetchMetadata(url, provider);
  cache.set(key, { expires: Date.now() + DISCOVERY_TTL_MS, metadata });
  metadata.catch(() => {
    if (cache.get(key)?.metadata === metadata) cache.delete(key);
  });
  return metadata;
}

/** Forgets every cached discovery document (for tests, and after a provider's configuration changed). */
export function clearDiscoveryCache(): void {
  cache.clear();
}

async function fetchMetadata(url: URL, provider: ResolvedProvider): Promise<ProviderMetadata> {
  const what = `${provider.providerName}'s discovery document ${url.href}`;
  const { status, text } = await fetchReply(
    url.href,
    { headers: { accept: 'application/json' } },
    what,
    provider.timeoutMs,
  );
  const document = parseJson(text);
  if (status !== 200 || !isRecord(document)) {
    throw new FreedomIdServerError(
      'invalid_response',
      `${what} answered HTTP ${status} without a JSON object: check issuer, or turn discovery off and set tokenEndpoint.`,
      { status, response: document ?? text },
    );
  }
  // OIDC Discovery §4.3: the document's issuer must be the configured one, character for character.
  if (document.issuer !== provider.issuer) {
    throw new FreedomIdServerError(
      'issuer_mismatch',
      `${what} names the issuer ${JSON.stringify(document.issuer)}, not "${provider.issuer}": set issuer exactly as the provider writes it (a trailing "/" matters).`,
      { field: 'issuer', status },
    );
  }
  const plainHttpAllowed = isLoopbackHttp(new URL(provider.issuer));
  return {
    tokenEndpoint: metadataUrl(document, 'token_endpoint', what, plainHttpAllowed),
    jwksUri: metadataUrl(document, 'jwks_uri', what, plainHttpAllowed),
    signingAlgs: stringList(document.id_token_signing_alg_values_supported, ['RS256']),
    clientAuthMethods: stringList(document.token_endpoint_auth_methods_supported, [
      'client_secret_basic',
    ]),
    ...optionalMetadataUrl(
      document,
      'end_session_endpoint',
      'endSessionEndpoint',
      what,
      plainHttpAllowed,
    ),
    ...optionalMetadataUrl(
      document,
      'userinfo_endpoint',
      'userinfoEndpoint',
      what,
      plainHttpAllowed,
    ),
  };
}

/**
 * A discovered endpoint: `https:`, or plain-http loopback only when the issuer is itself (the sandbox).
 * > [!WARNING] The code, the verifier and the client secret go to the token endpoint: an https issuer's document cannot send them over plain http, loopback included.
 */
function metadataUrl(
  document: Record<string, unknown>,
  field: string,
  what: string,
  plainHttpAllowed: boolean,
): URL {
  const value = document[field];
  if (typeof value !== 'string') {
    throw new FreedomIdServerError(
      'invalid_response',
      `${what} has no ${field}: check issuer, or turn discovery off and set the endpoints.`,
    );
  }
  try {
    return secureUrl(field, value, plainHttpAllowed);
  } catch (cause) {
    throw new FreedomIdServerError(
      'invalid_response',
      `${what} has a ${field} that is not an https:// URL (${JSON.stringify(value)}): an https issuer's endpoints must be https too.`,
      { cause },
    );
  }
}

/** An optional discovered endpoint under `key`, checked as {@link metadataUrl} checks a required one. */
function optionalMetadataUrl<K extends string>(
  document: Record<string, unknown>,
  field: string,
  key: K,
  what: string,
  plainHttpAllowed: boolean,
): Partial<Record<K, URL>> {
  if (document[field] === undefined) return {};
  return { [key]: metadataUrl(document, field, what, plainHttpAllowed) } as Partial<Record<K, URL>>;
}

function stringList(value: unknown, fallback: readonly string[]): readonly string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : fallback;
}
