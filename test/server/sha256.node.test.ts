import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pkceChallenge } from '../../src/server/random.js';
import { sha256 } from '../../src/server/sha256.js';

/** SHA-256("abc"), FIPS 180-2 Appendix B.1. */
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('sha256', () => {
  it("gives the standard digest (through node:crypto's hash in Node)", async () => {
    assert.equal(hex(await sha256('abc')), ABC);
  });

  it('gives the same digest through Web Crypto where the runtime has no node:crypto', async () => {
    assert.equal(hex(await sha256('abc', null)), ABC);
    assert.equal(hex(await sha256('€ and ü')), hex(await sha256('€ and ü', null)));
  });

  it('makes the PKCE S256 challenge of RFC 7636 Appendix B', async () => {
    assert.equal(
      await pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'),
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });
});
