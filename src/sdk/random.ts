/**
 * Returns random bits from Web Crypto (256 unless `bytes` says otherwise) as URL-safe characters (base64url, RFC 4648 §5).
 * @see https://openid.net/specs/openid-connect-core-1_0.html#NonceNotes
 */
export function randomToken(bytes = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** Encodes bytes as base64url without padding (RFC 4648 §5). */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
