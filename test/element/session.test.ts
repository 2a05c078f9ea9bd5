import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { FreedomIdClient, type FreedomIdSession } from '../../src/index.js';
import { SESSION_STRINGS, type FreedomIdLogin, type Locale } from '../../src/element.js';
import { startWorker, worker } from '../mocks/browser.js';
import { waitUntil } from '../helpers/wait.js';
import {
  CLIENT_ID,
  PAGE_URL,
  clearEntries,
  mount,
  record,
  signIn,
  unmountAll,
} from '../helpers/element.js';

// A path of this file's own: the test runner runs files side by side in pages of one origin,
// whose BroadcastChannel messages would otherwise reach this file's listeners.
const SESSION_URL = '/api/element-session-test/session';
const LOGOUT_URL = '/api/element-session-test/logout';
const BACKEND = '/api/element-session-test/callback';
const REDIRECT_URI = `${location.origin}/login`;
/** A name that would be markup if it were ever parsed as HTML. */
const NAME = '<img src=x onerror="window.pwned=1">Aigerim';
const SESSION: FreedomIdSession = {
  sub: 'u-1',
  data: { name: NAME },
  createdAt: 1_700_000_000_000,
  expiresAt: 1_700_604_800_000,
  idleExpiresAt: 1_700_086_400_000,
};

/** Answers GET /session with `session` (null: signed out), each time it is asked. */
function sessionIs(session: FreedomIdSession | null): void {
  worker.use(http.get(SESSION_URL, () => HttpResponse.json({ session })));
}

function part(el: FreedomIdLogin, name: string): HTMLElement | null {
  return el.shadowRoot?.querySelector(`[part~="${name}"]`) ?? null;
}

/** Mounts an element with `session-url` and waits until it has read the session. */
async function mountWithSession(attributes: Record<string, string | true> = {}) {
  const known = record('freedomid-signed-in');
  const out = record('freedomid-signed-out');
  const mounted = await mount({
    'client-id': CLIENT_ID,
    'session-url': SESSION_URL,
    locale: 'ru',
    ...attributes,
  });
  await waitUntil(() => known.events.length + out.events.length > 0, 'the session was not read');
  known.stop();
  out.stop();
  await mounted.el.updateComplete;
  return { ...mounted, signedIn: known.events, signedOut: out.events };
}

