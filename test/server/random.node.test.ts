import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { base64Url, randomSecrets } from '../../src/server/random.js';

describe('base64Url', () => {
  it("writes every length and every byte value as Node's base64url does (RFC 4648 §5, no padding)", () => {
    const every = Uint8Array.from({ length: 256 }, (_, index) => index);
    for (let length = 0; length <= 70; length++) {
      const bytes = crypto.getRandomValues(new Uint8Array(length));
      assert.equal(base64Url(bytes), Buffer.from(bytes).toString('base64url'), `length ${length}`);
    }
    assert.equal(base64Url(every), Buffer.from(every).toString('base64url'));
  });
});

describe('randomSecrets', () => {
  it('gives `count` different values of 43 base64url characters (256 bits each)', () => {
    const secrets = randomSecrets(3);

    assert.equal(secrets.length, 3);
    for (const secret of secrets) assert.match(secret, /^[\w-]{43}$/);
    assert.equal(new Set(secrets).size, 3);
  });
});
