import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  clearDiscoveryCache,
  exchangeCode,
  type ExchangeCodeOptions,
} from '../../src/server/index.js';
import { freedomIdHandlers, mintCode } from '../../src/testing/index.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  FREEDOM_ID,
  NONCE,
  REDIRECT_URI,
  rejection,
  SCOPE,
} from './fixtures.js';
import {
  STANDARD_DISCOVERY,
  STANDARD_ISSUER,
  STANDARD_TOKEN_ENDPOINT,
  standardProvider,
  type StandardProviderOptions,
} from './standard-provider.js';

const server = setupServer(...freedomIdHandlers(FREEDOM_ID), ...standardProvider());

/** The standards provider's options, as its docs would tell a merchant. */
function standard(overrides: Partial<ExchangeCodeOptions> = {}): ExchangeCodeOptions {
  return {
    code: mintCode({ clientId: CLIENT_ID, redirectUri: REDIRECT_URI, nonce: NONCE, scope: SCOPE }),
    redirectUri: REDIRECT_URI,
    nonce: NONCE,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    issuer: STANDARD_ISSUER,
    discovery: true,
    clientAuth: 'client_secret_post',
    providerName: 'Example IdP',
    ...overrides,
  };
}

function bend(options: StandardProviderOptions): void {
  server.use(...standardProvider(options));
}

/** The token requests that reach MSW: URL, content type, authorization and body text. */
function recordTokenRequests(): {
  url: string;
  type: string | null;
  auth: string | null;
  body: Promise<string>;
}[] {
  const seen: { url: string; type: string | null; auth: string | null; body: Promise<string> }[] =
    [];
  server.events.on('request:start', ({ request }) => {
    if (request.method !== 'POST') return;
    seen.push({
      url: request.url,
      type: request.headers.get('content-type'),
      auth: request.headers.get('authorization'),
      body: request.clone().text(),
    });
  });
  return seen;
}

before(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  server.resetHandlers();
  server.events.removeAllListeners();
  clearDiscoveryCache();
});
after(() => {
  server.close();
});

