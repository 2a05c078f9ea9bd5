// Shared values of the server helper's tests; Freedom ID itself is faked by freedomid-web/testing.
import type { FreedomIdHandlersOptions } from '../../src/testing/index.js';

export const ISSUER = 'https://passport.freedompay.kz';
export const TOKEN_ENDPOINT = 'https://passport.freedompay.kz/api/v1/oidc/token';
export const JWKS_URI = 'https://passport.freedompay.kz/api/v1/oidc/jwks';
export const CLIENT_ID = 'c388f3cd-7722-4040-9bb2-94b0a05093aa';
export const CLIENT_SECRET = 's3cr3t-of-the-merchant';
export const NONCE = 'LzfMhpRWU5Dzwy7vHvlTHmq5sEiYBXMb';
export const REDIRECT_URI = 'https://shop.example/login';
export const SCOPE = 'openid read.profile';

/** The kit's Freedom ID, registered with this test client. */
export const FREEDOM_ID: FreedomIdHandlersOptions = {
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
};
