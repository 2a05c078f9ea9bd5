// `npm start`: builds the script-tag bundle, then runs the merchant demo and the two sandbox
// providers on 127.0.0.1 until Ctrl-C, and prints what to paste into a page and backend of your own.
// Ports: FREEDOMID_SITE_PORT (5173), FREEDOMID_SANDBOX_PORT (9400), FREEDOMID_STANDARD_PORT (9401).
// `npm start -- --redirect-uri URL` (repeatable) registers a non-loopback redirect URI.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const redirectUris = readRedirectUris();
const sitePort = port('FREEDOMID_SITE_PORT', 5173);
const sandboxPort = port('FREEDOMID_SANDBOX_PORT', 9400);
const standardPort = port('FREEDOMID_STANDARD_PORT', 9401);
const PORT_VARIABLES = [
  ['FREEDOMID_SITE_PORT', sitePort],
  ['FREEDOMID_SANDBOX_PORT', sandboxPort],
  ['FREEDOMID_STANDARD_PORT', standardPort],
];

// Before the build, so a second `npm start` says so at once rather than after building.
for (const [, number] of PORT_VARIABLES) {
  if (number !== 0 && !(await isFree(number))) exitPortBusy(number);
}

const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const { startDemo, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_USER } = await tsImport(
  '../demo/start-demo.ts',
  import.meta.url,
);
const { ROUTES, USERS } = await tsImport('../demo/sandbox/index.ts', import.meta.url);
let demo;
try {
  demo = await startDemo({ sitePort, sandboxPort, standardPort, redirectUris });
} catch (error) {
  // Taken between the check above and now.
  if (error?.code === 'EADDRINUSE') exitPortBusy(error.port);
  throw error;
}
const others = USERS.slice(1).map((user) => user.login);
console.log(`
  Merchant demo   ${demo.siteUrl}/
  Sign in as      ${[DEMO_USER.login, ...others].join(' or ')}, any password
  Session         ${demo.pages.element}: stays signed in across a reload and a second tab;
                  sign out there (every tab), or at the sandbox: ${demo.sandboxUrl}/session/end

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

/** Whether 127.0.0.1:`number` can be listened on, as the demo's servers will. */
function isFree(number) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(number, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** Exits with one line naming the variable that moves the busy port. */
function exitPortBusy(number) {
  const name = PORT_VARIABLES.find(([, value]) => value === number)?.[0] ?? 'FREEDOMID_SITE_PORT';
  console.error(
    `Port ${number} on 127.0.0.1 is in use (another npm start?): stop it, or set ${name} to a free port, e.g. ${name}=${number + 10} npm start.`,
  );
  process.exit(1);
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
