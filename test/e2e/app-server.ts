// A merchant's app on a port of its own for the framework e2e tests: its pages and bundles, and the
// package's backend handler under /api/freedomid/, pointed at the sandbox.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFreedomIdHandler, toNodeListener } from 'freedomid-web/server';
import { DEMO_CLIENT_SECRET } from '../../demo/start-demo.js';
import { ROUTES } from '../../demo/sandbox/index.js';
import { DEMO_CLIENT_ID } from './harness.js';

/** What the app answers at a path other than the handler's, or undefined for a 404. */
export type AppFile = { type: string; body: string | Buffer } | undefined;

/**
 * Serves `files` and the handler (redirect URI: the app's root, onSignIn → `{ sub }`) on a free
 * loopback port; resolves with its root URL and a `close` that ends every connection.
 */
export async function serveApp(
  sandboxUrl: string,
  files: (path: string) => AppFile,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const backend = toNodeListener(
    createFreedomIdHandler({
      clientId: DEMO_CLIENT_ID,
      clientSecret: DEMO_CLIENT_SECRET,
      redirectUri: url,
      cookieSecret: 'a-cookie-secret-of-at-least-32-bytes!',
      issuer: sandboxUrl,
      jwksUri: `${sandboxUrl}${ROUTES.jwks}`,
      onSignIn: (claims) => ({ sub: claims.sub }),
    }),
  );
  server.on('request', (req, res) => {
    const path = new URL(req.url ?? '/', url).pathname;
    if (path.startsWith('/api/freedomid/')) {
      backend(req, res);
      return;
    }
    const file = files(path);
    if (file === undefined) res.writeHead(404).end();
    else
      res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  return {
    url,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => {
          done();
        });
      }),
  };
}
