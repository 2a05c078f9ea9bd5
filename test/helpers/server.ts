// Shared values of the server helper's tests, and their one "rejects with code X"; Freedom ID
// itself is faked by freedomid-web/testing.
import assert from 'node:assert/strict';
import {
  FreedomIdServerError,
  isFreedomIdServerError,
  type FreedomIdServerErrorCode,
} from '../../src/server/index.js';
import type { FreedomIdHandlersOptions } from '../../src/testing/index.js';

export const ISSUER = 'https://passport.freedompay.kz';
export const TOKEN_ENDPOINT = 'https://passport.freedompay.kz/api/v1/oidc/token';
export const JWKS_URI = 'https://passport.freedompay.kz/api/v1/oidc/jwks';
export const CLIENT_ID = 'c388f3cd-7722-4040-9bb2-94b0a05093aa';
export const CLIENT_SECRET = 's3cr3t-of-the-merchant';
export const NONCE = 'LzfMhpRWU5Dzwy7vHvlTHmq5sEiYBXMb';
export const REDIRECT_URI = 'https://shop.example/login';
export const SCOPE = 'openid read.profile';

/** The kit's Freedom ID, registered with this test client. */
export const FREEDOM_ID: FreedomIdHandlersOptions = {
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
};

/** Every code a FreedomIdServerError may carry: the compiler fails here when the closed set changes. */
const CODES = {
  invalid_argument: true,
  token_error: true,
  invalid_response: true,
  network_error: true,
  timeout: true,
  invalid_id_token: true,
  signature_invalid: true,
  issuer_mismatch: true,
  audience_mismatch: true,
  token_expired: true,
  nonce_mismatch: true,
  store_unavailable: true,
} satisfies Record<FreedomIdServerErrorCode, true>;

/** The server's closed set of error codes, as documented in docs/backend.md. */
export const SERVER_ERROR_CODES: ReadonlySet<string> = new Set(Object.keys(CODES));

/**
 * The server tests' one way to say "rejects with code X", the twin of test/helpers/sdk.ts's:
 * `assert.equal((await rejection(() => exchangeCode(options))).code, 'token_error')`.
 * Returns the FreedomIdServerError that `action` rejects (or throws) with, or that a settled promise
 * was rejected with; fails when it succeeded, or ended with anything but one of the closed set.
 */
export async function rejection(
  action: (() => unknown) | PromiseSettledResult<unknown>,
): Promise<FreedomIdServerError> {
  if (typeof action !== 'function') {
    if (action.status === 'rejected') return asServerError(action.reason);
    assert.fail('Expected a FreedomIdServerError, but the call succeeded');
  }
  try {
    await action();
  } catch (error) {
    return asServerError(error);
  }
  assert.fail('Expected a FreedomIdServerError, but the call succeeded');
}

/** Same as {@link rejection} for code that throws synchronously (creating a handler, in a table). */
export function thrown(action: () => unknown): FreedomIdServerError {
  try {
    action();
  } catch (error) {
    return asServerError(error);
  }
  assert.fail('Expected a FreedomIdServerError, but the call succeeded');
}

function asServerError(error: unknown): FreedomIdServerError {
  // Both: this copy's class, and the literal name that isFreedomIdServerError reads across copies.
  if (!(error instanceof FreedomIdServerError) || !isFreedomIdServerError(error)) {
    assert.fail(`Expected a FreedomIdServerError, got ${String(error)}`);
  }
  if (!SERVER_ERROR_CODES.has(error.code)) {
    assert.fail(`"${error.code}" is not in the server's closed set`);
  }
  return error;
}
