import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it, mock } from 'node:test';
import { setupServer } from 'msw/node';
import { type FreedomIdHandlerOptions, type SessionOptions } from '../../src/server/index.js';
import { deriveKeys } from '../../src/server/derive-keys.js';
import { PENDING_COOKIE_PURPOSE } from '../../src/server/pending-cookie.js';
import { sealSession } from '../../src/server/session-cookie.js';
import { freedomIdHandlers, TEST_USERS } from '../../src/testing/index.js';
import { TestBrowser } from './browser.js';
import { FREEDOM_ID, rejection, thrown } from './fixtures.js';
import {
  OTHER_SECRET,
  readSessionRoute,
  refusal,
  reported,
  SECRET,
  SESSION_COOKIE,
  sessionHandler,
  signIn,
} from './session-support.js';

const server = setupServer(...freedomIdHandlers(FREEDOM_ID));
const AIGERIM = TEST_USERS[0].claims.sub;
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

before(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  server.resetHandlers();
  reported.length = 0;
  mock.timers.reset();
});
after(() => {
  server.close();
});

/** A browser signed in at `now` (Date mocked from then on), with the handler that signed it in. */
async function signedIn(options: Partial<FreedomIdHandlerOptions> = {}, now = Date.now()) {
  mock.timers.enable({ apis: ['Date'], now });
  const handler = sessionHandler(options);
  const browser = new TestBrowser();
  const reply = await signIn(handler, browser);
  assert.equal(reply.status, options.onSignIn === undefined ? 200 : reply.status);
  return { handler, browser, reply };
}

