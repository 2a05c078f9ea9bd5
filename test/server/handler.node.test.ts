import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, afterEach, before, describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  clearDiscoveryCache,
  createFreedomIdHandler,
  FreedomIdServerError,
  HANDLER_ERRORS,
  type FreedomIdHandler,
  type FreedomIdHandlerOptions,
  type HandlerErrorCode,
} from '../../src/server/index.js';
import {
  freedomIdHandlers,
  mintCode,
  TEST_USERS,
  type FreedomIdFailure,
} from '../../src/testing/index.js';
import { PAGE_ORIGIN, TestBrowser, type ParamsReply } from './browser.js';
import { refusal } from './session-support.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  FREEDOM_ID,
  ISSUER,
  JWKS_URI,
  REDIRECT_URI,
  SCOPE,
  TOKEN_ENDPOINT,
  thrown,
} from './fixtures.js';

const server = setupServer(...freedomIdHandlers(FREEDOM_ID));
const SECRET = 'a-cookie-secret-of-at-least-32-bytes!';
const AIGERIM = TEST_USERS[0].claims;
const errors: unknown[] = [];

function handler(overrides: Partial<FreedomIdHandlerOptions> = {}): FreedomIdHandler {
  return createFreedomIdHandler({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: REDIRECT_URI,
    cookieSecret: SECRET,
    onSignIn: (claims) => ({ user: { sub: claims.sub, name: claims.name } }),
    onError: (error) => void errors.push(error),
    ...overrides,
  });
}

/** The pending cookie's name for `state` in a secure deployment: `__Host-freedomid_` + 16 characters of its SHA-256. */
function cookieNameFor(state: string): string {
  return `__Host-freedomid_${createHash('sha256').update(state).digest('base64url').slice(0, 16)}`;
}

/** What the provider sends back after the user signs in to the request made from `params`. */
function codeFor(params: ParamsReply, user = 'aigerim'): string {
  return mintCode({
    clientId: CLIENT_ID,
    redirectUri: REDIRECT_URI,
    nonce: params.nonce,
    scope: SCOPE,
    user,
    ...(params.codeChallenge === undefined ? {} : { codeChallenge: params.codeChallenge }),
  });
}

/** The SDK's hand-off for a sign-in (its `nonce` and `codeVerifier` are what a browser could forge). */
function handOff(params: ParamsReply, code = codeFor(params)): Record<string, string> {
  return { code, state: params.state, nonce: params.nonce, redirectUri: REDIRECT_URI };
}

/** The bodies of the token requests that reach MSW. */
function recordTokenRequests(): Promise<Record<string, unknown>>[] {
  const seen: Promise<Record<string, unknown>>[] = [];
  server.events.on('request:start', ({ request }) => {
    if (request.url === TOKEN_ENDPOINT)
      seen.push(request.clone().json() as Promise<Record<string, unknown>>);
  });
  return seen;
}

function pick(reply: { status: number; body: unknown }): { status: number; body: unknown } {
  return { status: reply.status, body: reply.body };
}

before(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  server.resetHandlers();
  server.events.removeAllListeners();
  errors.length = 0;
});
after(() => {
  server.close();
});

