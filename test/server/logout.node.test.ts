import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemorySessionStore } from '../../src/server/index.js';
import { freedomIdHandlers } from '../../src/testing/index.js';
import { TestBrowser, send } from './browser.js';
import { CLIENT_ID, FREEDOM_ID } from './fixtures.js';
import {
  logout,
  readSessionRoute,
  refusal,
  SESSION_COOKIE,
  sessionHandler,
  signIn,
  useProviderServer,
} from './session-support.js';
import { STANDARD_ISSUER, standardProvider } from './standard-provider.js';

const server = useProviderServer(...freedomIdHandlers(FREEDOM_ID));
const CLEARED = `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure`;
const END_SESSION = 'https://idp.example/oauth2/logout';

describe('POST {basePath}/logout', () => {
  it('clears the session cookie and answers { signedOut: true }; the session then reads as signed out', async () => {
    const handler = sessionHandler();
    const browser = new TestBrowser();
    await signIn(handler, browser);
    const kept = browser.jar.get(SESSION_COOKIE);

    const reply = await logout(handler, browser);

    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, { signedOut: true });
    assert.deepEqual(reply.response.headers.getSetCookie(), [CLEARED]);
    assert.deepEqual((await readSessionRoute(handler, browser)).body, { session: null });
    assert.ok(kept !== undefined);
  });

  it('with a store, also ends the session there: a copy of the old cookie no longer signs in', async () => {
    const store = createMemorySessionStore();
    const handler = sessionHandler({ session: { store } });
    const browser = new TestBrowser();
    await signIn(handler, browser);
    const copy = new TestBrowser();
    copy.jar.set(SESSION_COOKIE, browser.jar.get(SESSION_COOKIE) ?? '');
    const before = await handler.getSession(copy.request('GET', '/'));

    await logout(handler, browser);

    assert.notEqual(before, null);
    assert.equal(await store.get(before?.id ?? ''), undefined);
    assert.equal(await handler.getSession(copy.request('GET', '/')), null);
  });

  it('answers the same for a browser that was not signed in', async () => {
    const reply = await logout(sessionHandler(), new TestBrowser());

    assert.deepEqual(
      { status: reply.status, body: reply.body },
      { status: 200, body: { signedOut: true } },
    );
  });

  describe('refuses what the page would not send, as /callback does, keeping the session', () => {
    const cases: {
      title: string;
      headers?: Record<string, string>;
      body?: string;
      code: Parameters<typeof refusal>[0];
    }[] = [
      {
        title: 'a form post (text/plain)',
        headers: { 'content-type': 'text/plain' },
        code: 'unsupported_media_type',
      },
      { title: 'no Origin', headers: { origin: '' }, code: 'forbidden_origin' },
      {
        title: 'another Origin',
        headers: { origin: 'https://evil.example' },
        code: 'forbidden_origin',
      },
      { title: 'a body that is not JSON', body: 'bye', code: 'invalid_request' },
      { title: 'a JSON array', body: '[]', code: 'invalid_request' },
      {
        title: 'a body over 1 KB',
        body: JSON.stringify({ pad: 'x'.repeat(1100) }),
        code: 'invalid_request',
      },
    ];
    for (const { title, headers = {}, body, code } of cases) {
      it(`${title}: ${code}`, async () => {
        const handler = sessionHandler();
        const browser = new TestBrowser();
        await signIn(handler, browser);
        const bent = Object.fromEntries(
          Object.entries(headers).filter(([, value]) => value !== ''),
        );
        const request = browser.request('POST', '/logout', {
          headers: {
            'content-type': 'application/json',
            ...('origin' in headers ? {} : { origin: 'https://shop.example' }),
            ...bent,
          },
          body: body ?? '{}',
        });

        const response = await handler(request);

        assert.deepEqual(
          { status: response.status, body: (await response.json()) as unknown },
          refusal(code),
        );
        assert.deepEqual(response.headers.getSetCookie(), []);
        assert.notEqual(await handler.getSession(browser.request('GET', '/')), null);
      });
    }

    it('GET: method_not_allowed with Allow: POST', async () => {
      const reply = await send(new TestBrowser(), sessionHandler(), 'GET', '/logout');

      assert.deepEqual({ status: reply.status, body: reply.body }, refusal('method_not_allowed'));
      assert.equal(reply.response.headers.get('allow'), 'POST');
    });
  });

  describe('RP-initiated logout with a standard provider', () => {
    function standardHandler(metadata: Record<string, unknown>, postLogoutRedirectUri?: string) {
      server.use(...standardProvider({ metadata }));
      return sessionHandler({
        issuer: STANDARD_ISSUER,
        discovery: true,
        clientAuth: 'client_secret_post',
        session: postLogoutRedirectUri === undefined ? true : { postLogoutRedirectUri },
      });
    }

    it('answers the end_session_endpoint URL with client_id, id_token_hint, post_logout_redirect_uri and state', async () => {
      const handler = standardHandler(
        { end_session_endpoint: END_SESSION },
        'https://shop.example/bye',
      );
      const browser = new TestBrowser();
      const signedIn = await signIn(handler, browser);
      assert.equal(signedIn.status, 200);

      const reply = await logout(handler, browser);

      const { logoutUrl } = reply.body as { logoutUrl: string };
      const url = new URL(logoutUrl);
      assert.equal(`${url.origin}${url.pathname}`, END_SESSION);
      assert.deepEqual(
        [...url.searchParams.keys()],
        ['client_id', 'id_token_hint', 'post_logout_redirect_uri', 'state'],
      );
      assert.equal(url.searchParams.get('client_id'), CLIENT_ID);
      assert.equal(url.searchParams.get('post_logout_redirect_uri'), 'https://shop.example/bye');
      assert.match(url.searchParams.get('state') ?? '', /^[\w-]{43}$/);
      const hint = (url.searchParams.get('id_token_hint') ?? '').split('.');
      assert.equal(
        (JSON.parse(Buffer.from(hint[1] ?? '', 'base64url').toString()) as { iss: string }).iss,
        STANDARD_ISSUER,
      );
    });

    it('answers no logoutUrl when discovery names no end_session_endpoint', async () => {
      const handler = standardHandler({});
      const browser = new TestBrowser();
      await signIn(handler, browser);

      const reply = await logout(handler, browser);

      assert.deepEqual(reply.body, { signedOut: true });
    });
  });
});
