/**
 * Returns 256 random bits from Web Crypto as 43 URL-safe characters (base64url, RFC 4648 §5).
 * @see https://openid.net/specs/openid-connect-core-1_0.html#NonceNotes
 */
export function randomToken(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** Encodes bytes as base64url without padding (RFC 4648 §5). */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
