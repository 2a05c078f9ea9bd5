import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  exchangeCode,
  FreedomIdServerError,
  type ExchangeCodeOptions,
  type FreedomIdServerErrorCode,
} from '../../src/server/index.js';
import {
  createSigningKey,
  freedomIdHandlers,
  mintCode,
  TEST_USERS,
  type FreedomIdHandlersOptions,
  type MintCodeOptions,
} from '../../src/testing/index.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  FREEDOM_ID,
  ISSUER,
  JWKS_URI,
  NONCE,
  REDIRECT_URI,
  SCOPE,
  TOKEN_ENDPOINT,
  rejection,
} from './fixtures.js';

const server = setupServer(...freedomIdHandlers(FREEDOM_ID));
const AIGERIM = TEST_USERS[0].claims;

/** A code the kit's Freedom ID redeems once: a sign-in of aigerim with this test's nonce. */
function code(overrides: Partial<MintCodeOptions> = {}): string {
  return mintCode({
    clientId: CLIENT_ID,
    redirectUri: REDIRECT_URI,
    nonce: NONCE,
    scope: SCOPE,
    ...overrides,
  });
}

/** exchangeCode's options for a fresh code. */
function options(overrides: Partial<ExchangeCodeOptions> = {}): ExchangeCodeOptions {
  return {
    code: code(),
    redirectUri: REDIRECT_URI,
    nonce: NONCE,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    ...overrides,
  };
}

/** Makes Freedom ID behave as `overrides` say for one test. */
function freedomId(overrides: Partial<FreedomIdHandlersOptions>): void {
  server.use(...freedomIdHandlers({ ...FREEDOM_ID, ...overrides }));
}

/** Records the token requests that reach MSW (bodies read from clones). */
function recordTokenRequests(): { headers: Headers; body: unknown }[] {
  const seen: { headers: Headers; body: unknown }[] = [];
  server.events.on('request:start', ({ request }) => {
    if (request.url !== TOKEN_ENDPOINT) return;
    const entry = { headers: request.headers, body: undefined as unknown };
    seen.push(entry);
    void request
      .clone()
      .json()
      .then((body: unknown) => (entry.body = body));
  });
  return seen;
}

before(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  server.resetHandlers();
  server.events.removeAllListeners();
});
after(() => {
  server.close();
});

