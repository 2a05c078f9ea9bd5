import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { createFreedomIdHandler, toNodeListener } from '../../src/server/index.js';
import { freedomIdHandlers, mintCode } from '../../src/testing/index.js';
import { CLIENT_ID, CLIENT_SECRET, FREEDOM_ID, SCOPE } from './fixtures.js';

// Freedom ID played by MSW; the test's own requests to 127.0.0.1 pass through to node:http.
const freedomId = setupServer(...freedomIdHandlers(FREEDOM_ID));
let site: Server;
let origin: string;
const passedOn: string[] = [];

before(async () => {
  freedomId.listen({
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).hostname !== '127.0.0.1') print.error();
    },
  });
  site = createServer();
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  const listener = toNodeListener(
    createFreedomIdHandler({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUri: `${origin}/login`,
      cookieSecret: 'a-cookie-secret-of-at-least-32-bytes!',
      onSignIn: (claims) => ({ sub: claims.sub }),
      onError: () => undefined,
    }),
  );
  // Express-style: the listener passes other paths on to `next`.
  site.on('request', (req, res) => {
    listener(req, res, () => {
      passedOn.push(req.url ?? '');
      res.writeHead(204).end();
    });
  });
});
after(async () => {
  freedomId.close();
  await new Promise((resolve) => site.close(resolve));
});

describe('toNodeListener', () => {
  it('serves a whole sign-in over node:http, with each Set-Cookie as its own header', async () => {
    const first = await fetch(`${origin}/api/freedomid/params`);
    const params = (await first.json()) as { state: string; nonce: string; codeChallenge: string };
    const [cookie = ''] = first.headers.getSetCookie();
    assert.match(
      cookie,
      /^freedomid_[\w-]{16}=[^;]+; Path=\/; Max-Age=600; HttpOnly; SameSite=Lax$/,
    );
    const code = mintCode({
      clientId: CLIENT_ID,
      redirectUri: `${origin}/login`,
      nonce: params.nonce,
      scope: SCOPE,
      codeChallenge: params.codeChallenge,
    });

    const reply = await fetch(`${origin}/api/freedomid/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, cookie: cookie.split(';')[0] ?? '' },
      body: JSON.stringify({ code, state: params.state, redirectUri: `${origin}/login` }),
    });

    assert.equal(reply.status, 200);
    assert.equal(reply.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await reply.json(), { sub: '7f0c2a6e-3b1d-4c59-9e8a-1d2f3a4b5c6d' });
    assert.match(
      reply.headers.getSetCookie()[0] ?? '',
      /^freedomid_[\w-]{16}=; Path=\/; Max-Age=0;/,
    );
  });

  it('passes requests outside basePath on to next', async () => {
    const reply = await fetch(`${origin}/shop/cart`);

    assert.equal(reply.status, 204);
    assert.deepEqual(passedOn, ['/shop/cart']);
  });

  it('answers a refused callback with the handler’s JSON error', async () => {
    const reply = await fetch(`${origin}/api/freedomid/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: '{}',
    });

    assert.equal(reply.status, 403);
    assert.equal(((await reply.json()) as { error: string }).error, 'forbidden_origin');
  });
});
