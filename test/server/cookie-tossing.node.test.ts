// Cookie tossing (#24 item 2): cookies a sibling subdomain or a junk flood puts in the Cookie
// header, ahead of the real one, must never keep a sign-in from completing.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { EncryptJWT } from 'jose';
import { setupServer } from 'msw/node';
import {
  createFreedomIdHandler,
  HANDLER_ERRORS,
  type FreedomIdHandler,
  type HandlerErrorCode,
} from '../../src/server/index.js';
import { freedomIdHandlers, mintCode } from '../../src/testing/index.js';
import { TestBrowser, type ParamsReply } from './browser.js';
import { CLIENT_ID, CLIENT_SECRET, FREEDOM_ID, REDIRECT_URI, SCOPE } from './fixtures.js';

const server = setupServer(...freedomIdHandlers(FREEDOM_ID));
const SECRET = 'a-cookie-secret-of-at-least-32-bytes!';
const LOOPBACK_URI = 'http://127.0.0.1:8080/login';

/** A deployment: the secure one (an https redirect URI) or plain-http loopback. */
interface Site {
  redirectUri: string;
  origin: string;
}
const SECURE: Site = { redirectUri: REDIRECT_URI, origin: new URL(REDIRECT_URI).origin };
const LOOPBACK: Site = { redirectUri: LOOPBACK_URI, origin: new URL(LOOPBACK_URI).origin };

function handler(site: Site): FreedomIdHandler {
  return createFreedomIdHandler({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: site.redirectUri,
    cookieSecret: SECRET,
    onSignIn: (claims) => ({ sub: claims.sub }),
    onError: () => {},
  });
}

function handOff(site: Site, params: ParamsReply): Record<string, string> {
  const code = mintCode({
    clientId: CLIENT_ID,
    redirectUri: site.redirectUri,
    nonce: params.nonce,
    scope: SCOPE,
    user: 'aigerim',
    ...(params.codeChallenge === undefined ? {} : { codeChallenge: params.codeChallenge }),
  });
  return { code, state: params.state, redirectUri: site.redirectUri };
}

/** 16 random base64url characters, as in a real cookie name. */
function randomSuffix(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(12))).toString('base64url');
}

/** A cookie exactly shaped like ours, with a plausible payload, sealed under a key the handler does not have. */
function foreignSealed(state = randomSuffix()): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT({
    state,
    nonce: randomSuffix(),
    codeVerifier: randomSuffix(),
    created: Date.now(),
  })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .encrypt(crypto.getRandomValues(new Uint8Array(32)));
}

/** `count` junk cookies named with `prefix`: half random text, half well-formed JWEs under a foreign key. */
async function junk(prefix: string, count: number): Promise<string[]> {
  const cookies: string[] = [];
  for (let index = 0; index < count; index++) {
    const value = index % 2 === 0 ? randomSuffix() + randomSuffix() : await foreignSealed();
    cookies.push(`${prefix}${randomSuffix()}=${value}`);
  }
  return cookies;
}

/** One browser's real pending sign-in: its params, and its cookie as `name=value`. */
async function realSignIn(
  site: Site,
): Promise<{ params: ParamsReply; cookie: string; name: string }> {
  const browser = new TestBrowser();
  const { body } = await browser.params(handler(site));
  const [[name, value]] = [...browser.jar] as [[string, string]];
  return { params: body, cookie: `${name}=${value}`, name };
}

/** The handler's own prefix, read off the real cookie's name (whatever the version under test). */
function prefixOf(name: string): string {
  return name.slice(0, -16);
}

async function post(
  site: Site,
  body: Record<string, string>,
  cookies: readonly string[],
): Promise<{ status: number; error: unknown; setCookies: string[] }> {
  const response = await handler(site)(
    new Request(`${site.origin}/api/freedomid/callback`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: site.origin,
        cookie: cookies.join('; '),
      },
      body: JSON.stringify(body),
    }),
  );
  const reply = (await response.json()) as { error?: string };
  return {
    status: response.status,
    error: reply.error,
    setCookies: response.headers.getSetCookie(),
  };
}

function refusal(code: HandlerErrorCode): { status: number; error: string } {
  return { status: HANDLER_ERRORS[code][0], error: code };
}

before(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  server.resetHandlers();
});
after(() => {
  server.close();
});

