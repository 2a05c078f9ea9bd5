// A callback from an unregistered origin: the reply names the registered redirect URIs' origins, so
// a page opened at http://localhost:8080 when 127.0.0.1:8080 is registered says what to change (issue 23 item 7).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createFreedomIdHandler } from '../../src/server/index.js';
import { CLIENT_ID, CLIENT_SECRET } from './fixtures.js';

const REDIRECT_URIS = [
  'http://127.0.0.1:8080/',
  'http://127.0.0.1:8080/login',
  'https://shop.example/login',
];

describe('createFreedomIdHandler', () => {
  describe('when a callback comes from an origin no redirect URI has', () => {
    it('answers forbidden_origin naming each registered origin once, and tells onError the same', async () => {
      const told: unknown[] = [];
      const handler = createFreedomIdHandler({
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        redirectUri: REDIRECT_URIS,
        cookieSecret: 'a-cookie-secret-of-at-least-32-bytes!',
        onSignIn: () => ({}),
        onError: (error) => void told.push(error),
      });

      const response = await handler(
        new Request('http://localhost:8080/api/freedomid/callback', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'http://localhost:8080' },
          body: JSON.stringify({ code: 'c', state: 's', redirectUri: 'http://localhost:8080/' }),
        }),
      );

      const message =
        'The request does not come from the origin of a registered redirectUri (http://127.0.0.1:8080, https://shop.example): open the page there (localhost and 127.0.0.1 are different origins) or register its URL; a backend on another origin than the page is not supported.';
      assert.equal(response.status, 403);
      assert.deepEqual(await response.json(), { error: 'forbidden_origin', message });
      assert.deepEqual(
        told.map((error) => [(error as { code: string }).code, (error as Error).message]),
        [['forbidden_origin', `POST /api/freedomid/callback: ${message}`]],
      );
    });
  });
});
