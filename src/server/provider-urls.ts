import { invalid } from './option-checks.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Joins the issuer and a path, dropping one trailing `/` of the issuer so the result never has `//`.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationRequest
 */
export function urlFromIssuer(issuer: string, path: string): URL {
  return new URL(`${issuer.endsWith('/') ? issuer.slice(0, -1) : issuer}${path}`);
}

/**
 * Parses an `https:` URL (plain `http:` only on a loopback host, for the sandbox, unless `loopbackHttp` is false).
 * > [!WARNING] Without a JWKS the id_token is trusted because it came over TLS from the token endpoint, so the scheme is enforced.
 */
export function secureUrl(field: string, value: unknown, loopbackHttp = true): URL {
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
  if (url.protocol !== 'https:' && !(loopbackHttp && isLoopbackHttp(url))) {
    throw invalid(
      field,
      loopbackHttp
        ? `${field} "${url.href}" must use https:// (plain http:// is allowed only for localhost, 127.0.0.1 and [::1]).`
        : `${field} "${url.href}" must use https://.`,
    );
  }
  return url;
}

/** Whether `url` is plain `http:` on a loopback host (the sandbox, a developer's machine). */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}
