import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { JWTPayload } from 'jose';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  exchangeCode,
  FreedomIdServerError,
  type ExchangeCodeOptions,
  type FreedomIdServerErrorCode,
} from '../../src/server/index.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  CODE,
  ISSUER,
  JWKS_URI,
  makeKey,
  NONCE,
  payload,
  REDIRECT_URI,
  signIdToken,
  jwksEndpoint,
  TOKEN_ENDPOINT,
  tokenEndpoint,
  tokenReply,
  type TestKey,
} from './fixtures.js';

const server = setupServer();
let key: TestKey;
let otherKey: TestKey;

const options: ExchangeCodeOptions = {
  code: CODE,
  redirectUri: REDIRECT_URI,
  nonce: NONCE,
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
};

/** Runs `exchangeCode` and returns the FreedomIdServerError it throws. */
async function rejection(
  overrides: Partial<ExchangeCodeOptions> = {},
): Promise<FreedomIdServerError> {
  try {
    await exchangeCode({ ...options, ...overrides });
  } catch (error) {
    assert.ok(
      error instanceof FreedomIdServerError,
      `expected FreedomIdServerError, got ${String(error)}`,
    );
    assert.equal(error.name, 'FreedomIdServerError');
    return error;
  }
  assert.fail('exchangeCode resolved, expected it to throw');
}

before(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  key = await makeKey();
  otherKey = await makeKey();
});
afterEach(() => {
  server.resetHandlers();
});
after(() => {
  server.close();
});