describe('exchangeCode with a standards provider', () => {
  describe('when discovery is on', () => {
    it('reads the endpoints, sends a form body with client_secret_post, and verifies the signature', async () => {
      const seen = recordTokenRequests();
      const options = standard();

      const { claims } = await exchangeCode(options);

      assert.equal(claims.iss, STANDARD_ISSUER);
      assert.equal(seen.length, 1);
      assert.equal(seen[0]?.url, STANDARD_TOKEN_ENDPOINT);
      assert.equal(seen[0]?.type, 'application/x-www-form-urlencoded');
      assert.equal(seen[0]?.auth, null);
      assert.equal(
        await seen[0]?.body,
        new URLSearchParams({
          code: options.code,
          redirect_uri: REDIRECT_URI,
          grant_type: 'authorization_code',
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
        }).toString(),
      );
    });

    it('fetches the discovery document once for several exchanges', async () => {
      let fetches = 0;
      bend({
        onDiscovery: () => {
          fetches++;
        },
      });

      await exchangeCode(standard());
      await exchangeCode(standard());

      assert.equal(fetches, 1);
    });

    it('builds the discovery URL without "//" from an issuer ending in "/"', async () => {
      const urls: string[] = [];
      server.events.on('request:start', ({ request }) => void urls.push(request.url));

      await exchangeCode(standard());

      assert.equal(urls[0], STANDARD_DISCOVERY);
    });

    const refusals: {
      title: string;
      options?: Partial<ExchangeCodeOptions>;
      provider?: StandardProviderOptions;
      code: string;
      message: RegExp;
    }[] = [
      {
        title: 'a document naming another issuer (OIDC Discovery §4.3)',
        provider: { metadata: { issuer: 'https://idp.example' } },
        code: 'issuer_mismatch',
        message: /names the issuer "https:\/\/idp.example", not "https:\/\/idp.example\/"/,
      },
      {
        title: 'an issuer configured without its trailing "/"',
        options: { issuer: 'https://idp.example' },
        code: 'issuer_mismatch',
        message: /^Example IdP's discovery document/,
      },
      {
        title: 'a document slower than timeoutMs',
        options: { timeoutMs: 100 },
        provider: { discoveryDelayMs: 2000 },
        code: 'timeout',
        message: /did not answer within 100 ms/,
      },
      {
        title: 'an idTokenSigningAlg the provider does not list',
        options: { idTokenSigningAlg: 'ES256' },
        code: 'invalid_argument',
        message: /signs id_tokens with RS256, not idTokenSigningAlg "ES256"/,
      },
      {
        title: 'a clientAuth the provider does not list',
        options: { clientAuth: 'client_secret_basic' },
        code: 'invalid_argument',
        message:
          /accepts client authentication client_secret_post, not clientAuth "client_secret_basic"/,
      },
      ...['http://127.0.0.1:8080/token', 'http://localhost/token', 'http://[::1]/token'].map(
        (token_endpoint) => ({
          title: `a plain-http loopback token_endpoint ${token_endpoint} (an https issuer)`,
          provider: { metadata: { token_endpoint } },
          code: 'invalid_response',
          message: /has a token_endpoint that is not an https:\/\/ URL/,
        }),
      ),
      ...(['jwks_uri', 'userinfo_endpoint', 'end_session_endpoint'] as const).map((field) => ({
        title: `a plain-http loopback ${field} (an https issuer)`,
        provider: { metadata: { [field]: `http://127.0.0.1:8080/${field}` } },
        code: 'invalid_response',
        message: new RegExp(`has a ${field} that is not an https://`),
      })),
      {
        title: 'a document without token_endpoint',
        provider: { metadata: { token_endpoint: undefined } },
        code: 'invalid_response',
        message: /has no token_endpoint/,
      },
    ];
    for (const { title, options, provider, code, message } of refusals) {
      it(`throws ${code} for ${title}, before any token request`, async () => {
        if (provider !== undefined) bend(provider);
        const seen = recordTokenRequests();

        const error = await rejection(() => exchangeCode(standard(options)));

        assert.equal(error.code, code);
        assert.match(error.message, message);
        assert.deepEqual(seen, []);
      });
    }

    it('keeps plain-http loopback endpoints for a plain-http loopback issuer (the sandbox)', async () => {
      const issuer = 'http://127.0.0.1:4010/';
      server.use(
        http.get(`${issuer}.well-known/openid-configuration`, () =>
          HttpResponse.json({
            issuer,
            token_endpoint: `${issuer}token`,
            jwks_uri: `${issuer}jwks`,
            token_endpoint_auth_methods_supported: ['client_secret_post'],
          }),
        ),
        http.post(`${issuer}token`, () =>
          HttpResponse.json({ error: 'invalid_grant' }, { status: 400 }),
        ),
      );
      const seen = recordTokenRequests();

      const error = await rejection(() => exchangeCode(standard({ issuer })));

      assert.equal(error.code, 'token_error');
      assert.deepEqual(
        seen.map((request) => request.url),
        [`${issuer}token`],
      );
    });

    it('never widens the alg: an id_token signed with another alg the provider lists is refused', async () => {
      bend({ metadata: { id_token_signing_alg_values_supported: ['RS256', 'HS256'] } });
      server.use(
        http.post(STANDARD_TOKEN_ENDPOINT, () =>
          HttpResponse.json({ access_token: 'at', token_type: 'Bearer', id_token: hs256Token() }),
        ),
      );

      const error = await rejection(() => exchangeCode(standard()));

      assert.equal(error.code, 'invalid_id_token');
      assert.match(error.message, /alg "HS256", not idTokenSigningAlg "RS256"/);
    });
  });

  describe('when the options do not fit the provider', () => {
    it("names the provider in a token_error: Freedom ID's JSON body to a form endpoint", async () => {
      const error = await rejection(() => exchangeCode(standard({ tokenRequest: 'json' })));

      assert.equal(error.code, 'token_error');
      assert.equal(error.providerCode, 'unsupported_grant_type');
      assert.match(error.message, /^Example IdP refused the code exchange .* check tokenRequest/);
    });

    it('throws invalid_argument for an unknown clientAuth, before any request', async () => {
      const seen = recordTokenRequests();

      const error = await rejection(() =>
        exchangeCode(
          standard({ clientAuth: 'private_key_jwt' as ExchangeCodeOptions['clientAuth'] }),
        ),
      );

      assert.equal(error.code, 'invalid_argument');
      assert.match(
        error.message,
        /clientAuth "private_key_jwt" is not supported: use one of "client_secret_basic", "client_secret_post"/,
      );
      assert.deepEqual(seen, []);
    });

    it('throws invalid_argument for an unknown tokenRequest', async () => {
      const error = await rejection(() =>
        exchangeCode(standard({ tokenRequest: 'xml' as ExchangeCodeOptions['tokenRequest'] })),
      );

      assert.equal(error.code, 'invalid_argument');
      assert.match(error.message, /tokenRequest "xml"/);
    });

    it('throws invalid_argument for an HMAC idTokenSigningAlg', async () => {
      const error = await rejection(() =>
        exchangeCode(
          standard({ idTokenSigningAlg: 'HS256' as ExchangeCodeOptions['idTokenSigningAlg'] }),
        ),
      );

      assert.equal(error.code, 'invalid_argument');
    });
  });

  describe('when discovery is off', () => {
    it('sends a form body with HTTP Basic, form-encoding the credentials (RFC 6749 §2.3.1)', async () => {
      const seen = recordTokenRequests();
      server.use(
        http.post('https://idp.example/token', () =>
          HttpResponse.json({ error: 'invalid_grant' }, { status: 400 }),
        ),
      );

      const error = await rejection(() =>
        exchangeCode(
          standard({
            discovery: false,
            tokenEndpoint: 'https://idp.example/token',
            tokenRequest: 'form',
            clientAuth: 'client_secret_basic',
            clientSecret: 'a b+c',
          }),
        ),
      );

      assert.equal(error.code, 'token_error');
      assert.equal(error.providerCode, 'invalid_grant');
      assert.equal(seen[0]?.type, 'application/x-www-form-urlencoded');
      assert.equal(seen[0]?.auth, `Basic ${btoa(`${CLIENT_ID}:a+b%2Bc`)}`);
    });

    it('defaults the token endpoint to Freedom ID\'s path under the issuer, never with "//"', async () => {
      const seen = recordTokenRequests();
      server.use(http.post('http://127.0.0.1:9400/api/v1/oidc/token', () => HttpResponse.error()));

      await rejection(() =>
        exchangeCode({
          ...standard(),
          discovery: false,
          issuer: 'http://127.0.0.1:9400/',
          clientAuth: 'client_secret_basic',
        }),
      );

      assert.equal(seen[0]?.url, 'http://127.0.0.1:9400/api/v1/oidc/token');
      assert.equal(seen[0]?.type, 'application/json');
    });
  });
});

/** An HS256 id_token with a junk signature, otherwise valid for the standards provider. */
function hs256Token(): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({
    iss: STANDARD_ISSUER,
    sub: 'someone',
    aud: CLIENT_ID,
    nonce: NONCE,
    exp: now + 300,
    iat: now,
  })}.${Buffer.from('junk').toString('base64url')}`;
}
