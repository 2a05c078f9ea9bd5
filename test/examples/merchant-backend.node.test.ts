// The example merchant's backend, end to end in Node: its real handler on node:http, with
// Freedom ID played by the kit's MSW handlers (msw/node) and the browser played by fetch + a cookie.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { toNodeListener } from '../../src/server/index.js';
import {
  freedomIdHandlers,
  mintCode,
  TEST_USERS,
  type FreedomIdFailure,
} from '../../src/testing/index.js';
import { createBackend, type BackendConfig } from '../../examples/merchant/backend.js';

const CLIENT_ID = 'c388f3cd-7722-4040-9bb2-94b0a05093aa';
const CLIENT_SECRET = 'the-merchant-secret';
const SCOPE = 'openid read.profile read.email';
const logged: string[] = [];

// Freedom ID, as the kit plays it; the test's own requests to the backend on 127.0.0.1 go through.
const freedomId = setupServer(
  ...freedomIdHandlers({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }),
);
let backend: Server;
let site: string;
let config: BackendConfig;

/** The sign-in page's origin and URL: the backend serves the same origin, as the handler requires. */
const redirectUri = () => `${site}/login`;

/** One browser: GET /params keeps the cookie, POST /callback sends it back with the page's Origin. */
class Browser {
  cookie = '';

  async startSignIn(): Promise<{ state: string; nonce: string; codeChallenge: string }> {
    const reply = await fetch(`${site}/api/freedomid/params`, { headers: { cookie: this.cookie } });
    this.cookie = (reply.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    return (await reply.json()) as { state: string; nonce: string; codeChallenge: string };
  }

  async handOff(body: unknown): Promise<{ status: number; body: unknown }> {
    const reply = await fetch(`${site}/api/freedomid/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: site, cookie: this.cookie },
      body: JSON.stringify(body),
    });
    return { status: reply.status, body: await reply.json() };
  }
}

/** Signs `user` in at the kit's Freedom ID for the request `params` describes; returns the SDK's hand-off. */
function signedIn(
  params: { state: string; nonce: string; codeChallenge: string },
  user = 'aigerim',
) {
  const code = mintCode({
    clientId: CLIENT_ID,
    redirectUri: redirectUri(),
    nonce: params.nonce,
    scope: SCOPE,
    user,
    codeChallenge: params.codeChallenge,
  });
  return { code, state: params.state, nonce: params.nonce, redirectUri: redirectUri() };
}

/** The error codes the backend logged, in order. */
function causes(): string[] {
  return logged.map(
    (message) => /^Freedom ID sign-in failed: (\w+):/.exec(message)?.[1] ?? message,
  );
}

/** The URLs of the token requests that reached the kit's Freedom ID. */
function tokenRequests(): string[] {
  const urls: string[] = [];
  freedomId.events.on('request:start', ({ request }) => {
    if (!request.url.startsWith(site)) urls.push(request.url);
  });
  return urls;
}

before(async () => {
  freedomId.listen({
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).hostname !== '127.0.0.1') print.error();
    },
  });
  // The handler is made per request, so a test can change `config`.
  backend = createServer((req, res) => {
    toNodeListener(createBackend(config))(req, res);
  });
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  site = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
});
afterEach(() => {
  freedomId.resetHandlers();
  freedomId.events.removeAllListeners();
  logged.length = 0;
});
after(async () => {
  freedomId.close();
  await new Promise((resolve) => backend.close(resolve));
});

describe('the example merchant backend', () => {
  const base = (): BackendConfig => ({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: redirectUri(),
    cookieSecret: 'the-example-cookie-secret-of-32-bytes',
    log: (message) => void logged.push(message),
  });
  before(() => {
    config = base();
  });
  afterEach(() => {
    config = base();
  });

  describe('when the browser completes a sign-in it started', () => {
    for (const user of TEST_USERS) {
      it(`answers the user Freedom ID vouched for (${user.login})`, async () => {
        const browser = new Browser();
        const params = await browser.startSignIn();

        const reply = await browser.handOff(signedIn(params, user.login));

        assert.deepEqual(reply, {
          status: 200,
          body: {
            user: { sub: user.claims.sub, name: user.claims.name, email: user.claims.email },
          },
        });
      });
    }

    it('verifies the id_token signature when given a JWKS', async () => {
      config = { ...base(), jwksUri: 'https://passport.freedompay.kz/api/v1/oidc/jwks' };
      const browser = new Browser();

      const reply = await browser.handOff(signedIn(await browser.startSignIn()));

      assert.equal(reply.status, 200);
    });
  });

  describe('when the hand-off cannot be trusted', () => {
    it('refuses a stolen code and nonce posted without the browser’s cookie, before calling Freedom ID', async () => {
      const victim = new Browser();
      const stolen = signedIn(await victim.startSignIn());
      const requests = tokenRequests();

      const reply = await new Browser().handOff(stolen);

      assert.equal(reply.status, 400);
      assert.equal((reply.body as { error: string }).error, 'state_mismatch');
      assert.deepEqual(requests, []);
    });

    it('refuses a replayed hand-off: the pending sign-in was used up', async () => {
      const browser = new Browser();
      const once = signedIn(await browser.startSignIn());
      const cookie = browser.cookie;
      await browser.handOff(once);
      browser.cookie = '';

      assert.equal(
        ((await browser.handOff(once)).body as { error: string }).error,
        'state_mismatch',
      );
      browser.cookie = cookie; // even a copy of the old cookie: Freedom ID redeems a code once
      assert.equal(((await browser.handOff(once)).body as { error: string }).error, 'token_error');
      assert.deepEqual(causes(), ['state_mismatch', 'token_error']);
    });
  });

  describe('when Freedom ID fails', () => {
    const cases: { failWith: FreedomIdFailure; status: number; error: string; cause: string }[] = [
      { failWith: 'invalid_code', status: 400, error: 'token_error', cause: 'token_error' },
      { failWith: 'http200_error', status: 400, error: 'token_error', cause: 'token_error' },
      {
        failWith: 'server_error',
        status: 502,
        error: 'provider_unavailable',
        cause: 'token_error',
      },
      {
        failWith: 'network_error',
        status: 502,
        error: 'provider_unavailable',
        cause: 'network_error',
      },
      { failWith: 'slow', status: 504, error: 'provider_timeout', cause: 'timeout' },
      {
        failWith: 'forged_signature',
        status: 401,
        error: 'id_token_invalid',
        cause: 'signature_invalid',
      },
    ];
    for (const { failWith, status, error, cause } of cases) {
      it(`${failWith}: answers ${status} ${error} and logs ${cause}`, async () => {
        freedomId.use(
          ...freedomIdHandlers({
            clientId: CLIENT_ID,
            clientSecret: CLIENT_SECRET,
            failWith,
            ...(failWith === 'slow' ? { delayMs: 1000 } : {}),
          }),
        );
        config = {
          ...base(),
          jwksUri: 'https://passport.freedompay.kz/api/v1/oidc/jwks',
          ...(failWith === 'slow' ? { timeoutMs: 200 } : {}),
        };
        const browser = new Browser();

        const reply = await browser.handOff(signedIn(await browser.startSignIn()));

        assert.equal(reply.status, status);
        assert.equal((reply.body as { error: string }).error, error);
        assert.deepEqual(causes(), [cause]);
      });
    }
  });
});
