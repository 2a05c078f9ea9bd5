import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { http, HttpResponse } from 'msw';
import { FreedomIdClient } from '../../src/index.js';
import { startWorker, worker } from '../mocks/browser.js';
import {
  CLIENT_ID,
  PAGE_URL,
  rejection,
  clearEntries,
  mount,
  record,
  signIn,
  unmountAll,
} from '../helpers/element.js';

const REDIRECT_URI = `${location.origin}/login`;
const BACKEND = '/api/freedomid/callback';

/** Starts a sign-in from an element configured like the callback page's, and returns its state and nonce. */
async function started(attributes: Record<string, string | true> = {}) {
  const mounted = await mount({
    'client-id': CLIENT_ID,
    'redirect-uri': REDIRECT_URI,
    ...attributes,
  });
  const url = await signIn(mounted);
  mounted.el.remove();
  return { state: url.searchParams.get('state') ?? '', nonce: url.searchParams.get('nonce') ?? '' };
}

/** Turns the test page into the redirect page Freedom ID would send the user to. */
function arriveAt(query: Record<string, string>): void {
  history.replaceState(null, '', `/login?${new URLSearchParams(query).toString()}`);
}

describe('<freedomid-login>', () => {
  before(() => startWorker());
  afterEach(() => {
    worker.resetHandlers();
    unmountAll();
    clearEntries();
    history.replaceState(null, '', PAGE_URL);
  });

  describe('when the page is its redirect URI with a valid callback', () => {
    it('dispatches freedomid-callback with exactly the SDK’s result and cleans the address bar', async () => {
      const { state, nonce } = await started();
      arriveAt({ code: 'auth-code-1', state });
      const callbacks = record('freedomid-callback');
      const errors = record('freedomid-error');
      await mount({ 'client-id': CLIENT_ID, 'redirect-uri': REDIRECT_URI });
      await waitUntil(() => callbacks.events.length === 1);
      callbacks.stop();
      errors.stop();
      expect(callbacks.events[0].detail).to.deep.equal({
        code: 'auth-code-1',
        state,
        nonce,
        redirectUri: REDIRECT_URI,
      });
      expect([callbacks.events[0].bubbles, callbacks.events[0].composed]).to.deep.equal([
        true,
        true,
      ]);
      expect([location.pathname, location.search, errors.events.length]).to.deep.equal([
        '/login',
        '',
        0,
      ]);
    });

    it('hands over the PKCE verifier', async () => {
      const { state } = await started({ pkce: true });
      arriveAt({ code: 'c', state });
      const callbacks = record('freedomid-callback');
      await mount({ 'client-id': CLIENT_ID, 'redirect-uri': REDIRECT_URI, pkce: true });
      await waitUntil(() => callbacks.events.length === 1);
      callbacks.stop();
      expect(callbacks.events[0].detail.codeVerifier).to.be.a('string').with.length.above(42);
    });

    it('POSTs the result to backend-url and dispatches freedomid-session with the reply', async () => {
      const bodies: unknown[] = [];
      worker.use(
        http.post(BACKEND, async ({ request }) => {
          bodies.push(await request.json());
          return HttpResponse.json({ user: { sub: 'u-1', name: 'Aigerim' } });
        }),
      );
      const { state, nonce } = await started();
      arriveAt({ code: 'auth-code-2', state });
      const sessions = record('freedomid-session');
      const callbacks = record('freedomid-callback');
      const { el } = await mount({
        'client-id': CLIENT_ID,
        'redirect-uri': REDIRECT_URI,
        'backend-url': BACKEND,
      });
      await waitUntil(() => sessions.events.length === 1);
      sessions.stop();
      callbacks.stop();
      expect(callbacks.events.length).to.equal(1);
      expect(sessions.events[0].detail).to.deep.equal({
        response: { user: { sub: 'u-1', name: 'Aigerim' } },
      });
      expect(bodies).to.deep.equal([
        { code: 'auth-code-2', state, nonce, redirectUri: REDIRECT_URI },
      ]);
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it("dispatches freedomid-error with backend_error and the handler's code and message when the backend refuses", async () => {
      const reply = { error: 'state_mismatch', message: 'Start the sign-in again.' };
      worker.use(http.post(BACKEND, () => HttpResponse.json(reply, { status: 400 })));
      const { state } = await started();
      arriveAt({ code: 'c', state });
      const errors = record('freedomid-error');
      await mount({ 'client-id': CLIENT_ID, 'redirect-uri': REDIRECT_URI, 'backend-url': BACKEND });
      await waitUntil(() => errors.events.length === 1);
      errors.stop();
      const { detail } = errors.events[0];
      const sdk = await rejection(() =>
        new FreedomIdClient({ clientId: CLIENT_ID, redirectUri: REDIRECT_URI }).sendToBackend(
          { code: 'c', state, nonce: 'n', redirectUri: REDIRECT_URI },
          BACKEND,
        ),
      );
      expect(detail).to.deep.equal({
        code: 'backend_error',
        message: `The backend at ${BACKEND} answered HTTP 400 (state_mismatch: Start the sign-in again.): check its logs.`,
        status: 400,
        response: reply,
        backendError: 'state_mismatch',
        backendMessage: 'Start the sign-in again.',
      });
      expect(detail).to.deep.equal(sdk.toJSON());
    });

    it('lets only one element consume the callback', async () => {
      const { state } = await started();
      arriveAt({ code: 'once', state });
      const callbacks = record('freedomid-callback');
      const errors = record('freedomid-error');
      const host = document.createElement('div');
      host.dataset['testHost'] = '';
      for (let index = 0; index < 2; index++) {
        const el = document.createElement('freedomid-login');
        el.setAttribute('client-id', CLIENT_ID);
        el.setAttribute('redirect-uri', REDIRECT_URI);
        host.append(el);
      }
      document.body.append(host);
      await waitUntil(() => callbacks.events.length === 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      callbacks.stop();
      errors.stop();
      expect([callbacks.events.length, errors.events.length]).to.deep.equal([1, 0]);
      expect(callbacks.events[0].target).to.equal(host.firstElementChild);
    });
  });

  describe('when the callback is not valid', () => {
    it('dispatches freedomid-error with the provider’s error', async () => {
      const { state } = await started();
      arriveAt({ error: 'access_denied', error_description: 'User <b>cancelled</b>', state });
      const errors = record('freedomid-error');
      await mount({ 'client-id': CLIENT_ID, 'redirect-uri': REDIRECT_URI });
      await waitUntil(() => errors.events.length === 1);
      errors.stop();
      const { detail } = errors.events[0];
      expect(detail).to.deep.equal({
        code: 'provider_error',
        message: detail.message,
        error: 'access_denied',
        errorDescription: 'User <b>cancelled</b>',
        verified: true,
      });
      expect(detail.message).to.include('access_denied');
    });

    it('dispatches freedomid-error with state_not_found for a state it never issued', async () => {
      arriveAt({ code: 'c', state: 'not-issued-here' });
      const errors = record('freedomid-error');
      await mount({ 'client-id': CLIENT_ID, 'redirect-uri': REDIRECT_URI });
      await waitUntil(() => errors.events.length === 1);
      errors.stop();
      expect(errors.events[0].detail.code).to.equal('state_not_found');
      expect(Object.keys(errors.events[0].detail).sort()).to.deep.equal(['code', 'message']);
    });
  });

  describe('when two elements of different client ids are on the redirect page', () => {
    const OTHER_ID = '5d1f7a2e-0b7c-4e8e-9f52-1c3b2a9d4e61';
    for (const ownerFirst of [false, true]) {
      it(`the owner of the state handles the callback, the other reports nothing (${ownerFirst ? 'owner' : 'other'} first in the page)`, async () => {
        const { state, nonce } = await started();
        arriveAt({ code: 'auth-code-2', state });
        const callbacks = record('freedomid-callback');
        const errors = record('freedomid-error');
        const [owner, other] = [CLIENT_ID, OTHER_ID].map((clientId) => {
          const el = document.createElement('freedomid-login');
          el.setAttribute('client-id', clientId);
          el.setAttribute('redirect-uri', REDIRECT_URI);
          return el;
        });
        // Connected in one step, so both look at the same address bar in this order.
        const host = document.createElement('div');
        host.dataset.testHost = '';
        host.append(...(ownerFirst ? [owner, other] : [other, owner]));
        document.body.append(host);
        await waitUntil(() => callbacks.events.length === 1);
        await Promise.all([owner.updateComplete, other.updateComplete]);
        await new Promise((resolve) => setTimeout(resolve));
        callbacks.stop();
        errors.stop();
        expect(callbacks.events.map((event) => [event.target, event.detail])).to.deep.equal([
          [owner, { code: 'auth-code-2', state, nonce, redirectUri: REDIRECT_URI }],
        ]);
        expect(errors.events.map((event) => event.detail)).to.deep.equal([]);
        expect([location.pathname, location.search]).to.deep.equal(['/login', '']);
      });
    }
  });

  describe('when the page is not its redirect URI', () => {
    it('leaves the callback parameters alone', async () => {
      arriveAt({ code: 'c', state: 's' });
      const events = [record('freedomid-callback'), record('freedomid-error')];
      await mount({ 'client-id': CLIENT_ID, 'redirect-uri': `${location.origin}/other` });
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const { stop } of events) stop();
      expect([location.search, ...events.map(({ events: list }) => list.length)]).to.deep.equal([
        '?code=c&state=s',
        0,
        0,
      ]);
    });
  });
});
