/**
 * Every error the handler answers, as `{ error: code, message }` with this HTTP status: the set is
 * closed and documented in docs/backend.md. 4xx: the request's fault; 5xx: the server's or the provider's.
 */
export const HANDLER_ERRORS = {
  bad_request: [
    400,
    'The request cannot be read as HTTP the handler understands: send a path (or an absolute http(s) URL) as the target, valid headers, and a standard method.',
  ],
  not_found: [
    404,
    'No such route: the handler answers GET {basePath}/params and POST {basePath}/callback, and with the session option GET {basePath}/session, POST {basePath}/logout, /revoke and /backchannel-logout.',
  ],
  method_not_allowed: [
    405,
    'Use GET for {basePath}/params and {basePath}/session, POST for the other routes (the Allow header says which).',
  ],
  forbidden_origin: [
    403,
    'The request does not come from the origin of a registered redirectUri ({origins}): open the page there (localhost and 127.0.0.1 are different origins) or register its URL; a backend on another origin than the page is not supported.',
  ],
  unsupported_media_type: [
    415,
    'Send the callback and the logout as Content-Type: application/json, a back-channel logout as application/x-www-form-urlencoded.',
  ],
  invalid_request: [
    400,
    'The callback body must be a JSON object with non-empty string code and state, and a registered redirectUri.',
  ],
  state_mismatch: [
    400,
    'No sign-in pending in this browser has this state (expired, already used, or started elsewhere): start the sign-in again.',
  ],
  token_error: [
    400,
    'The provider refused the authorization code (used, expired, or issued for another sign-in): start the sign-in again.',
  ],
  id_token_invalid: [
    401,
    'The provider returned an id_token that failed validation: the sign-in cannot be trusted.',
  ],
  configuration_error: [500, 'The server is not configured for this provider: see the server log.'],
  sign_in_failed: [500, 'onSignIn failed: see the server log.'],
  provider_unavailable: [
    502,
    'The provider could not be reached or answered nonsense: try again later.',
  ],
  userinfo_invalid: [
    502,
    "The provider's userinfo reply was refused (not a JSON profile, too large, or for another sub): see the server log.",
  ],
  provider_timeout: [504, 'The provider did not answer in time: try again later.'],
  store_unavailable: [
    503,
    'The session store did not answer: no session was started or changed (a sign-out cleared the cookie only); try again later.',
  ],
  forbidden_caller: [
    403,
    'This revoke call lacks the configured header (session.revokeHeader) or comes from an address not in session.revokeAllowFrom.',
  ],
  invalid_revoke_request: [
    400,
    'The revoke body must be a JSON object {"id": "<token id>"} (a non-empty string or a number) of at most 4 KB.',
  ],
  invalid_logout_token: [
    400,
    'The body must be a form with one logout_token that validates (signature, iss, aud, iat, exp, jti not used before, the back-channel logout event, sid or sub, no nonce).',
  ],
  store_required: [
    501,
    'This route ends sessions kept in a session store: set session.store (a session kept only in its cookie cannot be ended from the provider).',
  ],
} as const satisfies Record<string, readonly [status: number, message: string]>;

/** The `error` of a handler reply; see {@link HANDLER_ERRORS}. */
export type HandlerErrorCode = keyof typeof HANDLER_ERRORS;

/** A JSON error reply from {@link HANDLER_ERRORS}, never cached; `message` fills in its placeholders. */
export function errorResponse(
  code: HandlerErrorCode,
  headers: Headers = new Headers(),
  message: string = HANDLER_ERRORS[code][1],
): Response {
  return jsonResponse({ error: code, message }, HANDLER_ERRORS[code][0], headers);
}

/** A JSON reply with `Cache-Control: no-store` and the given headers (e.g. Set-Cookie). */
export function jsonResponse(body: unknown, status: number, headers: Headers): Response {
  headers.set('content-type', 'application/json; charset=utf-8');
  headers.set('cache-control', 'no-store');
  return new Response(JSON.stringify(body), { status, headers });
}