describe('createFreedomIdHandler', () => {
  describe('GET {basePath}/params', () => {
    it('answers state, nonce and an S256 challenge, never cached', async () => {
      const { response, body } = await new TestBrowser().params(handler());

      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.deepEqual(Object.keys(body), [
        'state',
        'nonce',
        'codeChallenge',
        'codeChallengeMethod',
      ]);
      assert.match(body.state, /^[\w-]{43}$/);
      assert.match(body.nonce, /^[\w-]{43}$/);
      assert.match(body.codeChallenge ?? '', /^[\w-]{43}$/);
      assert.equal(body.codeChallengeMethod, 'S256');
      assert.notEqual(body.state, body.nonce);
    });

    it('sets one encrypted __Host- cookie named for its state: HttpOnly, SameSite=Lax, Path=/, Secure, with its own expiry', async () => {
      const browser = new TestBrowser();

      const { body } = await browser.params(handler());

      assert.equal(browser.setCookies.length, 1);
      assert.match(
        browser.setCookies[0] ?? '',
        /^__Host-freedomid_[\w-]{16}=[\w-]+\.\.[\w-]+\.[\w-]+\.[\w-]+; Path=\/; Max-Age=600; HttpOnly; SameSite=Lax; Secure$/,
      );
      assert.deepEqual([...browser.jar.keys()], [cookieNameFor(body.state)]);
      const value = [...browser.jar.values()][0] ?? '';
      assert.equal(value.includes(body.state) || value.includes(body.nonce), false);
      const header = JSON.parse(
        Buffer.from(value.split('.')[0] ?? '', 'base64url').toString(),
      ) as unknown;
      assert.deepEqual(header, { alg: 'dir', enc: 'A256GCM' });
    });

    it('leaves Secure and __Host- off only for a plain-http loopback redirectUri; Path=/ whatever the basePath', async () => {
      const browser = new TestBrowser('/auth');

      await browser.params(
        handler({
          redirectUri: 'http://127.0.0.1:8080/login',
          basePath: '/auth',
          pendingTtlSeconds: 120,
        }),
      );

      assert.match(
        browser.setCookies[0] ?? '',
        /^freedomid_[\w-]{16}=[^;]+; Path=\/; Max-Age=120; HttpOnly; SameSite=Lax$/,
      );
    });

    it('with pkce: false, answers state and nonce only', async () => {
      const { body } = await new TestBrowser().params(handler({ pkce: false }));

      assert.deepEqual(Object.keys(body), ['state', 'nonce']);
    });

    it('keeps at most 5 pending sign-ins: a 6th drops the oldest, and the others still complete', async () => {
      const browser = new TestBrowser();
      const signIns: ParamsReply[] = [];
      for (let index = 0; index < 6; index++) signIns.push((await browser.params(handler())).body);

      assert.equal(browser.jar.size, 5);
      const [oldest, second] = signIns as [ParamsReply, ParamsReply];
      assert.deepEqual(
        pick(await browser.callback(handler(), handOff(oldest))),
        refusal('state_mismatch'),
      );
      assert.equal((await browser.callback(handler(), handOff(second))).status, 200);
      assert.equal(browser.jar.size, 4);
    });

    it('refuses a cross-site request (Sec-Fetch-Site), setting no cookie', async () => {
      const browser = new TestBrowser();

      const { response, body } = await browser.params(handler(), {
        'sec-fetch-site': 'cross-site',
      });

      assert.deepEqual({ status: response.status, body }, refusal('forbidden_origin'));
      assert.equal(browser.jar.size, 0);
    });
  });

  describe('POST {basePath}/callback', () => {
    it("exchanges the code with the cookie's nonce and verifier, answers onSignIn's result and clears the cookie", async () => {
      const browser = new TestBrowser();
      const { body: params } = await browser.params(handler());
      const seen = recordTokenRequests();
      let received: unknown[] = [];

      const reply = await browser.callback(
        handler({
          onSignIn: (claims, tokens, request) => {
            received = [claims.nonce, claims.sub, tokens.token_type, request.method];
            return { user: claims.sub };
          },
        }),
        handOff(params),
      );

      assert.deepEqual(pick(reply), { status: 200, body: { user: AIGERIM.sub } });
      assert.equal(reply.response.headers.get('cache-control'), 'no-store');
      assert.deepEqual(received, [params.nonce, AIGERIM.sub, 'Bearer', 'POST']);
      assert.equal(seen.length, 1);
      const sent = await seen[0];
      assert.equal(typeof sent.code_verifier, 'string');
      assert.equal(
        createHash('sha256').update(String(sent.code_verifier)).digest('base64url'),
        params.codeChallenge,
      );
      assert.equal(browser.jar.size, 0);
      assert.equal(
        browser.setCookies.at(-1),
        `${cookieNameFor(params.state)}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure`,
      );
    });

    it('ignores a nonce and codeVerifier in the body: the cookie binds them', async () => {
      const browser = new TestBrowser();
      const { body: params } = await browser.params(handler());
      const seen = recordTokenRequests();

      const reply = await browser.callback(handler(), {
        ...handOff(params),
        nonce: 'attacker-nonce',
        codeVerifier: 'attacker-verifier-attacker-verifier-attacker',
      });

      assert.equal(reply.status, 200);
      assert.notEqual(
        (await seen[0]).code_verifier,
        'attacker-verifier-attacker-verifier-attacker',
      );
    });

    it('with pkce: false, the cookie-bound nonce alone binds the sign-in', async () => {
      const browser = new TestBrowser();
      const { body: params } = await browser.params(handler({ pkce: false }));
      const seen = recordTokenRequests();

      const reply = await browser.callback(handler({ pkce: false }), handOff(params));

      assert.equal(reply.status, 200);
      assert.equal('code_verifier' in (await seen[0]), false);
    });

    it('accepts a cookie sealed with an older cookieSecret still in the list, and refuses it once retired', async () => {
      const NEW = 'the-new-cookie-secret-of-32-bytes-at-least';
      const browser = new TestBrowser();
      const first = (await browser.params(handler({ cookieSecret: SECRET }))).body;
      const second = (await browser.params(handler({ cookieSecret: SECRET }))).body;

      const rotated = await browser.callback(
        handler({ cookieSecret: [NEW, SECRET] }),
        handOff(first),
      );
      const retired = await browser.callback(handler({ cookieSecret: [NEW] }), handOff(second));

      assert.equal(rotated.status, 200);
      assert.deepEqual(pick(retired), refusal('state_mismatch'));
      assert.equal(browser.jar.size, 0, 'the unreadable cookie is cleared');
    });

    it('seals new cookies with the newest cookieSecret', async () => {
      const NEW = 'the-new-cookie-secret-of-32-bytes-at-least';
      const browser = new TestBrowser();
      const { body } = await browser.params(handler({ cookieSecret: [NEW, SECRET] }));

      const reply = await browser.callback(handler({ cookieSecret: [NEW] }), handOff(body));

      assert.equal(reply.status, 200);
    });

    const onSignInReplies: {
      title: string;
      onSignIn: FreedomIdHandlerOptions['onSignIn'];
      status: number;
      location: string | null;
    }[] = [
      {
        title: 'its own Response (immutable headers)',
        onSignIn: () => Response.redirect('https://shop.example/account', 303),
        status: 303,
        location: 'https://shop.example/account',
      },
      {
        title: 'a thrown error (500 sign_in_failed)',
        onSignIn: () => {
          throw new Error('database down');
        },
        status: 500,
        location: null,
      },
    ];
    for (const { title, onSignIn, status, location } of onSignInReplies) {
      it(`clears the cookie when onSignIn returns ${title}`, async () => {
        const browser = new TestBrowser();
        const { body: params } = await browser.params(handler());

        const reply = await browser.callback(handler({ onSignIn }), handOff(params));

        assert.equal(reply.status, status);
        assert.equal(reply.response.headers.get('location'), location);
        assert.equal(browser.jar.size, 0);
      });
    }
  });

  describe('when onSignIn or onError misbehave, the reply is still a refusal that clears the cookie', () => {
    const failingResults: { title: string; onSignIn: FreedomIdHandlerOptions['onSignIn'] }[] = [
      { title: 'a result JSON cannot encode (a BigInt id)', onSignIn: () => ({ id: 1n }) },
      {
        title: 'a result with a cycle',
        onSignIn: () => {
          const user: Record<string, unknown> = {};
          user.self = user;
          return user;
        },
      },
      {
        title: 'a Response whose body was already read',
        onSignIn: async () => {
          const response = new Response('{}');
          await response.text();
          return response;
        },
      },
    ];
    for (const { title, onSignIn } of failingResults) {
      it(`answers sign_in_failed for ${title}, and tells onError`, async () => {
        const browser = new TestBrowser();
        const { body: params } = await browser.params(handler());

        const reply = await browser.callback(handler({ onSignIn }), handOff(params));

        assert.deepEqual(pick(reply), refusal('sign_in_failed'));
        assert.equal(browser.jar.size, 0, 'the cookie is cleared');
        assert.equal(errors.length, 1);
        assert.ok(errors[0] instanceof TypeError);
      });
    }

    const failingLoggers: { title: string; onError: FreedomIdHandlerOptions['onError'] }[] = [
      {
        title: 'throws',
        onError: () => {
          throw new Error('logger down');
        },
      },
      {
        title: 'rejects (async)',
        // eslint-disable-next-line @typescript-eslint/no-misused-promises -- an async onError is the case guarded
        onError: () => Promise.reject(new Error('logger down')),
      },
    ];
    for (const { title, onError } of failingLoggers) {
      it(`answers each refusal as usual when onError ${title}`, async () => {
        server.use(...freedomIdHandlers({ ...FREEDOM_ID, failWith: 'invalid_code' }));
        const logged: unknown[] = [];
        const consoleError = console.error;
        console.error = (...args: unknown[]) => void logged.push(args);
        try {
          const browser = new TestBrowser();
          const { body: params } = await browser.params(handler({ onError }));

          const spent = await browser.callback(handler({ onError }), handOff(params));
          const replayed = await browser.callback(handler({ onError }), handOff(params));
          const route = await handler({ onError })(new Request(`${PAGE_ORIGIN}/api/freedomid/x`));
          await new Promise((resolve) => setImmediate(resolve));

          assert.deepEqual(pick(spent), refusal('token_error'));
          assert.equal(browser.jar.size, 0, 'the spent cookie is cleared');
          assert.deepEqual(pick(replayed), refusal('state_mismatch'));
          assert.equal(route.status, 404);
          assert.equal(logged.length, 3, 'each failure of onError is logged');
        } finally {
          console.error = consoleError;
        }
      });
    }
  });

  describe('when the callback cannot be trusted, nothing reaches the token endpoint', () => {
    it('refuses a stolen code and its nonce posted without the victim’s cookie', async () => {
      const victim = new TestBrowser();
      const { body: params } = await victim.params(handler());
      const seen = recordTokenRequests();

      const reply = await new TestBrowser().callback(handler(), handOff(params));

      assert.deepEqual(pick(reply), refusal('state_mismatch'));
      assert.equal(seen.length, 0);
    });

    it('refuses a valid cookie of another sign-in (the attacker’s own) with the victim’s state and code', async () => {
      const victim = new TestBrowser();
      const { body: params } = await victim.params(handler());
      const attacker = new TestBrowser();
      await attacker.params(handler());
      const seen = recordTokenRequests();

      const reply = await attacker.callback(handler(), handOff(params));

      assert.deepEqual(pick(reply), refusal('state_mismatch'));
      assert.equal(seen.length, 0);
      assert.equal(attacker.jar.size, 1, "the attacker's own pending sign-in is left alone");
    });

    const ownState: { pkce: boolean; error: HandlerErrorCode; cause: string }[] = [
      { pkce: true, error: 'token_error', cause: 'token_error' },
      { pkce: false, error: 'id_token_invalid', cause: 'nonce_mismatch' },
    ];
    for (const { pkce, error, cause } of ownState) {
      it(`refuses a stolen code posted with the attacker’s own cookie and state (pkce: ${String(pkce)}): ${cause}`, async () => {
        const victim = new TestBrowser();
        const { body: victimParams } = await victim.params(handler({ pkce }));
        const attacker = new TestBrowser();
        const { body: attackerParams } = await attacker.params(handler({ pkce }));

        const reply = await attacker.callback(
          handler({ pkce }),
          handOff(attackerParams, codeFor(victimParams)),
        );

        assert.deepEqual(pick(reply), refusal(error));
        assert.deepEqual(
          errors.map((item) => (item instanceof FreedomIdServerError ? item.code : String(item))),
          [cause],
        );
      });
    }

    it('refuses a replayed callback: the cookie was used up', async () => {
      const browser = new TestBrowser();
      const { body: params } = await browser.params(handler());
      const once = handOff(params);
      await browser.callback(handler(), once);
      const seen = recordTokenRequests();

      const reply = await browser.callback(handler(), once);

      assert.deepEqual(pick(reply), refusal('state_mismatch'));
      assert.equal(seen.length, 0);
    });

    const badRequests: {
      title: string;
      body?: unknown;
      headers?: Record<string, string>;
      error: HandlerErrorCode;
    }[] = [
      {
        title: 'a foreign Origin',
        headers: { origin: 'https://evil.example' },
        error: 'forbidden_origin',
      },
      { title: 'Origin null', headers: { origin: '' }, error: 'forbidden_origin' },
      {
        title: 'the Origin of another scheme',
        headers: { origin: 'http://shop.example' },
        error: 'forbidden_origin',
      },
      {
        title: 'a form post',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        error: 'unsupported_media_type',
      },
      {
        title: 'text/plain (a CORS-simple request)',
        headers: { 'content-type': 'text/plain' },
        error: 'unsupported_media_type',
      },
      { title: 'a body that is not JSON', body: 'code=abc', error: 'invalid_request' },
      { title: 'a JSON array', body: '[]', error: 'invalid_request' },
      { title: 'no state', body: { state: undefined }, error: 'invalid_request' },
      { title: 'an empty state', body: { state: '' }, error: 'invalid_request' },
      { title: 'a numeric code', body: { code: 42 }, error: 'invalid_request' },
      { title: 'an empty code', body: { code: '' }, error: 'invalid_request' },
      {
        title: 'an unregistered redirectUri',
        body: { redirectUri: 'https://evil.example/login' },
        error: 'invalid_request',
      },
      { title: 'a body over 16 KB', body: { pad: 'x'.repeat(17_000) }, error: 'invalid_request' },
    ];
    for (const { title, body, headers = {}, error } of badRequests) {
      it(`answers ${error} for ${title}`, async () => {
        const browser = new TestBrowser();
        const { body: params } = await browser.params(handler());
        const seen = recordTokenRequests();
        const sent =
          typeof body === 'string'
            ? body
            : { ...handOff(params), ...(body as Record<string, unknown> | undefined) };
        const withoutOrigin = headers.origin === '';

        const reply = await browser.callback(
          handler(),
          sent,
          withoutOrigin ? { ...headers, origin: 'null' } : headers,
        );

        assert.deepEqual(pick(reply), refusal(error));
        assert.equal(seen.length, 0);
        assert.equal(browser.jar.size, 1, 'the pending sign-in stays usable');
      });
    }
  });

  describe('when the provider fails', () => {
    const cases: {
      failWith: FreedomIdFailure;
      error: HandlerErrorCode;
      cause: string;
      options?: Partial<FreedomIdHandlerOptions>;
    }[] = [
      { failWith: 'invalid_code', error: 'token_error', cause: 'token_error' },
      { failWith: 'http200_error', error: 'token_error', cause: 'token_error' },
      { failWith: 'server_error', error: 'provider_unavailable', cause: 'token_error' },
      { failWith: 'network_error', error: 'provider_unavailable', cause: 'network_error' },
      {
        failWith: 'slow',
        error: 'provider_timeout',
        cause: 'timeout',
        options: { timeoutMs: 200 },
      },
      {
        failWith: 'forged_signature',
        error: 'id_token_invalid',
        cause: 'signature_invalid',
        options: { jwksUri: JWKS_URI },
      },
    ];
    for (const { failWith, error, cause, options = {} } of cases) {
      it(`${failWith}: answers ${HANDLER_ERRORS[error][0]} ${error} and reports ${cause} to onError`, async () => {
        server.use(
          ...freedomIdHandlers({
            ...FREEDOM_ID,
            failWith,
            ...(failWith === 'slow' ? { delayMs: 2000 } : {}),
          }),
        );
        const browser = new TestBrowser();
        const { body: params } = await browser.params(handler(options));

        const reply = await browser.callback(handler(options), handOff(params));

        assert.deepEqual(pick(reply), refusal(error));
        assert.deepEqual(
          errors.map((item) => (item instanceof FreedomIdServerError ? item.code : String(item))),
          [cause],
        );
        assert.equal(browser.jar.size, 0, 'the code is spent: the cookie goes too');
      });
    }

    const issuerCases: {
      title: string;
      arrange: () => void;
      options: Partial<FreedomIdHandlerOptions>;
      error: HandlerErrorCode;
    }[] = [
      {
        title: 'a discovery document naming another issuer (the issuer option is wrong)',
        arrange: () => {
          server.use(
            http.get(`${ISSUER}/.well-known/openid-configuration`, () =>
              HttpResponse.json({
                issuer: 'https://other.example',
                token_endpoint: TOKEN_ENDPOINT,
                jwks_uri: JWKS_URI,
              }),
            ),
          );
        },
        options: { discovery: true },
        error: 'configuration_error',
      },
      {
        title: 'an id_token from another issuer (it cannot be trusted)',
        arrange: () => {
          server.use(
            ...freedomIdHandlers({ ...FREEDOM_ID, idTokenClaims: { iss: 'https://evil.example' } }),
          );
        },
        options: {},
        error: 'id_token_invalid',
      },
    ];
    for (const { title, arrange, options, error } of issuerCases) {
      it(`answers ${error} for ${title}, reporting issuer_mismatch`, async () => {
        clearDiscoveryCache();
        arrange();
        const browser = new TestBrowser();
        const { body: params } = await browser.params(handler(options));

        const reply = await browser.callback(handler(options), handOff(params));

        assert.deepEqual(pick(reply), refusal(error));
        assert.deepEqual(
          errors.map((item) => (item instanceof FreedomIdServerError ? item.code : String(item))),
          ['issuer_mismatch'],
        );
      });
    }

    it('answers configuration_error for a wrong client secret', async () => {
      const browser = new TestBrowser();
      const { body: params } = await browser.params(handler());

      const reply = await browser.callback(handler({ clientSecret: 'wrong' }), handOff(params));

      assert.deepEqual(pick(reply), refusal('configuration_error'));
    });
  });

  describe('redirect URIs are compared as parsed URLs, as the SDK sends them', () => {
    const spellings: { registered: string; posted: string }[] = [
      { registered: 'https://shop.example', posted: 'https://shop.example/' },
      { registered: 'https://shop.example/', posted: 'https://shop.example' },
      { registered: 'https://shop.example/login', posted: 'https://SHOP.example:443/login' },
    ];
    for (const { registered, posted } of spellings) {
      it(`accepts ${posted} for the registered ${registered}, and exchanges it as posted`, async () => {
        const options = { redirectUri: registered };
        const browser = new TestBrowser();
        const { body: params } = await browser.params(handler(options));
        const seen = recordTokenRequests();
        const code = mintCode({
          clientId: CLIENT_ID,
          redirectUri: posted,
          nonce: params.nonce,
          scope: SCOPE,
          ...(params.codeChallenge === undefined ? {} : { codeChallenge: params.codeChallenge }),
        });

        const reply = await browser.callback(handler(options), {
          code,
          state: params.state,
          redirectUri: posted,
        });

        assert.equal(reply.status, 200);
        assert.equal((await seen[0]).redirect_uri, posted);
      });
    }

    for (const posted of [
      'https://shop.example/login/',
      'not a url',
      'https://shop.example/Login',
    ]) {
      it(`still refuses ${posted} for https://shop.example/login`, async () => {
        const browser = new TestBrowser();
        const { body: params } = await browser.params(handler());

        const reply = await browser.callback(handler(), {
          ...handOff(params),
          redirectUri: posted,
        });

        assert.deepEqual(pick(reply), refusal('invalid_request'));
      });
    }
  });

  describe('routes and options', () => {
    const routes: {
      method: string;
      path: string;
      error: HandlerErrorCode;
      allow: string | null;
    }[] = [
      { method: 'POST', path: '/api/freedomid/params', error: 'method_not_allowed', allow: 'GET' },
      {
        method: 'GET',
        path: '/api/freedomid/callback',
        error: 'method_not_allowed',
        allow: 'POST',
      },
      { method: 'GET', path: '/api/freedomid/other', error: 'not_found', allow: null },
      { method: 'GET', path: '/api/freedomidparams', error: 'not_found', allow: null },
    ];
    for (const { method, path, error, allow } of routes) {
      it(`answers ${method} ${path} with ${error}`, async () => {
        const response = await handler()(new Request(`${PAGE_ORIGIN}${path}`, { method }));

        assert.deepEqual(
          { status: response.status, body: (await response.json()) as unknown },
          refusal(error),
        );
        assert.equal(response.headers.get('allow'), allow);
      });
    }

    it('refuses an unknown option name, naming it in field', () => {
      const options = { sessionMaxAge: 3600 } as Partial<FreedomIdHandlerOptions>;

      const error = thrown(() => handler(options));
      assert.deepEqual([error.code, error.field], ['invalid_argument', 'sessionMaxAge']);
      assert.ok(
        error.message.startsWith(
          'Unknown option "sessionMaxAge" of createFreedomIdHandler: the options are clientId, clientSecret, issuer,',
        ),
        error.message,
      );
    });

    const badOptions: {
      title: string;
      options: Partial<FreedomIdHandlerOptions>;
      field: string;
    }[] = [
      {
        title: 'a cookieSecret under 32 bytes',
        options: { cookieSecret: 'short' },
        field: 'cookieSecret',
      },
      {
        title: 'a list with a short cookieSecret',
        options: { cookieSecret: [SECRET, 'short'] },
        field: 'cookieSecret',
      },
      { title: 'no cookieSecret', options: { cookieSecret: [] }, field: 'cookieSecret' },
      { title: 'no onSignIn', options: { onSignIn: undefined }, field: 'onSignIn' },
      {
        title: 'a basePath with a trailing "/"',
        options: { basePath: '/api/freedomid/' },
        field: 'basePath',
      },
      {
        title: 'a plain-http redirectUri off loopback',
        options: { redirectUri: 'http://shop.example/login' },
        field: 'redirectUri',
      },
      {
        title: 'a non-boolean pkce',
        options: { pkce: 'yes' as unknown as boolean },
        field: 'pkce',
      },
      {
        title: 'an unknown clientAuth',
        options: { clientAuth: 'tls_client_auth' as FreedomIdHandlerOptions['clientAuth'] },
        field: 'clientAuth',
      },
      { title: 'a zero timeoutMs', options: { timeoutMs: 0 }, field: 'timeoutMs' },
    ];
    for (const { title, options, field } of badOptions) {
      it(`throws invalid_argument at creation for ${title}, naming ${field}`, () => {
        const error = thrown(() => handler(options));
        assert.deepEqual([error.code, error.field], ['invalid_argument', field]);
      });
    }
  });
});
