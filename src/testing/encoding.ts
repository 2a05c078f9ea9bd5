// Base64url and random strings with what both browsers and Node ≥ 20 have: btoa/atob, TextEncoder, Web Crypto.

/** Encodes bytes, or a string as UTF-8, as base64url without padding (RFC 4648 §5). */
export function base64UrlEncode(input: Uint8Array | string): string {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes base64url (or base64) to bytes; null when `text` is not base64. */
export function base64Decode(text: string): Uint8Array | null {
  const standard = text.replace(/-/g, '+').replace(/_/g, '/');
  try {
    const binary = atob(standard.padEnd(Math.ceil(standard.length / 4) * 4, '='));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Decodes base64url (or base64) holding UTF-8 text; null when it is neither. */
export function base64DecodeText(text: string): string | null {
  const bytes = base64Decode(text);
  if (bytes === null) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const ALPHANUMERICS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `length` random letters and digits from Web Crypto, unbiased (bytes ≥ 248 are drawn again). */
export function randomAlphanumerics(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length))) {
      if (byte < 248 && out.length < length) out += ALPHANUMERICS[byte % 62];
    }
  }
  return out;
}

/** base64url(SHA-256(text)): the PKCE S256 challenge of a verifier (RFC 7636 §4.2). */
export async function s256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return base64UrlEncode(new Uint8Array(digest));
}
