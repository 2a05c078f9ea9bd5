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

/** The callback parameters the SDK reads itself; oidc-client-ts's `SigninResponse` reads the standard rest. */
export interface CallbackParams {
  state?: string;
  /** Freedom ID's older `authorization_code`, used when there is no `code`. */
  authorizationCode?: string;
  /** Freedom ID's numeric `error_code`. */
  providerCode?: string;
  iss?: string;
}

/** Whether `url` carries any callback parameter in its query. */
export function hasCallbackParams(url: URL): boolean {
  return CALLBACK_PARAMS.some((name) => url.searchParams.has(name));
}

/**
 * Reads the callback parameters of `url`, refusing oversized, repeated and malformed ones with `invalid_callback`.
 * > [!WARNING] Runs before oidc-client-ts sees the URL: its `SigninResponse` throws a raw `URIError` on a malformed %-escape in `state`.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthResponse
 * @see https://www.rfc-editor.org/rfc/rfc9207
 */
export function readCallbackParams(url: URL, providerName: string): CallbackParams {
  const query = url.searchParams;
  const repeated = CALLBACK_PARAMS.find((name) => query.getAll(name).length > 1);
  let problem =
    url.search.length > MAX_CALLBACK_QUERY_LENGTH
      ? `is over ${MAX_CALLBACK_QUERY_LENGTH} characters long`
      : repeated && `repeats "${repeated}"`;
  try {
    decodeURIComponent(url.search);
  } catch {
    problem ||= 'has a malformed %-escape';
  }
  if (problem) {
    throw new FreedomIdError(
      'invalid_callback',
      `The callback URL ${problem}, which ${providerName} never sends: it was altered. Start the sign-in again.`,
    );
  }
  const read = (name: string) => query.get(name) ?? undefined;
  return {
    state: read('state'),
    authorizationCode: read('authorization_code'),
    providerCode: read('error_code'),
    iss: read('iss'),
  };
}

/** The query `SigninResponse` parses: the callback's, with `state` only when it is `ours` (a state this browser issued). */
export function responseQuery(url: URL, ours: string | undefined): URLSearchParams {
  const query = new URLSearchParams(url.search);
  query.delete('state');
  if (ours !== undefined) query.set('state', ours);
  return query;
}

/** Returns `url` without the callback parameters, keeping every other parameter and the hash. */
export function withoutCallbackParams(url: URL): URL {
  // Filter the raw pairs so the parameters kept stay byte-for-byte as the page had them.
  const clean = new URL(url);
  clean.search = url.search
    .slice(1)
    .split('&')
    .filter(
      (pair) =>
        !(CALLBACK_PARAMS as readonly string[]).includes(
          new URLSearchParams(pair).keys().next().value ?? '',
        ),
    )
    .join('&');
  return clean;
}
