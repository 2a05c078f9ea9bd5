import { base64Url, randomToken } from './random.js';

/**
 * Returns a new PKCE code verifier: 43 base64url characters holding 256 bits from Web Crypto.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export function createCodeVerifier(): string {
  return randomToken();
}

/**
 * Returns the S256 code challenge of `verifier`: base64url(SHA-256(verifier)).
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */
export async function s256CodeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}
