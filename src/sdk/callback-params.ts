import { FreedomIdError } from './errors.js';

/** The query parameters a Freedom ID callback may carry; the SDK reads and then removes these. */
export const CALLBACK_PARAMS = [
  'state',
  'code',
  'authorization_code',
  'error',
  'error_description',
  'error_uri',
  'error_code',
  'iss',
  'session_state',
] as const;

/** Largest callback query the SDK reads; a real one is well under 2 KB. */
export const MAX_CALLBACK_QUERY_LENGTH = 8192;

/** The callback's parameters, each present at most once. */
export interface CallbackParams {
  state: string | null;
  /** `code`, or Freedom ID's older `authorization_code`. */
  code: string | null;
  error: string | null;
  errorDescription: string | null;
  errorUri: string | null;
  /** Freedom ID's numeric `error_code`. */
  providerCode: string | null;
  iss: string | null;
}

/** Whether `url` carries any callback parameter in its query. */
export function hasCallbackParams(url: URL): boolean {
  return ['state', 'code', 'authorization_code', 'error', 'error_code'].some((name) =>
    url.searchParams.has(name),
  );
}

/**
 * Reads the callback parameters of `url`, refusing oversized and repeated ones with `invalid_callback`.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthResponse
 * @see https://www.rfc-editor.org/rfc/rfc9207
 */
export function readCallbackParams(url: URL): CallbackParams {
  if (url.search.length > MAX_CALLBACK_QUERY_LENGTH) {
    throw new FreedomIdError(
      'invalid_callback',
      `The callback URL's query is ${url.search.length} characters, over the ${MAX_CALLBACK_QUERY_LENGTH} a real Freedom ID callback can have: it was not sent by Freedom ID. Start the sign-in again.`,
    );
  }
  const query = url.searchParams;
  for (const name of CALLBACK_PARAMS) {
    if (query.getAll(name).length > 1) {
      throw new FreedomIdError(
        'invalid_callback',
        `The callback URL carries "${name}" more than once, which Freedom ID never does (RFC 6749 §3.1): it was altered. Start the sign-in again.`,
      );
    }
  }
  return {
    state: query.get('state'),
    code: query.get('code') ?? query.get('authorization_code'),
    error: query.get('error'),
    errorDescription: query.get('error_description'),
    errorUri: query.get('error_uri'),
    providerCode: query.get('error_code'),
    iss: query.get('iss'),
  };
}

/** Returns `url` without the callback parameters, keeping every other parameter and the hash. */
export function withoutCallbackParams(url: URL): URL {
  const removed = new Set<string>(CALLBACK_PARAMS);
  // Filter the raw pairs so the parameters kept stay byte-for-byte as the page had them.
  const kept = url.search
    .slice(1)
    .split('&')
    .filter(
      (pair) => pair !== '' && !removed.has(new URLSearchParams(pair).keys().next().value ?? ''),
    );
  const clean = new URL(url);
  clean.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return clean;
}