describe('session (createFreedomIdHandler({ session }))', () => {
  describe('after a sign-in', () => {
    it('sets one encrypted session cookie: __Host-, HttpOnly, SameSite=Lax, Path=/, Secure, living the inactivity lifetime', async () => {
      const { reply } = await signedIn();

      const cookies = reply.response.headers.getSetCookie();
      const session = cookies.filter((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
      assert.equal(session.length, 1);
      assert.match(
        session[0] ?? '',
        /^__Host-freedomid_session=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0\.\.[\w-]+\.[\w-]+\.[\w-]+; Path=\/; Max-Age=86400; HttpOnly; SameSite=Lax; Secure$/,
      );
      assert.deepEqual(reply.body, { user: { sub: AIGERIM } });
    });

    it('is read by getSession and by GET {basePath}/session, with the default lifetimes (7 days, 1 day idle)', async () => {
      const now = Date.UTC(2026, 0, 1);
      const { handler, browser } = await signedIn({}, now);

      const session = await handler.getSession(browser.request('GET', '/anything'));
      assert.ok(session !== null);
      assert.match(session.id, /^[\w-]{43}$/);
      assert.deepEqual(
        { ...session, id: 'x' },
        {
          id: 'x',
          sub: AIGERIM,
          data: { user: { sub: AIGERIM } },
          createdAt: now,
          renewedAt: now,
          expiresAt: now + 7 * DAY,
        },
      );
      const page = await readSessionRoute(handler, browser);
      assert.equal(page.status, 200);
      assert.equal(page.response.headers.get('cache-control'), 'no-store');
      assert.deepEqual(page.body, {
        session: {
          sub: AIGERIM,
          data: { user: { sub: AIGERIM } },
          createdAt: now,
          expiresAt: now + 7 * DAY,
          idleExpiresAt: now + DAY,
        },
      });
    });

    it('keeps data null when onSignIn answers with a Response, still setting the cookie', async () => {
      const { handler, browser, reply } = await signedIn({
        onSignIn: () => new Response(null, { status: 204 }),
      });
      assert.equal(reply.status, 204);

      const session = await handler.getSession(browser.request('GET', '/'));
      assert.equal(session?.data, null);
      assert.equal(session.sub, AIGERIM);
    });

    it('refuses a result too large for a cookie with sign_in_failed, setting no session', async () => {
      mock.timers.enable({ apis: ['Date'] });
      const handler = sessionHandler({ onSignIn: () => ({ blob: 'x'.repeat(4000) }) });
      const browser = new TestBrowser();

      const reply = await signIn(handler, browser);

      assert.deepEqual({ status: reply.status, body: reply.body }, refusal('sign_in_failed'));
      assert.equal(browser.jar.has(SESSION_COOKIE), false);
      assert.match(String(reported[0]), /too large for the session cookie/);
    });
  });

  describe('lifetimes (Date mocked)', () => {
    it('renews the cookie on GET /session after a minute, so an active user stays signed in past one idle day', async () => {
      const now = Date.UTC(2026, 0, 1);
      const { handler, browser } = await signedIn({}, now);

      mock.timers.setTime(now + 30_000);
      const early = await readSessionRoute(handler, browser);
      assert.deepEqual(early.response.headers.getSetCookie(), []);
      mock.timers.setTime(now + 23 * HOUR);
      const renewed = await readSessionRoute(handler, browser);
      assert.equal(renewed.response.headers.getSetCookie().length, 1);
      mock.timers.setTime(now + 46 * HOUR);
      const later = await handler.getSession(browser.request('GET', '/'));

      assert.equal(later?.renewedAt, now + 23 * HOUR);
    });

    it('reads as signed out after the inactivity lifetime without a renewal', async () => {
      const now = Date.UTC(2026, 0, 1);
      const { handler, browser } = await signedIn({}, now);

      mock.timers.setTime(now + DAY - 1);
      assert.notEqual(await handler.getSession(browser.request('GET', '/')), null);
      mock.timers.setTime(now + DAY);
      assert.equal(await handler.getSession(browser.request('GET', '/')), null);
    });

    it('reads as signed out after the absolute lifetime, however often renewed', async () => {
      const now = Date.UTC(2026, 0, 1);
      const session: SessionOptions = { absoluteSeconds: 3 * 3600, idleSeconds: 3600 };
      const { handler, browser } = await signedIn({ session }, now);

      for (const hours of [0.9, 1.8, 2.7]) {
        mock.timers.setTime(now + hours * HOUR);
        const reply = await readSessionRoute(handler, browser);
        assert.notEqual((reply.body as { session: unknown }).session, null);
      }
      mock.timers.setTime(now + 3 * HOUR);

      assert.equal(await handler.getSession(browser.request('GET', '/')), null);
      assert.deepEqual((await readSessionRoute(handler, browser)).body, { session: null });
    });
  });

  describe('a session cookie that cannot be trusted reads as signed out, and GET /session clears it', () => {
    const cases: { title: string; bend: (value: string) => string }[] = [
      {
        title: 'one ciphertext character changed',
        bend: (value) => {
          const parts = value.split('.');
          const text = parts[3] ?? '';
          parts[3] = (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
          return parts.join('.');
        },
      },
      { title: 'a truncated value', bend: (value) => value.slice(0, -5) },
      { title: 'junk', bend: () => 'not-a-session' },
    ];
    for (const { title, bend } of cases) {
      it(title, async () => {
        const { handler, browser } = await signedIn();
        browser.jar.set(SESSION_COOKIE, bend(browser.jar.get(SESSION_COOKIE) ?? ''));

        assert.equal(await handler.getSession(browser.request('GET', '/')), null);
        const reply = await readSessionRoute(handler, browser);

        assert.deepEqual(reply.body, { session: null });
        assert.deepEqual(reply.response.headers.getSetCookie(), [
          `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure`,
        ]);
      });
    }

    it('a pending sign-in cookie (sealed under the other HKDF key) moved into the session cookie', async () => {
      mock.timers.enable({ apis: ['Date'] });
      const handler = sessionHandler();
      const browser = new TestBrowser();
      await browser.params(handler);
      const pending = [...browser.jar.values()][0] ?? '';
      browser.jar.set(SESSION_COOKIE, pending);

      assert.equal(await handler.getSession(browser.request('GET', '/')), null);
    });

    it('a well-formed session sealed under the pending sign-in key (same secret, other HKDF info)', async () => {
      const { handler, browser } = await signedIn();
      const now = Date.now();
      const [pendingKey] = await deriveKeys([SECRET], PENDING_COOKIE_PURPOSE);
      const forged = {
        id: 'a'.repeat(43),
        sub: AIGERIM,
        data: null,
        createdAt: now,
        renewedAt: now,
        expiresAt: now + DAY,
      };
      browser.jar.set(SESSION_COOKIE, (await sealSession(forged, pendingKey)) ?? '');

      assert.equal(await handler.getSession(browser.request('GET', '/')), null);
    });

    it('a session sealed with another site’s secret', async () => {
      const { browser } = await signedIn({ cookieSecret: OTHER_SECRET });

      assert.equal(await sessionHandler().getSession(browser.request('GET', '/')), null);
    });

    it('a session sealed with a secret still in the list opens; once it is retired it does not', async () => {
      const { browser } = await signedIn({ cookieSecret: OTHER_SECRET });
      const rotated = sessionHandler({ cookieSecret: [SECRET, OTHER_SECRET] });
      const retired = sessionHandler({ cookieSecret: [SECRET] });

      assert.equal((await rotated.getSession(browser.request('GET', '/')))?.sub, AIGERIM);
      assert.equal(await retired.getSession(browser.request('GET', '/')), null);
    });
  });

  describe('without the session option', () => {
    it('has no session routes, and getSession says to turn it on', async () => {
      mock.timers.enable({ apis: ['Date'] });
      const handler = sessionHandler({ session: undefined });
      const browser = new TestBrowser();

      const reply = await readSessionRoute(handler, browser);

      assert.deepEqual({ status: reply.status, body: reply.body }, refusal('not_found'));
      const error = await rejection(() => handler.getSession(browser.request('GET', '/')));
      assert.deepEqual([error.code, error.field], ['invalid_argument', 'session']);
    });

    it('sets no session cookie after a sign-in', async () => {
      const { browser } = await signedIn({ session: false });

      assert.equal(browser.jar.has(SESSION_COOKIE), false);
    });
  });

  describe('bad session options throw invalid_argument at creation, naming the field', () => {
    const cases: { title: string; session: unknown; field: string }[] = [
      {
        title: 'an absolute lifetime under a minute',
        session: { absoluteSeconds: 59 },
        field: 'session.absoluteSeconds',
      },
      {
        title: 'a fractional absolute lifetime',
        session: { absoluteSeconds: 600.5 },
        field: 'session.absoluteSeconds',
      },
      {
        title: 'an idle lifetime past the absolute one',
        session: { absoluteSeconds: 600, idleSeconds: 601 },
        field: 'session.idleSeconds',
      },
      {
        title: 'a store without useOnce',
        session: { store: { get() {}, set() {}, delete() {}, deleteBy() {} } },
        field: 'session.store',
      },
      {
        title: 'a short revoke header value',
        session: { revokeHeader: { name: 'x-revoke', value: 'short' } },
        field: 'session.revokeHeader',
      },
      {
        title: 'an allow-list that is not a list',
        session: { revokeAllowFrom: '10.0.0.1' },
        field: 'session.revokeAllowFrom',
      },
      {
        title: 'an http post-logout URI',
        session: { postLogoutRedirectUri: 'http://shop.example/' },
        field: 'session.postLogoutRedirectUri',
      },
      { title: 'an unknown session option', session: { maxAge: 3600 }, field: 'session.maxAge' },
      { title: 'a string', session: 'yes', field: 'session' },
    ];
    for (const { title, session, field } of cases) {
      it(title, () => {
        const error = thrown(() => sessionHandler({ session: session as SessionOptions }));
        assert.deepEqual([error.code, error.field], ['invalid_argument', field]);
      });
    }
  });
});
