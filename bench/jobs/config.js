// One configuration for every job, so each library is asked for the same sign-in: Freedom ID's
// issuer, a client id, this page as redirect URI, state + nonce + PKCE (S256).
export const AUTHORITY = 'https://passport.freedompay.kz';
export const AUTHORIZATION_ENDPOINT = `${AUTHORITY}/openid`;
export const TOKEN_ENDPOINT = `${AUTHORITY}/oauth2/token`;
export const CLIENT_ID = 'c388f3cd-7722-4040-9bb2-94b0a05093aa';
export const SCOPE = 'openid';
export const STATE_TTL_SECONDS = 600;
export const redirectUri = () => `${globalThis.location.origin}/callback`;
