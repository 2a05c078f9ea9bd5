// The same built package against both sandbox shapes, by configuration alone (no proxy, no
// rewrite): the script tag from dist/freedomid.iife.js on a merchant page, and a backend on
// dist/server.js's createFreedomIdHandler, each pointed at the provider by its options only.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { DEMO_CLIENT_SECRET } from '../../demo/start-demo.js';
import type * as ServerEntry from 'freedomid-web/server';
import {
  clickSignIn,
  consent,
  DEMO_CLIENT_ID,
  DEMO_USER,
  logIn,
  useDemo,
  waitForText,
  TEST_TIMEOUT_MS,
} from './harness.js';

const run = useDemo();

/** The built server entry, as a merchant's backend imports it (not the TypeScript sources). */
async function builtServerEntry(): Promise<typeof ServerEntry> {
  return (await import(
    new URL('../../dist/server.js', import.meta.url).href
  )) as typeof ServerEntry;
}

/** How one provider is configured: the element's attributes and the handler's provider options. */
interface Shape {
  name: string;
  /** The provider's origin, where its sign-in pages are. */
  origin: () => string;
  attributes: () => Record<string, string>;
  provider: () => Partial<ServerEntry.FreedomIdHandlerOptions>;
}

const SHAPES: Shape[] = [
  {
    name: "Freedom ID's shape: /openid, a JSON token request with HTTP Basic, no discovery",
    origin: () => run.demo.sandboxUrl,
    attributes: () => ({ authority: run.demo.sandboxUrl }),
    provider: () => ({
      issuer: run.demo.sandboxUrl,
      jwksUri: `${run.demo.sandboxUrl}/api/v1/oidc/jwks`,
    }),
  },
  {
    name: 'a standard provider: discovery, /authorize, a form request with client_secret_post, an issuer ending in /',
    origin: () => new URL(run.demo.standardUrl).origin,
    attributes: () => ({
      authority: run.demo.standardUrl,
      'authorization-endpoint': new URL('authorize', run.demo.standardUrl).href,
    }),
    provider: () => ({
      issuer: run.demo.standardUrl,
      discovery: true,
      clientAuth: 'client_secret_post',
    }),
  },
];

/** A merchant site on a port of its own: the page with the script tag, and the handler beside it. */
async function startMerchant(shape: Shape): Promise<{ url: string; server: Server }> {
  const { createFreedomIdHandler, toNodeListener } = await builtServerEntry();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const handler = toNodeListener(
    createFreedomIdHandler({
      clientId: DEMO_CLIENT_ID,
      clientSecret: DEMO_CLIENT_SECRET,
      redirectUri: url,
      cookieSecret: 'a-cookie-secret-of-at-least-32-bytes-for-tests',
      onSignIn: (claims) => ({ sub: claims.sub, iss: claims.iss }),
      ...shape.provider(),
    }),
  );
  const attributes = Object.entries({
    'client-id': DEMO_CLIENT_ID,
    scope: 'openid read.profile',
    'params-url': '/api/freedomid/params',
    'backend-url': '/api/freedomid/callback',
    ...shape.attributes(),
  })
    .map(([name, value]) => `${name}="${value}"`)
    .join(' ');
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <script src="${run.demo.siteUrl}/dist/freedomid.iife.js" defer></script></head>
    <body><freedomid-login ${attributes}></freedomid-login><p id="result"></p>
    <script>
      document.addEventListener('freedomid-session', (event) => {
        document.getElementById('result').textContent = JSON.stringify(event.detail.response);
      });
      document.addEventListener('freedomid-error', (event) => {
        document.getElementById('result').textContent = event.detail.code;
      });
    </script></body></html>`;
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/api/freedomid/') === true) handler(req, res);
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  return { url, server };
}

for (const shape of SHAPES) {
  describe(`the built package against ${shape.name}`, () => {
    const servers: Server[] = [];
    after(() => {
      for (const server of servers) server.close();
    });

    it(
      'signs in, and the backend returns the sub and iss it validated',
      { timeout: TEST_TIMEOUT_MS },
      async () => {
        const merchant = await startMerchant(shape);
        servers.push(merchant.server);
        const page = await run.openUrl(merchant.url);

        await clickSignIn(page, 'script-tag');
        await page.waitForURL((url) => url.origin === shape.origin());
        await logIn(page, shape.origin());
        await consent(page);
        await page.waitForURL((url) => url.href.startsWith(merchant.url));
        const result = await waitForText(page, '#result', /\S/);

        assert.deepEqual(JSON.parse(result), {
          sub: DEMO_USER.claims.sub,
          iss: shape.provider().issuer,
        });
        assert.equal(await page.url(), merchant.url);
      },
    );
  });
}
