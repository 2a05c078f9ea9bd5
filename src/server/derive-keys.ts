/** The HKDF salt of every key the server derives from its secrets. */
const SALT = new TextEncoder().encode('freedomid-web');

/**
 * Derives one AES-256-GCM key per secret with HKDF-SHA-256, `purpose` as its info, imported once
 * as a non-extractable `CryptoKey`: the secret itself never encrypts anything, and a key is good
 * only for its purpose (another purpose label gives an unrelated key).
 * @see https://www.rfc-editor.org/rfc/rfc5869
 * > [!WARNING] Give each use its own `purpose`: two uses sharing a key could read each other's values.
 */
export function deriveKeys(secrets: readonly string[], purpose: string): Promise<CryptoKey[]> {
  return Promise.all(
    secrets.map(async (secret) => {
      const material = await crypto.subtle.importKey(
        'raw',
        new TextEncoder().encode(secret),
        'HKDF',
        false,
        ['deriveKey'],
      );
      return crypto.subtle.deriveKey(
        { name: 'HKDF', hash: 'SHA-256', salt: SALT, info: new TextEncoder().encode(purpose) },
        material,
        { name: 'AES-GCM', length: 256 },
        false,
        ['encrypt', 'decrypt'],
      );
    }),
  );
}
