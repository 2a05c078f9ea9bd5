// The example merchant's backend, end to end in Node: its real node:http handler and
// exchangeCode, with Freedom ID played by the kit's MSW handlers (msw/node).
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import {
  freedomIdHandlers,
  mintCode,
  TEST_USERS,
  type FreedomIdFailure,
} from '../../src/testing/index.js';
import { createCallbackHandler, type CallbackConfig } from '../../examples/merchant/backend.js';

const CLIENT_ID = 'c388f3cd-7722-4040-9bb2-94b0a05093aa';
const CLIENT_SECRET = 'the-merchant-secret';
const REDIRECT_URI = 'https://shop.example/login';
const SCOPE = 'openid read.profile read.email';
const logged: string[] = [];
const CONFIG: CallbackConfig = {
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  redirectUris: [REDIRECT_URI],
  log: (message) => void logged.push(message),
};

// Freedom ID, as the kit plays it; the test's own requests to the backend on 127.0.0.1 go through.
const freedomId = setupServer(
  ...freedomIdHandlers({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }),
);
let backend: Server;
let backendUrl: string;
let config: CallbackConfig = CONFIG;

/** What the browser POSTs after a sign-in: a code Freedom ID issued for this nonce. */
function handOff({ user = 'aigerim', nonce = 'nonce-of-this-sign-in' } = {}) {
  return {
    code: mintCode({ clientId: CLIENT_ID, redirectUri: REDIRECT_URI, nonce, scope: SCOPE, user }),
    state: 'state-of-this-sign-in',
    nonce,
    redirectUri: REDIRECT_URI,
  };
}

/** The error codes the backend logged, in order. */
function causes(): string[] {
  return logged.map(
    (message) => /^Freedom ID sign-in failed: (\w+):/.exec(message)?.[1] ?? message,
  );
}

async function post(body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(backendUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

before(async () => {
  freedomId.listen({
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).hostname !== '127.0.0.1') print.error();
    },
  });
  // The handler is made per request, so a test can change `config`.
  backend = createServer((req, res) => void createCallbackHandler(config)(req, res));
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}/api/freedomid/callback`;
});
afterEach(() => {
  freedomId.resetHandlers();
  logged.length = 0;
  config = CONFIG;
});
after(async () => {
  freedomId.close();
  await new Promise((resolve) => backend.close(resolve));
});

describe('the example merchant backend', () => {
  describe('when the hand-off is a fresh sign-in', () => {
    for (const user of TEST_USERS) {
      it(`answers the user Freedom ID vouched for (${user.login})`, async () => {
        const reply = await post(handOff({ user: user.login }));

        assert.deepEqual(reply, {
          status: 200,
          body: {
            user: {
              sub: user.claims.sub,
              name: user.claims.name,
              email: user.claims.email,
            },
          },
        });
      });
    }

    it('verifies the id_token signature when given a JWKS', async () => {
      config = { ...CONFIG, jwksUri: 'https://passport.freedompay.kz/api/v1/oidc/jwks' };

      const reply = await post(handOff());

      assert.equal(reply.status, 200);
    });
  });

  describe('when the hand-off cannot be trusted', () => {
    it('refuses a replayed hand-off: Freedom ID redeems a code once', async () => {
      const once = handOff();
      await post(once);

      assert.deepEqual(await post(once), { status: 401, body: { error: 'sign_in_failed' } });
      assert.deepEqual(causes(), ['token_error']);
    });

    it('refuses a code stolen from another sign-in (its nonce is not this browser’s)', async () => {
      const stolen = { ...handOff({ nonce: 'the-victim-nonce' }), nonce: 'the-attacker-nonce' };

      assert.deepEqual(await post(stolen), { status: 401, body: { error: 'sign_in_failed' } });
      assert.deepEqual(causes(), ['nonce_mismatch']);
    });

    it('refuses a redirect URI it did not register, without calling Freedom ID', async () => {
      const calls: string[] = [];
      freedomId.events.on('request:start', ({ request }) => void calls.push(request.url));

      const reply = await post({ ...handOff(), redirectUri: 'https://evil.example/login' });

      freedomId.events.removeAllListeners();
      assert.deepEqual(reply, { status: 400, body: { error: 'bad_request' } });
      assert.deepEqual(
        calls.filter((url) => !url.startsWith('http://127.0.0.1')),
        [],
      );
    });
  });

  describe('when Freedom ID fails', () => {
    const cases: { failWith: FreedomIdFailure; status: number; error: string; cause: string }[] = [
      { failWith: 'invalid_code', status: 401, error: 'sign_in_failed', cause: 'token_error' },
      { failWith: 'http200_error', status: 401, error: 'sign_in_failed', cause: 'token_error' },
      {
        failWith: 'server_error',
        status: 502,
        error: 'freedom_id_unavailable',
        cause: 'token_error',
      },
      {
        failWith: 'network_error',
        status: 502,
        error: 'freedom_id_unavailable',
        cause: 'network_error',
      },
      { failWith: 'slow', status: 502, error: 'freedom_id_unavailable', cause: 'timeout' },
      {
        failWith: 'forged_signature',
        status: 401,
        error: 'sign_in_failed',
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
          ...CONFIG,
          jwksUri: 'https://passport.freedompay.kz/api/v1/oidc/jwks',
          ...(failWith === 'slow' ? { timeoutMs: 200 } : {}),
        };

        assert.deepEqual(await post(handOff()), { status, body: { error } });
        assert.deepEqual(causes(), [cause]);
      });
    }
  });
});
