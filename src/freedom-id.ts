/**
 * Freedom ID's production issuer (no trailing slash): the `iss` of its id_tokens and the base of
 * its endpoints. The one definition the SDK, the server side and the testing kit share.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export const FREEDOM_ID_ISSUER = 'https://passport.freedompay.kz';
