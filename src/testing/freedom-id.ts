/**
 * What Freedom ID publishes about its endpoints and error replies (REFERENCE.md §1, §3, §5),
 * in one place for the kit's handlers and simulator and for the sandbox.
 */

export { FREEDOM_ID_ISSUER } from '../freedom-id.js';

/** The authorization endpoint's path under the issuer. */
export const AUTHORIZATION_PATH = '/openid';

/** The token endpoint's path under the issuer (printed with a typo in Freedom ID's docs). */
export const TOKEN_PATH = '/api/v1/oidc/token';

/**
 * Where the kit and the sandbox publish their signing keys. Freedom ID publishes no JWKS URL:
 * this path is the kit's own, so that `exchangeCode({ jwksUri })` can be tested.
 */
export const JWKS_PATH = '/api/v1/oidc/jwks';

/** Freedom ID's one published error code: the authorization code was not accepted. */
export const INVALID_AUTHORIZATION_CODE = 100101;

/** The `error_code` Freedom ID's docs show appended to a redirect URI (its meaning is not published). */
export const CALLBACK_ERROR_CODE = 100102;

/** The six parameters Freedom ID marks required on its authorization endpoint, in the SDK's order. */
export const REQUIRED_AUTHORIZATION_PARAMS = [
  'scope',
  'state',
  'response_type',
  'client_id',
  'redirect_uri',
  'nonce',
] as const;

/** Freedom ID's error envelope: `{"error": {"message", "code"?, "errors"?}}`. */
export interface FreedomIdErrorEnvelope {
  error: { message: string; code?: number; errors?: Record<string, string[]> };
}

/** The reply to a code that is unknown, used up, expired, or issued for another client or redirect URI. */
export function invalidCodeEnvelope(): FreedomIdErrorEnvelope {
  return { error: { message: 'Invalid authorization_code', code: INVALID_AUTHORIZATION_CODE } };
}

/** The reply to a request with missing or malformed fields, naming each one. */
export function validationEnvelope(errors: Record<string, string[]>): FreedomIdErrorEnvelope {
  return { error: { message: 'The given data was invalid.', errors } };
}

/** An issuer without its trailing slashes, as `iss` carries it. */
export function trimIssuer(issuer: string): string {
  return issuer.replace(/\/+$/, '');
}
