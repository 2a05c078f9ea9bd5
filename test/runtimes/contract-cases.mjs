// The handler's contract in any runtime, on the built entries: a sign-in against the testing kit,
// and the refusals (bad Origin, state mismatch, unknown option). handler-contract.mjs runs it
// (Node, Bun, Deno) with MSW's interceptors, workerd-worker.mjs in workerd with MSW's handlers
// answering fetch; both print one line per case and end with "N passed, N failed".
import assert from 'node:assert/strict';
import { createFreedomIdHandler, FreedomIdServerError, HANDLER_ERRORS } from '../../dist/server.js';
import { mintCode, TEST_USERS } from '../../dist/testing.js';

export const CLIENT_ID = 'c388f3cd-7722-4040-9bb2-94b0a05093aa';
export const CLIENT_SECRET = 's3cr3t-of-the-merchant';
const REDIRECT_URI = 'https://shop.example/login';
const ORIGIN = 'https://shop.example';
const AIGERIM = TEST_USERS[0].claims;

const OPTIONS = {
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  redirectUri: REDIRECT_URI,
  cookieSecret: 'a-cookie-secret-of-at-least-32-bytes!',
  onSignIn: (claims) => ({ user: { sub: claims.sub, name: claims.name } }),
  onError: () => undefined,
};

/** One browser's GET /params: its JSON and the pending cookie as the browser sends it back. */
async function params(handler) {
  const response = await handler(new Request(`${ORIGIN}/api/freedomid/params`));
  assert.equal(response.status, 200);
  const [cookie] = response.headers.getSetCookie();
  return { body: await response.json(), cookie: cookie.split(';')[0] };
}

function callback(handler, { cookie, origin = ORIGIN, body }) {
  return handler(
    new Request(`${ORIGIN}/api/freedomid/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, cookie },
      body: JSON.stringify(body),
    }),
  );
}

function codeFor({ nonce, codeChallenge }) {
  return mintCode({
    clientId: CLIENT_ID,
    redirectUri: REDIRECT_URI,
    nonce,
    scope: 'openid read.profile',
    user: 'aigerim',
    codeChallenge,
  });
}

async function assertRefused(response, code) {
  const [status, template] = HANDLER_ERRORS[code];
  const message = template.replace('{origins}', new URL(REDIRECT_URI).origin);
  assert.deepEqual(
    { status: response.status, body: await response.json() },
    { status, body: { error: code, message } },
  );
}

const CASES = {
  'signs in against the testing kit: /params, then /callback with the kit’s code': async () => {
    const handler = createFreedomIdHandler(OPTIONS);
    const { body, cookie } = await params(handler);
    assert.deepEqual(Object.keys(body), ['state', 'nonce', 'codeChallenge', 'codeChallengeMethod']);
    assert.equal(body.codeChallengeMethod, 'S256');

    const response = await callback(handler, {
      cookie,
      body: { code: codeFor(body), state: body.state, redirectUri: REDIRECT_URI },
    });

    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      user: { sub: AIGERIM.sub, name: AIGERIM.name },
    });
    const [cleared] = response.headers.getSetCookie();
    assert.equal(cleared.split(';')[0], `${cookie.split('=')[0]}=`);
    assert.match(cleared, /Max-Age=0/);
  },
  'refuses a callback from another Origin (forbidden_origin)': async () => {
    const handler = createFreedomIdHandler(OPTIONS);
    const { body, cookie } = await params(handler);

    const response = await callback(handler, {
      cookie,
      origin: 'https://evil.example',
      body: { code: codeFor(body), state: body.state, redirectUri: REDIRECT_URI },
    });

    await assertRefused(response, 'forbidden_origin');
  },
  'refuses a state this browser’s cookie was not made for (state_mismatch)': async () => {
    const handler = createFreedomIdHandler(OPTIONS);
    const mine = await params(handler);
    const other = await params(handler);

    const response = await callback(handler, {
      cookie: mine.cookie,
      body: { code: codeFor(other.body), state: other.body.state, redirectUri: REDIRECT_URI },
    });

    await assertRefused(response, 'state_mismatch');
  },
  'refuses an option it does not know, naming it (invalid_argument)': () => {
    // Not test/helpers/server.ts's thrown(): it checks src/'s FreedomIdServerError, this file
    // dist/'s, and plain `node handler-contract.mjs` cannot import TypeScript.
    assert.throws(
      () => createFreedomIdHandler({ ...OPTIONS, sessionSecret: 'x' }),
      (error) =>
        error instanceof FreedomIdServerError &&
        error.code === 'invalid_argument' &&
        error.field === 'sessionSecret' &&
        error.message.startsWith('Unknown option "sessionSecret" of createFreedomIdHandler'),
    );
  },
};

/** Runs every case in turn, printing one line each and the totals. */
export async function runCases() {
  let passed = 0;
  let failed = 0;
  for (const [name, run] of Object.entries(CASES)) {
    try {
      await run();
      passed++;
      console.log(`ok - ${name}`);
    } catch (error) {
      failed++;
      console.log(`not ok - ${name}\n${String(error?.stack ?? error)}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return { passed, failed };
}
