// The lazy handler reads its options at the first request, so a module that exports it loads
// while the secrets are unset (`next build` without COOKIE_SECRET, issue 23 item 5).
import assert from 'node:assert/strict';
import { afterEach, describe, it, mock } from 'node:test';
import {
  createFreedomIdHandler,
  createLazyFreedomIdHandler,
  HANDLER_ERRORS,
  type FreedomIdHandlerOptions,
} from '../../src/server/index.js';
import { CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, thrown } from './fixtures.js';

const env: Record<string, string | undefined> = {};

/** Options read from `env` as a Next.js route module would read `process.env`. */
function fromEnv(): FreedomIdHandlerOptions {
  return {
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: REDIRECT_URI,
    cookieSecret: env['COOKIE_SECRET'] as string,
    onSignIn: () => ({}),
  };
}

const params = (): Request => new Request('https://shop.example/api/freedomid/params');

describe('createLazyFreedomIdHandler', () => {
  afterEach(() => {
    delete env['COOKIE_SECRET'];
    mock.restoreAll();
  });

  describe('when the secret is not set yet', () => {
    it('is created without reading the options, where createFreedomIdHandler throws', () => {
      const options = mock.fn(fromEnv);

      const handler = createLazyFreedomIdHandler(options);

      assert.equal(handler.basePath, '/api/freedomid');
      assert.equal(options.mock.callCount(), 0);
      const error = thrown(() => createFreedomIdHandler(fromEnv()));
      assert.deepEqual([error.code, error.field], ['invalid_argument', 'cookieSecret']);
    });

    it('answers configuration_error and logs why, then works once the secret is set', async () => {
      const logged = mock.method(console, 'error', () => undefined);
      const options = mock.fn(fromEnv);
      const handler = createLazyFreedomIdHandler(options);

      const refused = await handler(params());
      env['COOKIE_SECRET'] = 'a-cookie-secret-of-at-least-32-bytes!';
      const first = await handler(params());
      const second = await handler(params());

      assert.equal(refused.status, 500);
      assert.deepEqual(await refused.json(), {
        error: 'configuration_error',
        message: HANDLER_ERRORS.configuration_error[1],
      });
      assert.equal(logged.mock.callCount(), 1);
      assert.deepEqual(
        logged.mock.calls[0]?.arguments.map((value: unknown) =>
          value instanceof Error ? (value as Error & { field?: string }).field : value,
        ),
        ['freedomid-web: the lazy handler could not be created', 'cookieSecret'],
      );
      assert.deepEqual([first.status, second.status], [200, 200]);
      assert.deepEqual(Object.keys((await first.json()) as object), [
        'state',
        'nonce',
        'codeChallenge',
        'codeChallengeMethod',
      ]);
      assert.equal(options.mock.callCount(), 2);
    });
  });

  describe('when the options give another basePath than it was told', () => {
    it('answers configuration_error and logs the basePath to fix', async () => {
      const logged = mock.method(console, 'error', () => undefined);
      env['COOKIE_SECRET'] = 'a-cookie-secret-of-at-least-32-bytes!';
      const handler = createLazyFreedomIdHandler(() => ({ ...fromEnv(), basePath: '/auth' }));

      const reply = await handler(new Request('https://shop.example/auth/params'));

      assert.equal(reply.status, 500);
      const reason = logged.mock.calls[0]?.arguments[1] as Error & { field?: string };
      assert.deepEqual(
        [reason.field, reason.message],
        [
          'basePath',
          'The options give basePath "/auth" but the lazy handler was created with "/api/freedomid": pass the same basePath to createLazyFreedomIdHandler\'s second argument.',
        ],
      );
    });

    it('works when told the same basePath', async () => {
      env['COOKIE_SECRET'] = 'a-cookie-secret-of-at-least-32-bytes!';
      const handler = createLazyFreedomIdHandler(() => ({ ...fromEnv(), basePath: '/auth' }), {
        basePath: '/auth',
      });

      const reply = await handler(new Request('https://shop.example/auth/params'));

      assert.deepEqual([handler.basePath, reply.status], ['/auth', 200]);
    });
  });
  describe('getSession', () => {
    it('throws the configuration mistake while the secret is unset, then reads the session', async () => {
      const handler = createLazyFreedomIdHandler(() => ({ ...fromEnv(), session: true }));
      const page = new Request('https://shop.example/account');

      const error = thrown(() => handler.getSession(page));
      assert.deepEqual([error.code, error.field], ['invalid_argument', 'cookieSecret']);
      env['COOKIE_SECRET'] = 'a-cookie-secret-of-at-least-32-bytes!';

      assert.equal(await handler.getSession(page), null);
    });
  });
});
