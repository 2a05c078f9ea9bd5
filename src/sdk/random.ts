/** Number of random bytes in a generated state or nonce: 256 bits, well over the 128 the spec asks. */
const TOKEN_BYTES = 32;

/**
 * Returns a URL-safe random string from Web Crypto (base64url without padding, RFC 4648 §5).
 * @see https://openid.net/specs/openid-connect-core-1_0.html#NonceNotes
 */
export function randomToken(bytes = TOKEN_BYTES): string {
  const buffer = crypto.getRandomValues(new Uint8Array(bytes));
  let binary = '';
  for (const byte of buffer) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