describe('exchangeCode', () => {
  describe('when Freedom ID answers with valid tokens', () => {
    it('sends the JSON body and the Basic header Freedom ID documents, and returns tokens and claims', async () => {
      const seen = recordTokenRequests();
      const sent = options();

      const { tokens, claims } = await exchangeCode(sent);

      assert.equal(seen.length, 1);
      assert.deepEqual(seen[0].body, {
        code: sent.code,
        redirect_uri: REDIRECT_URI,
        grant_type: 'authorization_code',
      });
      assert.equal(
        seen[0].headers.get('authorization'),
        `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`,
      );
      assert.equal(seen[0].headers.get('content-type'), 'application/json');
      assert.match(tokens.access_token, /^[A-Za-z0-9]{128}$/);
      assert.equal(tokens.token_type, 'Bearer');
      assert.equal(tokens.expires_in, 3600);
      assert.equal(typeof tokens.refresh_token, 'string');
      assert.equal(tokens.id_token.split('.').length, 3);
      const { exp, iat, ...stable } = claims;
      assert.equal(exp - iat, 3600);
      assert.deepEqual(stable, {
        iss: ISSUER,
        aud: CLIENT_ID,
        nonce: NONCE,
        sub: AIGERIM.sub,
        name: AIGERIM.name,
        given_name: AIGERIM.given_name,
        family_name: AIGERIM.family_name,
        middle_name: AIGERIM.middle_name,
        birthdate: AIGERIM.birthdate,
        gender: AIGERIM.gender,
      });
    });

    it('adds code_verifier when given, and Freedom ID checks it against the challenge', async () => {
      const verifier = 'v'.repeat(43);
      const challenge = Buffer.from(
        await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)),
      ).toString('base64url');
      const seen = recordTokenRequests();
      const sent = options({ code: code({ codeChallenge: challenge }), codeVerifier: verifier });

      await exchangeCode(sent);

      assert.deepEqual(seen[0].body, {
        code: sent.code,
        redirect_uri: REDIRECT_URI,
        grant_type: 'authorization_code',
        code_verifier: verifier,
      });
    });

    it('accepts an audience array that contains the client id with a matching azp', async () => {
      freedomId({ idTokenClaims: { aud: [CLIENT_ID, 'other'], azp: CLIENT_ID } });

      const { claims } = await exchangeCode(options());

      assert.deepEqual(claims.aud, [CLIENT_ID, 'other']);
    });

    it('tolerates clockSkewSeconds on exp and iat', async () => {
      const now = Math.floor(Date.now() / 1000);
      freedomId({ idTokenClaims: { exp: now - 20, iat: now + 20 } });

      const { claims } = await exchangeCode(options({ clockSkewSeconds: 30 }));

      assert.equal(claims.exp, now - 20);
    });
  });

  describe('when Freedom ID refuses the exchange', () => {
    const INVALID_CODE = { error: { message: 'Invalid authorization_code', code: 100101 } };
    const failures = [
      { failWith: 'http200_error', status: 200, reply: INVALID_CODE, providerCode: 100101 },
      { failWith: 'invalid_code', status: 400, reply: INVALID_CODE, providerCode: 100101 },
      {
        failWith: 'server_error',
        status: 500,
        reply: { error: { message: 'Server Error' } },
        providerCode: undefined,
      },
    ] as const;
    for (const { failWith, status, reply, providerCode } of failures) {
      it(`throws token_error for ${failWith} (HTTP ${status})`, async () => {
        freedomId({ failWith });

        const error = await rejection(() => exchangeCode(options()));

        assert.equal(error.code, 'token_error');
        assert.equal(error.status, status);
        assert.equal(error.providerCode, providerCode);
        assert.deepEqual(error.response, reply);
      });
    }

    const refusedCodes: { title: string; exchange: () => Promise<FreedomIdServerError> }[] = [
      {
        title: 'a code already redeemed',
        exchange: async () => {
          const used = code();
          await exchangeCode(options({ code: used }));
          return rejection(() => exchangeCode(options({ code: used })));
        },
      },
      {
        title: 'a code Freedom ID never issued',
        exchange: () => rejection(() => exchangeCode(options({ code: 'forged' }))),
      },
      {
        title: 'a code issued for another redirect URI',
        exchange: () =>
          rejection(() =>
            exchangeCode(options({ code: code({ redirectUri: 'https://evil.example/login' }) })),
          ),
      },
      {
        title: 'a code issued for another client',
        exchange: () =>
          rejection(() => exchangeCode(options({ code: code({ clientId: 'another-client' }) }))),
      },
      {
        title: 'a PKCE code without its verifier',
        exchange: () =>
          rejection(() => exchangeCode(options({ code: code({ codeChallenge: 'c'.repeat(43) }) }))),
      },
    ];
    for (const { title, exchange } of refusedCodes) {
      it(`throws token_error 100101 for ${title}`, async () => {
        const error = await exchange();

        assert.equal(error.code, 'token_error');
        assert.equal(error.status, 400);
        assert.equal(error.providerCode, 100101);
        assert.match(error.message, /start the sign-in again/);
      });
    }

    it('throws token_error with HTTP 401 for a wrong client secret', async () => {
      const error = await rejection(() =>
        exchangeCode(options({ clientSecret: 'not-the-secret' })),
      );

      assert.equal(error.code, 'token_error');
      assert.equal(error.status, 401);
      assert.match(error.message, /check clientId, clientSecret and clientAuth/);
    });

    // Replies Freedom ID is not known to send, but a parser must survive.
    const oddReplies = [
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
        providerCode: 'invalid_client',
      },
      { title: 'HTTP 500 without JSON', status: 500, reply: null, providerCode: undefined },
      {
        title: 'HTTP 503 with an empty JSON object',
        status: 503,
        reply: {},
        providerCode: undefined,
      },
    ];
    for (const { title, status, reply, providerCode } of oddReplies) {
      it(`throws token_error for ${title}`, async () => {
        server.use(
          http.post(TOKEN_ENDPOINT, () =>
            reply === null
              ? new HttpResponse('Internal Server Error', { status })
              : HttpResponse.json(reply, { status }),
          ),
        );

        const error = await rejection(() => exchangeCode(options()));

        assert.equal(error.code, 'token_error');
        assert.equal(error.status, status);
        assert.equal(error.providerCode, providerCode);
        assert.deepEqual(error.response, reply ?? 'Internal Server Error');
      });
    }

    it('throws invalid_response when a 200 reply has no id_token', async () => {
      server.use(
        http.post(TOKEN_ENDPOINT, () =>
          HttpResponse.json({ access_token: 'a', token_type: 'Bearer' }),
        ),
      );

      const error = await rejection(() => exchangeCode(options()));

      assert.equal(error.code, 'invalid_response');
    });

    it('throws network_error when the endpoint cannot be reached', async () => {
      freedomId({ failWith: 'network_error' });

      const error = await rejection(() => exchangeCode(options()));

      assert.equal(error.code, 'network_error');
    });

    it('throws timeout when the endpoint does not answer within timeoutMs', async () => {
      freedomId({ failWith: 'slow', delayMs: 2000 });

      const error = await rejection(() => exchangeCode(options({ timeoutMs: 100 })));

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
      {
        title: 'an nbf in the future past the skew',
        claims: { nbf: now + 120 },
        code: 'invalid_id_token',
      },
      { title: 'a non-numeric nbf', claims: { nbf: 'soon' }, code: 'invalid_id_token' },
      { title: 'no sub', claims: { sub: undefined }, code: 'invalid_id_token' },
      {
        title: 'another nonce',
        claims: { nonce: 'not-the-browser-nonce' },
        code: 'nonce_mismatch',
      },
      { title: 'no nonce', claims: { nonce: undefined }, code: 'nonce_mismatch' },
    ] satisfies {
      title: string;
      claims: Record<string, unknown>;
      code: FreedomIdServerErrorCode;
    }[];
    for (const { title, claims, code: expected } of cases) {
      it(`throws ${expected} for ${title}`, async () => {
        freedomId({ idTokenClaims: claims });

        const error = await rejection(() => exchangeCode(options()));

        assert.equal(error.code, expected);
      });
    }

    // Crafted replies: a provider's id_token is always a signed JWT.
    const craftedTokens = [
      { title: 'not a JWT', idToken: 'not-a-jwt' },
      {
        title: 'unsigned (alg "none")',
        idToken: `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
          JSON.stringify({
            iss: ISSUER,
            sub: AIGERIM.sub,
            aud: CLIENT_ID,
            nonce: NONCE,
            exp: now + 300,
            iat: now,
          }),
        ).toString('base64url')}.`,
      },
    ];
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const goodClaims = () => ({
      iss: ISSUER,
      sub: AIGERIM.sub,
      aud: CLIENT_ID,
      nonce: NONCE,
      exp: now + 300,
      iat: now,
    });
    craftedTokens.push(
      {
        title: 'RS256 with an empty signature',
        idToken: `${part({ alg: 'RS256', typ: 'JWT' })}.${part(goodClaims())}.`,
      },
      {
        title: 'alg "None"',
        idToken: `${part({ alg: 'None' })}.${part(goodClaims())}.${part('x')}`,
      },
      {
        title: 'HS256 with a junk signature',
        idToken: `${part({ alg: 'HS256' })}.${part(goodClaims())}.${part('junk')}`,
      },
    );
    for (const { title, idToken } of craftedTokens) {
      it(`throws invalid_id_token when the id_token is ${title}`, async () => {
        server.use(
          http.post(TOKEN_ENDPOINT, () =>
            HttpResponse.json({ access_token: 'a', token_type: 'Bearer', id_token: idToken }),
          ),
        );

        const error = await rejection(() => exchangeCode(options()));

        assert.equal(error.code, 'invalid_id_token');
      });
    }
  });

  describe('when jwksUri is given', () => {
    it('verifies a good signature against the JWKS', async () => {
      const { claims } = await exchangeCode(options({ jwksUri: JWKS_URI }));

      assert.equal(claims.iss, ISSUER);
    });

    it('throws signature_invalid for a token signed by another key under the same kid', async () => {
      freedomId({ failWith: 'forged_signature' });

      const error = await rejection(() => exchangeCode(options({ jwksUri: JWKS_URI })));

      assert.equal(error.code, 'signature_invalid');
    });

    it('throws signature_invalid for a kid the JWKS does not have', async () => {
      // Tokens signed by a key that only an unused JWKS URL publishes; JWKS_URI keeps the kit's key.
      freedomId({
        signingKey: await createSigningKey({ kid: 'unknown-kid' }),
        jwksUri: 'https://elsewhere.example/jwks',
      });

      const error = await rejection(() =>
        exchangeCode(options({ jwksUri: `${JWKS_URI}?case=unknown-kid` })),
      );

      assert.equal(error.code, 'signature_invalid');
    });

    it('throws token_expired for an expired token with a good signature', async () => {
      freedomId({ idTokenClaims: { exp: Math.floor(Date.now() / 1000) - 120 } });

      const error = await rejection(() => exchangeCode(options({ jwksUri: JWKS_URI })));

      assert.equal(error.code, 'token_expired');
    });

    it('throws invalid_response when the JWKS URL answers something that is no key set', async () => {
      server.use(
        http.get(`${JWKS_URI}?case=no-key-set`, () => HttpResponse.json({ keys: 'none' })),
      );

      const error = await rejection(() =>
        exchangeCode(options({ jwksUri: `${JWKS_URI}?case=no-key-set` })),
      );

      assert.equal(error.code, 'invalid_response');
    });

    it('throws invalid_id_token for an nbf in the future', async () => {
      freedomId({ idTokenClaims: { nbf: Math.floor(Date.now() / 1000) + 120 } });

      const error = await rejection(() => exchangeCode(options({ jwksUri: JWKS_URI })));

      assert.equal(error.code, 'invalid_id_token');
    });

    it('throws invalid_id_token for a good RS256 signature when idTokenSigningAlg is PS256', async () => {
      const error = await rejection(() =>
        exchangeCode(options({ jwksUri: JWKS_URI, idTokenSigningAlg: 'PS256' })),
      );

      assert.equal(error.code, 'invalid_id_token');
      assert.match(error.message, /alg "RS256", not idTokenSigningAlg "PS256"/);
    });

    it('still checks the claims after the signature', async () => {
      freedomId({ idTokenClaims: { nonce: 'replayed' } });

      const error = await rejection(() => exchangeCode(options({ jwksUri: JWKS_URI })));

      assert.equal(error.code, 'nonce_mismatch');
    });
  });

  describe('when an argument is wrong', () => {
    it('refuses an unknown option name, naming it in field', async () => {
      const error = await rejection(() =>
        exchangeCode(
          options({
            cookieSecret: 'x'.repeat(32),
          } as Partial<ExchangeCodeOptions>),
        ),
      );

      assert.equal(error.code, 'invalid_argument');
      assert.equal(error.field, 'cookieSecret');
      assert.match(
        error.message,
        /^Unknown option "cookieSecret" of exchangeCode: the options are /,
      );
    });

    const cases: { title: string; overrides: Partial<ExchangeCodeOptions>; field: string }[] = [
      { title: 'no code', overrides: { code: '' }, field: 'code' },
      { title: 'no nonce', overrides: { nonce: undefined }, field: 'nonce' },
      { title: 'a numeric nonce', overrides: { nonce: 42 as unknown as string }, field: 'nonce' },
      {
        title: 'a code that is not a string',
        overrides: { code: ['a'] as unknown as string },
        field: 'code',
      },
      {
        title: 'an issuer with a query',
        overrides: { issuer: `${ISSUER}?tenant=1` },
        field: 'issuer',
      },
      { title: 'no clientSecret', overrides: { clientSecret: undefined }, field: 'clientSecret' },
      { title: 'a clientId with a colon', overrides: { clientId: 'a:b' }, field: 'clientId' },
      {
        title: 'a plain-http token endpoint off loopback',
        overrides: { tokenEndpoint: 'http://passport.freedompay.kz/token' },
        field: 'tokenEndpoint',
      },
      { title: 'a relative jwksUri', overrides: { jwksUri: '/jwks' }, field: 'jwksUri' },
      { title: 'a zero timeoutMs', overrides: { timeoutMs: 0 }, field: 'timeoutMs' },
      {
        title: 'a negative clockSkewSeconds',
        overrides: { clockSkewSeconds: -1 },
        field: 'clockSkewSeconds',
      },
      { title: 'an empty codeVerifier', overrides: { codeVerifier: '' }, field: 'codeVerifier' },
    ];
    for (const { title, overrides, field } of cases) {
      it(`throws invalid_argument for ${title}, naming ${field}, before any request`, async () => {
        const error = await rejection(() => exchangeCode(options(overrides)));

        assert.equal(error.code, 'invalid_argument');
        assert.equal(error.field, field);
      });
    }
  });

  describe('when a reply carries tokens or is too large', () => {
    const ACCESS = 'A'.repeat(128);
    const REFRESH = 'R'.repeat(64);

    it('redacts token values in the error fields and in JSON.stringify(error)', async () => {
      server.use(
        http.post(TOKEN_ENDPOINT, () =>
          HttpResponse.json({ access_token: ACCESS, refresh_token: REFRESH, token_type: 'Bearer' }),
        ),
      );

      const error = await rejection(() => exchangeCode(options()));

      assert.equal(error.code, 'invalid_response');
      assert.deepEqual(error.response, {
        access_token: '[redacted]',
        refresh_token: '[redacted]',
        token_type: 'Bearer',
      });
      const logged = JSON.stringify(error);
      assert.equal(logged.includes(ACCESS) || logged.includes(REFRESH), false, logged);
      assert.deepEqual(JSON.parse(logged), {
        name: 'FreedomIdServerError',
        code: 'invalid_response',
        message: error.message,
        status: 200,
        response: { access_token: '[redacted]', refresh_token: '[redacted]', token_type: 'Bearer' },
      });
    });

    it('redacts token values in a text reply', async () => {
      server.use(
        http.post(
          TOKEN_ENDPOINT,
          () => new HttpResponse(`oops access_token=${ACCESS}&x=1`, { status: 502 }),
        ),
      );

      const error = await rejection(() => exchangeCode(options()));

      assert.equal(error.code, 'token_error');
      assert.equal(error.response, 'oops access_token=[redacted]&x=1');
    });

    const big = 'x'.repeat(65_537);
    const oversized: { title: string; reply: () => Response }[] = [
      {
        title: 'with a Content-Length',
        reply: () => HttpResponse.json({ access_token: big }),
      },
      {
        title: 'chunked, without a Content-Length',
        reply: () =>
          new HttpResponse(
            new ReadableStream<Uint8Array>({
              start(controller) {
                for (let index = 0; index < 17; index++) {
                  controller.enqueue(new TextEncoder().encode('y'.repeat(4096)));
                }
                controller.close();
              },
            }),
            { headers: { 'content-type': 'application/json' } },
          ),
      },
    ];
    for (const { title, reply } of oversized) {
      it(`throws invalid_response for a reply over 65,536 bytes ${title}`, async () => {
        server.use(http.post(TOKEN_ENDPOINT, reply));

        const error = await rejection(() => exchangeCode(options()));

        assert.equal(error.code, 'invalid_response');
        assert.match(error.message, /over 65536 bytes/);
      });
    }

    it('reads a reply of exactly 65,536 bytes', async () => {
      const body = JSON.stringify({ access_token: 'a', token_type: 'Bearer', pad: '' });
      const padded = body.replace('"pad":""', `"pad":"${'p'.repeat(65_536 - body.length)}"`);
      server.use(http.post(TOKEN_ENDPOINT, () => new HttpResponse(padded)));

      const error = await rejection(() => exchangeCode(options()));

      assert.equal(error.code, 'invalid_response');
      assert.match(error.message, /without access_token and id_token/);
    });
  });

  describe('when the issuer is configured', () => {
    it('compares it exactly: a configured trailing "/" must be in iss too', async () => {
      const error = await rejection(() =>
        exchangeCode(options({ issuer: `${ISSUER}/`, tokenEndpoint: TOKEN_ENDPOINT })),
      );

      assert.equal(error.code, 'issuer_mismatch');
      assert.match(error.message, /a trailing "\/" matters/);
    });

    it('accepts an iss with a trailing "/" when configured so', async () => {
      freedomId({ idTokenClaims: { iss: `${ISSUER}/` } });

      const { claims } = await exchangeCode(options({ issuer: `${ISSUER}/` }));

      assert.equal(claims.iss, `${ISSUER}/`);
    });

    it('names the provider from providerName', async () => {
      freedomId({ failWith: 'invalid_code' });

      const error = await rejection(() =>
        exchangeCode(options({ providerName: 'Freedom ID (KG)' })),
      );

      assert.match(error.message, /^Freedom ID \(KG\) refused the code exchange/);
    });
  });
});
