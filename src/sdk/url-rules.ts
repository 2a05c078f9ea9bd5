import { invalidConfig } from './errors.js';
import { currentHref } from './navigator.js';

/**
 * Parses an absolute `https:` URL (plain `http:` only on a loopback host, RFC 8252 §8.3) without a
 * fragment (RFC 6749 §3.1.2) or user info, or throws `invalid_config` naming `field`.
 */
export function parseEndpointUrl(field: string, value: unknown): URL {
  let url: URL | undefined;
  try {
    url = new URL(String(value));
  } catch {
    // reported below
  }
  if (
    !url ||
    !(
      url.protocol === 'https:' ||
      (url.protocol === 'http:' && /^(localhost|127\.0\.0\.1|\[::1\])$/.test(url.hostname))
    ) ||
    String(value).includes('#') ||
    url.username ||
    url.password
  ) {
    throw invalidConfig(
      field,
      `${field} ${JSON.stringify(value)} must be an absolute https:// URL without #fragment or user:password@, like https://shop.example/login (http:// only on localhost, 127.0.0.1, [::1]).`,
    );
  }
  return url;
}

/**
 * Parses an http(s) URL of the merchant's own backend, a relative one resolved against this page;
 * undefined stays undefined; anything else throws `invalid_config` naming `field` and the handler's `route`.
 */
export function parseHttpUrl(
  field: string,
  value: unknown,
  route: 'params' | 'callback' | 'session',
): URL | undefined {
  if (value === undefined) return undefined;
  const text = typeof value === 'string' || value instanceof URL ? String(value) : '';
  let url: URL | null;
  try {
    url = text.trim() === '' ? null : new URL(text, currentHref());
  } catch {
    url = null;
  }
  if (url === null || !/^https?:$/.test(url.protocol)) {
    throw invalidConfig(
      field,
      `${field} ${JSON.stringify(value)} must be an http(s) URL, e.g. /api/freedomid/${route}.`,
    );
  }
  return url;
}
