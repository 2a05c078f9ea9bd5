import { FreedomIdError } from './errors.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether `url` may carry OAuth traffic: `https:`, or `http:` on a loopback host (RFC 8252 §8.3). */
export function isSecureOrLoopback(url: URL): boolean {
  return (
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
  );
}

/** Parses an absolute `https:` (or loopback `http:`) URL without a fragment, or throws `invalid_config` naming `field`. */
export function parseEndpointUrl(field: string, value: unknown): URL {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new FreedomIdError(
      'invalid_config',
      `${field} is required: pass an absolute https:// URL.`,
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch (cause) {
    throw new FreedomIdError(
      'invalid_config',
      `${field} "${value}" is not an absolute URL: write it like https://shop.example/login.`,
      { cause },
    );
  }
  if (!isSecureOrLoopback(url)) {
    throw new FreedomIdError(
      'invalid_config',
      `${field} "${value}" must use https:// (http:// only on localhost, 127.0.0.1, [::1]).`,
    );
  }
  if (value.includes('#') || url.username || url.password) {
    throw new FreedomIdError(
      'invalid_config',
      `${field} "${value}" must not contain a fragment (#…) or user:password@: remove them (RFC 6749 §3.1.2).`,
    );
  }
  return url;
}