describe('exchangeCode', () => {
  describe('when Freedom ID answers with valid tokens', () => {
    it('sends the JSON body and the Basic header Freedom ID documents, and returns tokens and claims', async () => {
      const idToken = await signIdToken(key, payload({ given_name: 'Aigerim' }));
      const seen: { headers?: Headers; body?: unknown } = {};
      server.use(
        http.post(TOKEN_ENDPOINT, async ({ request }) => {
          seen.headers = request.headers;
          seen.body = await request.json();
          return HttpResponse.json(tokenReply(idToken));
        }),
      );

      const { tokens, claims } = await exchangeCode(options);

      assert.deepEqual(seen.body, {
        code: CODE,
        redirect_uri: REDIRECT_URI,
        grant_type: 'authorization_code',
      });
      const headers = seen.headers;
      assert.ok(headers);
      assert.equal(
        headers.get('authorization'),
        `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`,
      );
      assert.equal(headers.get('content-type'), 'application/json');
      assert.deepEqual(tokens, tokenReply(idToken));
      assert.equal(claims.sub, '7f0c2a6e-3b1d-4c59-9e8a-1d2f3a4b5c6d');
      assert.equal(claims.given_name, 'Aigerim');
      assert.equal(claims.nonce, NONCE);
    });

    it('adds code_verifier when given', async () => {
      const idToken = await signIdToken(key, payload());
      let body: unknown;
      server.use(
        http.post(TOKEN_ENDPOINT, async ({ request }) => {
          body = await request.json();
          return HttpResponse.json(tokenReply(idToken));
        }),
      );

      await exchangeCode({ ...options, codeVerifier: 'v'.repeat(43) });

      assert.deepEqual(body, {
        code: CODE,
        redirect_uri: REDIRECT_URI,
        grant_type: 'authorization_code',
        code_verifier: 'v'.repeat(43),
      });
    });

    it('accepts an audience array that contains the client id with a matching azp', async () => {
      const idToken = await signIdToken(
        key,
        payload({ aud: [CLIENT_ID, 'other'], azp: CLIENT_ID }),
      );
      server.use(tokenEndpoint(tokenReply(idToken)));

      const { claims } = await exchangeCode(options);

      assert.deepEqual(claims.aud, [CLIENT_ID, 'other']);
    });

    it('tolerates clockSkewSeconds on exp and iat', async () => {
      const now = Math.floor(Date.now() / 1000);
      const idToken = await signIdToken(key, payload({ exp: now - 20, iat: now + 20 }));
      server.use(tokenEndpoint(tokenReply(idToken)));

      const { claims } = await exchangeCode({ ...options, clockSkewSeconds: 30 });

      assert.equal(claims.exp, now - 20);
    });
  });

  describe('when Freedom ID refuses the exchange', () => {
    const cases = [
      {
        title: 'the error envelope with HTTP 200',
        status: 200,
        reply: { error: { message: 'Invalid authorization_code', code: 100101 } },
        providerCode: 100101,
      },
      {
        title: 'the error envelope with HTTP 400',
        status: 400,
        reply: { error: { message: 'Invalid authorization_code', code: 100101 } },
        providerCode: 100101,
      },
      {
        title: 'a validation envelope with field errors',
        status: 422,
        reply: {
          error: { message: 'The given data was invalid.', errors: { code: ['required'] } },
        },
        providerCode: undefined,
      },
      {
        title: 'a standard OAuth error with HTTP 401',
        status: 401,
        reply: { error: 'invalid_client', error_description: 'client authentication failed' },
        providerCode: undefined,
      },
      { title: 'HTTP 500 without JSON', status: 500, reply: null, providerCode: undefined },
      {
        title: 'HTTP 503 with an empty JSON object',
        status: 503,
        reply: {},
        providerCode: undefined,
      },
    ];
    for (const { title, status, reply, providerCode } of cases) {
      it(`throws token_error for ${title}`, async () => {
        server.use(
          http.post(TOKEN_ENDPOINT, () =>
            reply === null
              ? new HttpResponse('Internal Server Error', { status })
              : HttpResponse.json(reply, { status }),
          ),
        );

        const error = await rejection();

        assert.equal(error.code, 'token_error');
        assert.equal(error.status, status);
        assert.equal(error.providerCode, providerCode);
        assert.deepEqual(error.response, reply ?? 'Internal Server Error');
      });
    }

    it('throws invalid_response when a 200 reply has no id_token', async () => {
      server.use(tokenEndpoint({ access_token: 'a', token_type: 'Bearer' }));

      const error = await rejection();

      assert.equal(error.code, 'invalid_response');
    });

    it('throws network_error when the endpoint cannot be reached', async () => {
      server.use(http.post(TOKEN_ENDPOINT, () => HttpResponse.error()));

      const error = await rejection();

      assert.equal(error.code, 'network_error');
    });

    it('throws timeout when the endpoint does not answer within timeoutMs', async () => {
      server.use(
        http.post(TOKEN_ENDPOINT, async () => {
          await delay(2000);
          return HttpResponse.json({});
        }),
      );

      const error = await rejection({ timeoutMs: 100 });

      assert.equal(error.code, 'timeout');
    });
  });

  describe('when the id_token fails a claim check', () => {
    const now = Math.floor(Date.now() / 1000);
    const cases = [
      { title: 'another issuer', claims: { iss: 'https://evil.example' }, code: 'issuer_mismatch' },
      {
        title: 'an issuer with a trailing slash',
        claims: { iss: `${ISSUER}/` },
        code: 'issuer_mismatch',
      },
      { title: 'another audience', claims: { aud: 'someone-else' }, code: 'audience_mismatch' },
      {
        title: 'several audiences and no azp',
        claims: { aud: [CLIENT_ID, 'other'] },
        code: 'audience_mismatch',
      },
      {
        title: 'an azp of another client',
        claims: { azp: 'someone-else' },
        code: 'audience_mismatch',
      },
      { title: 'an exp past the skew', claims: { exp: now - 120 }, code: 'token_expired' },
      {
        title: 'an iat in the future past the skew',
        claims: { iat: now + 120 },
        code: 'invalid_id_token',
      },
      { title: 'no exp', claims: { exp: undefined }, code: 'invalid_id_token' },
      { title: 'no sub', claims: { sub: undefined }, code: 'invalid_id_token' },
      {
        title: 'another nonce',
        claims: { nonce: 'not-the-browser-nonce' },
        code: 'nonce_mismatch',
      },
      { title: 'no nonce', claims: { nonce: undefined }, code: 'nonce_mismatch' },
    ] satisfies { title: string; claims: JWTPayload; code: FreedomIdServerErrorCode }[];
    for (const { title, claims, code } of cases) {
      it(`throws ${code} for ${title}`, async () => {
        const idToken = await signIdToken(key, payload(claims));
        server.use(tokenEndpoint(tokenReply(idToken)));

        const error = await rejection();

        assert.equal(error.code, code);
      });
    }

    it('throws invalid_id_token when the id_token is not a JWT', async () => {
      server.use(tokenEndpoint(tokenReply('not-a-jwt')));

      const error = await rejection();

      assert.equal(error.code, 'invalid_id_token');
    });

    it('throws invalid_id_token for an unsigned (alg "none") id_token', async () => {
      const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const unsigned = `${encode({ alg: 'none' })}.${encode(payload())}.`;
      server.use(tokenEndpoint(tokenReply(unsigned)));

      const error = await rejection();

      assert.equal(error.code, 'invalid_id_token');
    });
  });

  describe('when jwksUri is given', () => {
    it('verifies a good signature against the JWKS', async () => {
      const idToken = await signIdToken(key, payload());
      server.use(tokenEndpoint(tokenReply(idToken)), jwksEndpoint([key.publicJwk]));

      const { claims } = await exchangeCode({ ...options, jwksUri: JWKS_URI });

      assert.equal(claims.iss, ISSUER);
    });

    it('throws signature_invalid for a token signed by another key under the same kid', async () => {
      const forged = await signIdToken(otherKey, payload());
      server.use(tokenEndpoint(tokenReply(forged)), jwksEndpoint([key.publicJwk]));

      const error = await rejection({ jwksUri: JWKS_URI });

      assert.equal(error.code, 'signature_invalid');
    });

    it('throws signature_invalid for a kid the JWKS does not have', async () => {
      const jwksUri = `${JWKS_URI}?case=unknown-kid`;
      const idToken = await signIdToken(otherKey, payload(), 'unknown-kid');
      server.use(tokenEndpoint(tokenReply(idToken)), jwksEndpoint([key.publicJwk], jwksUri));

      const error = await rejection({ jwksUri });

      assert.equal(error.code, 'signature_invalid');
    });

    it('still checks the claims after the signature', async () => {
      const idToken = await signIdToken(key, payload({ nonce: 'replayed' }));
      server.use(tokenEndpoint(tokenReply(idToken)), jwksEndpoint([key.publicJwk]));

      const error = await rejection({ jwksUri: JWKS_URI });

      assert.equal(error.code, 'nonce_mismatch');
    });
  });

  describe('when an argument is wrong', () => {
    const cases: { title: string; overrides: Partial<ExchangeCodeOptions> }[] = [
      { title: 'no code', overrides: { code: '' } },
      { title: 'no nonce', overrides: { nonce: undefined } },
      { title: 'no clientSecret', overrides: { clientSecret: undefined } },
      { title: 'a clientId with a colon', overrides: { clientId: 'a:b' } },
      {
        title: 'a plain-http token endpoint off loopback',
        overrides: { tokenEndpoint: 'http://passport.freedompay.kz/token' },
      },
      { title: 'a relative jwksUri', overrides: { jwksUri: '/jwks' } },
      { title: 'a zero timeoutMs', overrides: { timeoutMs: 0 } },
      { title: 'a negative clockSkewSeconds', overrides: { clockSkewSeconds: -1 } },
    ];
    for (const { title, overrides } of cases) {
      it(`throws invalid_argument for ${title}, before any request`, async () => {
        const error = await rejection(overrides);

        assert.equal(error.code, 'invalid_argument');
      });
    }
  });
});
