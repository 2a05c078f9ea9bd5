// Step 2 of docs/own-page.md: the page of step 1 with a backend of its own. The backend handler
// makes each sign-in's state, nonce and PKCE verifier on the server (GET /api/freedomid/params),
// binds them to this browser in a cookie, and on POST /api/freedomid/callback exchanges the code
// and checks the id_token; the page then shows the signed-in `sub`.
// Run it beside `npm start`: npx tsx examples/own-page/server.ts, then open http://127.0.0.1:8080/
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFreedomIdHandler, toNodeListener } from 'freedomid-web/server';

const port = Number(process.env.PORT ?? 8080);
const authority = process.env.FREEDOMID_AUTHORITY ?? 'http://127.0.0.1:9400';
const script = process.env.FREEDOMID_SCRIPT ?? 'http://127.0.0.1:5173/dist/freedomid.iife.js';
const clientId = '0f6b4c2e-8a1d-4e7b-9c3f-5a2d1e0b7c64';

const server = createServer();
await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
const pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

const freedomId = toNodeListener(
  createFreedomIdHandler({
    clientId,
    // The sandbox's development secret; a real one comes from Freedom ID support, via the environment.
    clientSecret: process.env.FREEDOMID_CLIENT_SECRET ?? 'sandbox-secret-for-development-only',
    redirectUri: pageUrl,
    cookieSecret: process.env.COOKIE_SECRET ?? randomBytes(32).toString('base64url'),
    issuer: authority,
    jwksUri: `${authority}/api/v1/oidc/jwks`,
    // Start your own session for claims.sub here; the page receives what this returns.
    onSignIn: (claims) => ({ sub: claims.sub }),
  }),
);

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>My page · Sign in with Freedom ID</title>
    <script src="${attribute(script)}" defer></script>
  </head>
  <body>
    <freedomid-login
      client-id="${clientId}"
      authority="${attribute(authority)}"
      scope="openid read.profile"
      params-url="/api/freedomid/params"
      backend-url="/api/freedomid/callback"
    ></freedomid-login>
    <p id="result"></p>
    <script>
      const result = document.getElementById('result');
      document.addEventListener('freedomid-session', (event) => {
        result.textContent = \`Signed in: \${event.detail.response.sub}\`;
      });
      document.addEventListener('freedomid-error', (event) => {
        result.textContent = \`\${event.detail.code}: \${event.detail.message}\`;
      });
    </script>
  </body>
</html>
`;

server.on('request', (req, res) => {
  if (req.url?.startsWith('/api/freedomid/') === true) {
    freedomId(req, res);
  } else if (req.method === 'GET' && new URL(req.url ?? '/', pageUrl).pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  } else {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  }
});
console.log(`Open ${pageUrl}`);

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