describe('cookie tossing', () => {
  for (const [label, site] of [
    ['secure deployment', SECURE],
    ['plain-http loopback', LOOPBACK],
  ] as const) {
    it(`${label}: 50 junk cookies with our prefix ahead of the real one do not stop the sign-in`, async () => {
      const { params, cookie, name } = await realSignIn(site);
      const tossed = await junk(prefixOf(name), 50);

      const reply = await post(site, handOff(site, params), [...tossed, cookie]);

      assert.deepEqual(
        { status: reply.status, error: reply.error },
        { status: 200, error: undefined },
      );
      assert.ok(
        reply.setCookies.includes(
          `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${site === SECURE ? '; Secure' : ''}`,
        ),
      );
    });
  }

  it('secure deployment: the name is __Host-, so a sibling cannot set one; its freedomid_ cookies are not even read', async () => {
    const { params, cookie, name } = await realSignIn(SECURE);
    const tossed = await junk('freedomid_', 50);

    const reply = await post(SECURE, handOff(SECURE, params), [...tossed, cookie]);

    assert.match(name, /^__Host-freedomid_[\w-]{16}$/);
    assert.equal(reply.status, 200);
    assert.deepEqual(
      reply.setCookies.filter((header) => header.startsWith('freedomid_')),
      [],
    );
  });

  it('junk alone is state_mismatch, and a reply clears at most 10 of it', async () => {
    const { params, name } = await realSignIn(SECURE);

    const reply = await post(SECURE, handOff(SECURE, params), await junk(prefixOf(name), 50));

    assert.deepEqual({ status: reply.status, error: reply.error }, refusal('state_mismatch'));
    assert.equal(reply.setCookies.length, 10);
    for (const header of reply.setCookies) {
      assert.match(
        header,
        /^__Host-freedomid_[\w-]{16}=; Path=\/; Max-Age=0; HttpOnly; SameSite=Lax; Secure$/,
      );
    }
  });

  it('a foreign-key cookie under the name of the posted state is state_mismatch, and cleared', async () => {
    const { params, name } = await realSignIn(SECURE);

    const reply = await post(SECURE, handOff(SECURE, params), [
      `${name}=${await foreignSealed(params.state)}`,
    ]);

    assert.deepEqual({ status: reply.status, error: reply.error }, refusal('state_mismatch'));
    assert.deepEqual(reply.setCookies, [
      `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure`,
    ]);
  });

  it("another sign-in's valid cookie renamed to the posted state's name is state_mismatch: the name only finds, the sealed state binds", async () => {
    const victim = await realSignIn(SECURE);
    const attacker = await realSignIn(SECURE);
    const attackerValue = attacker.cookie.slice(attacker.name.length + 1);

    const reply = await post(SECURE, handOff(SECURE, victim.params), [
      `${victim.name}=${attackerValue}`,
    ]);

    assert.deepEqual({ status: reply.status, error: reply.error }, refusal('state_mismatch'));
  });

  it('the real cookie under another name is state_mismatch', async () => {
    const { params, cookie, name } = await realSignIn(SECURE);

    const reply = await post(SECURE, handOff(SECURE, params), [
      `${prefixOf(name)}${randomSuffix()}${cookie.slice(name.length)}`,
    ]);

    assert.deepEqual({ status: reply.status, error: reply.error }, refusal('state_mismatch'));
  });

  it('/params with 30 well-formed foreign cookies ahead (more than it opens) still starts a sign-in that completes', async () => {
    const { name } = await realSignIn(SECURE);
    const tossed: string[] = [];
    for (let index = 0; index < 30; index++)
      tossed.push(`${prefixOf(name)}${randomSuffix()}=${await foreignSealed()}`);

    const response = await handler(SECURE)(
      new Request(`${SECURE.origin}/api/freedomid/params`, {
        headers: { cookie: tossed.join('; ') },
      }),
    );
    const params = (await response.json()) as ParamsReply;
    const fresh = response.headers
      .getSetCookie()
      .find((header) => !header.includes('Max-Age=0'))
      ?.split(';')[0];

    assert.equal(response.status, 200);
    assert.ok(fresh !== undefined, 'a new pending-sign-in cookie');
    const reply = await post(SECURE, handOff(SECURE, params), [...tossed, fresh]);
    assert.deepEqual(
      { status: reply.status, error: reply.error },
      { status: 200, error: undefined },
    );
  });

  it('/params with 50 junk cookies ahead of 5 real ones still drops the oldest real one', async () => {
    const browser = new TestBrowser();
    const signIns: ParamsReply[] = [];
    for (let index = 0; index < 5; index++)
      signIns.push((await browser.params(handler(SECURE))).body);
    const [oldestName] = [...browser.jar.keys()] as [string];
    const real = [...browser.jar].map(([name, value]) => `${name}=${value}`);
    const tossed = (await junk(prefixOf(oldestName), 100)).filter((_, index) => index % 2 === 0);

    const response = await handler(SECURE)(
      new Request(`${SECURE.origin}/api/freedomid/params`, {
        headers: { cookie: [...tossed, ...real].join('; ') },
      }),
    );

    assert.equal(response.status, 200);
    const cleared = response.headers
      .getSetCookie()
      .filter((header) => header.includes('Max-Age=0'))
      .map((header) => header.split('=')[0]);
    assert.equal(cleared.length, 11);
    assert.equal(cleared.at(-1), oldestName);
  });
});
