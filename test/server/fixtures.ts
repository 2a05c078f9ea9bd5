// Shared fixtures for the server helper's tests: a signing key, id_tokens, and MSW handlers.
import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';
import { http, HttpResponse, type JsonBodyType } from 'msw';

export const ISSUER = 'https://passport.freedompay.kz';
export const TOKEN_ENDPOINT = 'https://passport.freedompay.kz/api/v1/oidc/token';
export const JWKS_URI = 'https://passport.freedompay.kz/api/v1/oidc/jwks';
export const CLIENT_ID = 'c388f3cd-7722-4040-9bb2-94b0a05093aa';
export const CLIENT_SECRET = 's3cr3t-of-the-merchant';
export const NONCE = 'LzfMhpRWU5Dzwy7vHvlTHmq5sEiYBXMb';
export const CODE = 'the-authorization-code';
export const REDIRECT_URI = 'https://shop.example/login';
export const KID = 'key-1';

/** A signing key and its public JWK, as the provider would publish it. */
export interface TestKey {
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function makeKey(kid = KID): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return {
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
}

/** The payload of a valid id_token for this test's client, with `overrides` applied. */
export function payload(overrides: JWTPayload & Record<string, unknown> = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: ISSUER,
    sub: '7f0c2a6e-3b1d-4c59-9e8a-1d2f3a4b5c6d',
    aud: CLIENT_ID,
    exp: now + 300,
    iat: now,
    nonce: NONCE,
    ...overrides,
  };
}

export function signIdToken(key: TestKey, claims: JWTPayload, kid = KID): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(key.privateKey);
}

/** Freedom ID's successful token reply around `idToken`. */
export function tokenReply(idToken: string): Record<string, string | number> {
  return {
    access_token: 'a'.repeat(128),
    expires_in: 3600,
    refresh_token: 'r'.repeat(64),
    token_type: 'Bearer',
    id_token: idToken,
  };
}

/** A token endpoint handler that answers `reply` with `status`. */
export function tokenEndpoint(reply: JsonBodyType, status = 200) {
  return http.post(TOKEN_ENDPOINT, () => HttpResponse.json(reply, { status }));
}

export function jwksEndpoint(keys: JWK[], url = JWKS_URI) {
  return http.get(url, () => HttpResponse.json({ keys }));
}
