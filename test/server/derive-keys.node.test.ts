import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { deriveKeys } from '../../src/server/derive-keys.js';
import { openPendingCookies, PENDING_COOKIE_PURPOSE } from '../../src/server/pending-cookie.js';

const SECRET = 'a-cookie-secret-of-at-least-32-bytes!';
const NAME = '__Host-freedomid_AAAAAAAAAAAAAAAA';

/** The pending cookies' key as 0.1.0 derived it: HKDF bits, imported by jose on every use. */
async function keyBytesOf010(secret: string): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    'HKDF',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new TextEncoder().encode('freedomid-web'),
      info: new TextEncoder().encode('pending sign-in cookie A256GCM'),
    },
    material,
    256,
  );
  return new Uint8Array(bits);
}

function seal(key: Uint8Array | CryptoKey, claims: Record<string, unknown>): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(claims)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .encrypt(key);
}

describe('deriveKeys', () => {
  it('gives one non-extractable AES-256-GCM CryptoKey per secret, for encrypt and decrypt only', async () => {
    const keys = await deriveKeys([SECRET, `${SECRET}-older`], PENDING_COOKIE_PURPOSE);

    assert.equal(keys.length, 2);
    for (const key of keys) {
      assert.deepEqual(key.algorithm, { name: 'AES-GCM', length: 256 });
      assert.equal(key.extractable, false);
      assert.deepEqual([...key.usages].sort(), ['decrypt', 'encrypt']);
    }
  });

  it('derives the key pending cookies had before, so cookies made before an upgrade still open', async () => {
    const pending = { state: 's'.repeat(43), nonce: 'n'.repeat(43), created: Date.now() };
    const sealed = await seal(await keyBytesOf010(SECRET), pending);
    const keys = await deriveKeys([SECRET], PENDING_COOKIE_PURPOSE);

    const opened = await openPendingCookies(`${NAME}=${sealed}`, keys, true);

    assert.deepEqual(opened, { pending: [{ name: NAME, pending }], stale: [] });
  });

  it('gives another purpose an unrelated key: a value sealed for one cannot be opened with the other', async () => {
    const [cookieKey] = await deriveKeys([SECRET], PENDING_COOKIE_PURPOSE);
    const [otherKey] = await deriveKeys([SECRET], 'session cookie A256GCM');
    const sealed = await seal(otherKey, { sub: 'aigerim' });

    await assert.rejects(jwtDecrypt(sealed, cookieKey), { code: 'ERR_JWE_DECRYPTION_FAILED' });
    assert.equal((await jwtDecrypt(sealed, otherKey)).payload.sub, 'aigerim');
  });
});
