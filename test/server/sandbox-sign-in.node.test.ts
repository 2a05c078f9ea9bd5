// The handler against the sandbox (oidc-provider shaped like Freedom ID), in Node: the browser's
// trip through the provider is followed with fetch, submitting its sign-in and consent forms.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSandbox, ROUTES, type Sandbox } from '../../demo/sandbox/index.js';
import { createFreedomIdHandler, type FreedomIdHandler } from '../../src/server/index.js';
import { TEST_USERS } from '../../src/testing/index.js';
import { TestBrowser, type ParamsReply } from './browser.js';
import { authorizeAtSandbox, handOff } from './sandbox-trip.js';

const CLIENT_ID = 'c388f3cd-7722-4040-9bb2-94b0a05093aa';
const CLIENT_SECRET = 'the-sandbox-client-secret';
const REDIRECT_URI = 'http://127.0.0.1:9/login';
const PAGE = { origin: new URL(REDIRECT_URI).origin };
const SCOPE = 'openid read.profile';
let sandbox: Sandbox;
let handler: FreedomIdHandler;

/** The trip from the demo client's authorization request back to its redirect URI, as `login`. */
function authorize(params: ParamsReply, login = 'aigerim'): Promise<URL> {
  return authorizeAtSandbox(new URL(ROUTES.authorization, sandbox.url), params, {
    clientId: CLIENT_ID,
    redirectUri: REDIRECT_URI,
    scope: SCOPE,
    login,
  });
}

before(async () => {
  sandbox = await startSandbox({
    clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI] }],
  });
  handler = createFreedomIdHandler({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: REDIRECT_URI,
    cookieSecret: 'the-sandbox-test-cookie-secret-32-bytes',
    issuer: sandbox.url,
    jwksUri: `${sandbox.url}${ROUTES.jwks}`,
    onSignIn: (claims) => ({ profile: claims }),
    onError: () => undefined,
  });
});
after(async () => {
  await sandbox.close();
});

describe('createFreedomIdHandler against the sandbox', () => {
  it('signs in end to end with PKCE, the cookie-bound nonce and a verified signature', async () => {
    const browser = new TestBrowser();
    const { body: params } = await browser.params(handler);
    const callback = await authorize(params);

    const reply = await browser.callback(handler, handOff(callback, REDIRECT_URI), PAGE);

    assert.equal(reply.status, 200);
    const { profile } = reply.body as { profile: Record<string, unknown> };
    assert.equal(callback.searchParams.get('state'), params.state);
    assert.equal(profile.iss, sandbox.url);
    assert.equal(profile.aud, CLIENT_ID);
    assert.equal(profile.nonce, params.nonce);
    assert.equal(profile.sub, TEST_USERS[0].claims.sub);
    assert.equal(browser.jar.size, 0);
  });

  it('refuses a code stolen from that sign-in: without the cookie, and with the attacker’s own', async () => {
    const victim = new TestBrowser();
    const { body: params } = await victim.params(handler);
    const code = (await authorize(params)).searchParams.get('code');
    const attacker = new TestBrowser();
    const { body: own } = await attacker.params(handler);

    const withoutCookie = await new TestBrowser().callback(
      handler,
      { code, state: params.state, redirectUri: REDIRECT_URI },
      PAGE,
    );
    const withOwnCookie = await attacker.callback(
      handler,
      { code, state: own.state, redirectUri: REDIRECT_URI },
      PAGE,
    );

    assert.equal((withoutCookie.body as { error: string }).error, 'state_mismatch');
    assert.equal((withOwnCookie.body as { error: string }).error, 'token_error');
  });
});
