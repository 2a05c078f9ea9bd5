// `npm start`: builds the script-tag bundle, then runs the merchant demo and the two sandbox
// providers on 127.0.0.1 until Ctrl-C, and prints what to paste into a page and backend of your own.
// Ports: FREEDOMID_SITE_PORT (5173), FREEDOMID_SANDBOX_PORT (9400), FREEDOMID_STANDARD_PORT (9401).
// `npm start -- --redirect-uri URL` (repeatable) registers a non-loopback redirect URI.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const redirectUris = readRedirectUris();
const sitePort = port('FREEDOMID_SITE_PORT', 5173);
const sandboxPort = port('FREEDOMID_SANDBOX_PORT', 9400);
const standardPort = port('FREEDOMID_STANDARD_PORT', 9401);

const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const { startDemo, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_USER } = await tsImport(
  '../demo/start-demo.ts',
  import.meta.url,
);
const { ROUTES, USERS } = await tsImport('../demo/sandbox/index.ts', import.meta.url);
const demo = await startDemo({ sitePort, sandboxPort, standardPort, redirectUris });
const others = USERS.slice(1).map((user) => user.login);
console.log(`
  Merchant demo   ${demo.siteUrl}/
  Sign in as      ${[DEMO_USER.login, ...others].join(' or ')}, any password

  For a page and backend of your own (docs/sandbox.md):
    client id      ${DEMO_CLIENT_ID}
    client secret  ${DEMO_CLIENT_SECRET}   (backend only)
    redirect URIs  any http://127.0.0.1, localhost or [::1] URL${redirectUris.map((uri) => `, ${uri}`).join('')}

  Freedom ID sandbox (Freedom ID's shape)
    authority      ${demo.sandboxUrl}
    token endpoint ${demo.sandboxUrl}${ROUTES.token}   (JSON, client_secret_basic)

  Standard OpenID provider (same client)
    issuer         ${demo.standardUrl}
    discovery      ${demo.standardUrl}.well-known/openid-configuration   (form, client_secret_post)

  Ctrl-C to stop.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    demo.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

/** The `--redirect-uri URL` arguments, each an absolute http(s) URL, or exit saying what is wrong. */
function readRedirectUris() {
  let values;
  try {
    ({ values } = parseArgs({ options: { 'redirect-uri': { type: 'string', multiple: true } } }));
  } catch (error) {
    console.error(
      `${error.message}\nUsage: npm start -- [--redirect-uri https://example.test/login]…`,
    );
    process.exit(1);
  }
  const uris = values['redirect-uri'] ?? [];
  for (const uri of uris) {
    let url;
    try {
      url = new URL(uri);
    } catch {
      url = null;
    }
    if (url === null || !['http:', 'https:'].includes(url.protocol) || url.hash !== '') {
      console.error(
        `--redirect-uri "${uri}" is not an absolute http(s) URL without a #fragment: pass e.g. https://shop.example.test/login.`,
      );
      process.exit(1);
    }
  }
  return uris;
}

function port(name, fallback) {
  const value = process.env[name] ?? String(fallback);
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535) {
    console.error(`${name}="${value}" is not a port number: set it to e.g. ${fallback}.`);
    process.exit(1);
  }
  return number;
}