describe('<freedomid-login>', () => {
  before(() => startWorker());
  afterEach(() => {
    worker.resetHandlers();
    unmountAll();
    clearEntries();
    history.replaceState(null, '', PAGE_URL);
  });

  describe('when session-url reads signed in', () => {
    it('fires freedomid-signed-in with exactly the session and shows who, as text, and a sign-out button', async () => {
      sessionIs(SESSION);
      const { el, signedIn, signedOut } = await mountWithSession();
      expect(signedIn.map((event) => [event.detail, event.bubbles, event.composed])).to.deep.equal([
        [{ session: SESSION }, true, true],
      ]);
      expect(signedOut.length).to.equal(0);
      expect([
        part(el, 'user')?.textContent,
        part(el, 'name')?.textContent,
        el.shadowRoot?.querySelector('img'),
        part(el, 'button'),
        part(el, 'sign-out')?.getAttribute('aria-describedby'),
      ]).to.deep.equal([`Вы вошли как ${NAME}`, NAME, null, null, 'user']);
      await expect(el).to.be.accessible();
    });

    for (const locale of ['ru', 'kk', 'en'] as Locale[]) {
      it(`labels the sign-out button "${SESSION_STRINGS[locale].signOut}" in ${locale}, a focusable real button`, async () => {
        sessionIs({ ...SESSION, data: null });
        const { el } = await mountWithSession({ locale });
        const button = part(el, 'sign-out');
        el.focus();
        expect([
          button instanceof HTMLButtonElement,
          button?.textContent.trim(),
          part(el, 'user')?.textContent,
          el.shadowRoot?.activeElement === button,
        ]).to.deep.equal([
          true,
          SESSION_STRINGS[locale].signOut,
          SESSION_STRINGS[locale].signedIn,
          true,
        ]);
      });
    }
  });

  describe('with strings', () => {
    it("shows the merchant's signed-in texts, as text", async () => {
      sessionIs(SESSION);
      const { el } = await mountWithSession();
      el.strings = { signedInAs: '<b>Hello</b>', signOut: 'Log out' };
      await el.updateComplete;
      expect([
        part(el, 'user')?.textContent,
        part(el, 'sign-out')?.textContent.trim(),
        el.shadowRoot?.querySelector('b'),
      ]).to.deep.equal([`<b>Hello</b> ${NAME}`, 'Log out', null]);
    });
  });

  describe('when session-url reads signed out', () => {
    it('fires freedomid-signed-out with {} and shows the sign-in button', async () => {
      sessionIs(null);
      const { el, signedIn, signedOut } = await mountWithSession();
      expect([signedIn.length, signedOut.map((event) => event.detail)]).to.deep.equal([0, [{}]]);
      expect([part(el, 'button')?.tagName, part(el, 'signed-in')]).to.deep.equal(['BUTTON', null]);
    });
  });

  describe('when the sign-out button is clicked', () => {
    it('POSTs {} to logout beside session-url, fires freedomid-signed-out with the logoutUrl and shows the sign-in button', async () => {
      const logoutUrl = 'https://id.example/logout?id_token_hint=t';
      const posted: unknown[] = [];
      sessionIs(SESSION);
      worker.use(
        http.post(LOGOUT_URL, async ({ request }) => {
          posted.push(await request.json());
          return HttpResponse.json({ signedOut: true, logoutUrl });
        }),
      );
      const { el } = await mountWithSession();
      const out = record('freedomid-signed-out');
      part(el, 'sign-out')?.click();
      await waitUntil(() => out.events.length > 0);
      await el.updateComplete;
      out.stop();
      expect([posted, out.events.map((event) => event.detail)]).to.deep.equal([
        [{}],
        [{ logoutUrl }],
      ]);
      expect([part(el, 'button')?.tagName, part(el, 'signed-in')]).to.deep.equal(['BUTTON', null]);
    });

    it('reports a refused sign-out as freedomid-error and stays signed in', async () => {
      sessionIs(SESSION);
      worker.use(
        http.post(LOGOUT_URL, () =>
          HttpResponse.json({ error: 'store_unavailable', message: 'Retry.' }, { status: 503 }),
        ),
      );
      const { el } = await mountWithSession();
      const errors = record('freedomid-error');
      part(el, 'sign-out')?.click();
      await waitUntil(() => errors.events.length > 0);
      await el.updateComplete;
      errors.stop();
      expect([
        errors.events[0].detail.code,
        errors.events[0].detail.backendError,
        part(el, 'sign-out')?.hasAttribute('disabled'),
      ]).to.deep.equal(['backend_error', 'store_unavailable', false]);
    });
  });

  describe('when another page signs in or out', () => {
    it('switches to signed in, then out, without a reload', async () => {
      sessionIs(null);
      worker.use(
        http.post(BACKEND, () => HttpResponse.json({ ok: true })),
        http.post(LOGOUT_URL, () => HttpResponse.json({ signedOut: true })),
      );
      const { el } = await mountWithSession();
      // Another page's client: the same origin and session URL, its own BroadcastChannel.
      const other = new FreedomIdClient({
        clientId: CLIENT_ID,
        sessionUrl: SESSION_URL,
        backendUrl: BACKEND,
      });
      const signedIn = record('freedomid-signed-in');
      sessionIs(SESSION);
      await other.sendToBackend({ code: 'c', state: 's', nonce: 'n', redirectUri: REDIRECT_URI });
      await waitUntil(() => signedIn.events.length > 0);
      signedIn.stop();
      await el.updateComplete;
      expect(part(el, 'name')?.textContent).to.equal(NAME);

      const signedOut = record('freedomid-signed-out');
      sessionIs(null);
      await other.signOut();
      await waitUntil(() => signedOut.events.length > 0);
      signedOut.stop();
      await el.updateComplete;
      expect([signedOut.events[0].detail, part(el, 'button')?.tagName]).to.deep.equal([
        {},
        'BUTTON',
      ]);
    });
  });

  describe('when the page comes back into view', () => {
    it('reads the session again: one the server ended meanwhile fires freedomid-signed-out', async () => {
      sessionIs(SESSION);
      const { el } = await mountWithSession();
      const signedOut = record('freedomid-signed-out');
      sessionIs(null); // e.g. the provider's revoke call ended it; no page announced anything
      // The runner may show another test page in front of this one: this page comes into view.
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      Reflect.deleteProperty(document, 'visibilityState');
      await waitUntil(() => signedOut.events.length > 0, 'the session was not read again');
      signedOut.stop();
      await el.updateComplete;
      expect([
        signedOut.events.map((event) => event.detail),
        part(el, 'button')?.tagName,
      ]).to.deep.equal([[{}], 'BUTTON']);
    });
    it('reads nothing when the page goes out of view, only when it comes back', async () => {
      sessionIs(SESSION);
      const { el } = await mountWithSession();
      const signedOut = record('freedomid-signed-out');
      let reads = 0;
      worker.use(
        http.get(SESSION_URL, () => {
          reads += 1;
          return HttpResponse.json({ session: null });
        }),
      );
      for (const state of ['hidden', 'visible']) {
        Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      }
      Reflect.deleteProperty(document, 'visibilityState');
      // A read on hiding would have been sent first, so it is counted by the time this one answers.
      await waitUntil(() => signedOut.events.length > 0, 'the session was not read again');
      signedOut.stop();
      await el.updateComplete;
      expect([reads, signedOut.events.map((event) => event.detail)]).to.deep.equal([1, [{}]]);
    });
  });

  describe('when its own sign-in succeeds', () => {
    it('switches to signed in after freedomid-session', async () => {
      // The backend's state: the callback POST starts the session GET /session then reads.
      let session: FreedomIdSession | null = null;
      worker.use(
        http.get(SESSION_URL, () => HttpResponse.json({ session })),
        http.post(BACKEND, () => {
          session = SESSION;
          return HttpResponse.json({ ok: true });
        }),
      );
      const first = await mount({ 'client-id': CLIENT_ID, 'redirect-uri': REDIRECT_URI });
      const state = (await signIn(first)).searchParams.get('state') ?? '';
      first.el.remove();
      history.replaceState(null, '', `/login?code=c&state=${state}`);
      const sessions = record('freedomid-session');
      const signedIn = record('freedomid-signed-in');
      const { el } = await mount({
        'client-id': CLIENT_ID,
        'session-url': SESSION_URL,
        'redirect-uri': REDIRECT_URI,
        'backend-url': BACKEND,
      });
      await waitUntil(() => signedIn.events.length > 0);
      sessions.stop();
      signedIn.stop();
      await el.updateComplete;
      expect([
        sessions.events.length,
        signedIn.events.map((event) => event.detail),
        part(el, 'name')?.textContent,
      ]).to.deep.equal([1, [{ session: SESSION }], NAME]);
    });
  });

  describe('when session-url is wrong', () => {
    it('reports invalid_config naming session-url', async () => {
      const errors = record('freedomid-error');
      await mount({ 'client-id': CLIENT_ID, 'session-url': 'javascript:alert(1)' });
      await waitUntil(() => errors.events.length > 0);
      errors.stop();
      expect([errors.events[0].detail.code, errors.events[0].detail.field]).to.deep.equal([
        'invalid_config',
        'session-url',
      ]);
    });

    it('reports a failed read as freedomid-error and keeps the sign-in button', async () => {
      worker.use(http.get(SESSION_URL, () => HttpResponse.error()));
      const errors = record('freedomid-error');
      const { el } = await mount({ 'client-id': CLIENT_ID, 'session-url': SESSION_URL });
      await waitUntil(() => errors.events.length > 0);
      errors.stop();
      expect([errors.events[0].detail.code, part(el, 'button')?.tagName]).to.deep.equal([
        'network_error',
        'BUTTON',
      ]);
    });
  });
});
