// The issuer is one constant: the SDK, the server side and the testing kit export the same
// FREEDOM_ID_ISSUER, and the 0.1.0 names are aliases of it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as sdk from '../../src/index.js';
import * as server from '../../src/server/index.js';
import * as testing from '../../src/testing/index.js';

describe('FREEDOM_ID_ISSUER', () => {
  it('is one value across freedomid-web, /server and /testing, without a trailing "/"', () => {
    assert.equal(sdk.FREEDOM_ID_ISSUER, 'https://passport.freedompay.kz');
    assert.equal(server.FREEDOM_ID_ISSUER, sdk.FREEDOM_ID_ISSUER);
    assert.equal(testing.FREEDOM_ID_ISSUER, sdk.FREEDOM_ID_ISSUER);
  });

  it('keeps the 0.1.0 names as aliases', () => {
    /* eslint-disable @typescript-eslint/no-deprecated -- the aliases are what is tested. */
    assert.equal(sdk.DEFAULT_AUTHORITY, sdk.FREEDOM_ID_ISSUER);
    assert.equal(server.DEFAULT_ISSUER, sdk.FREEDOM_ID_ISSUER);
    /* eslint-enable @typescript-eslint/no-deprecated */
  });
});
