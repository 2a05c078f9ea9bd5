import { sha256 } from './sha256.js';

/** Base64url without padding (RFC 4648 §5). */
export function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** 256 random bits from Web Crypto, as 43 base64url characters: a state, nonce or PKCE verifier. */
export function randomSecret(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/**
 * The PKCE S256 challenge of a verifier: base64url(SHA-256(verifier)).
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */
export async function pkceChallenge(verifier: string): Promise<string> {
  return base64Url(await sha256(verifier));
}
