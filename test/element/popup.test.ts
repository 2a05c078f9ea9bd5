// ux-mode="popup" for real: a real mouse click opens a real popup on a stand-in provider page, which
// redirects to a redirect page holding the same element; that element forwards the callback here.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendMouse } from '@web/test-runner-commands';
import { realClick } from '../helpers/real-click.js';
import { http, HttpResponse } from 'msw';
import { FreedomIdClient, POPUP_MESSAGE_TYPE } from '../../src/index.js';
import { readCode } from '../../src/testing/index.js';
import { startWorker, worker } from '../mocks/browser.js';
import {
  CLIENT_ID,
  PAGE_URL,
  clearEntries,
  mount,
  record,
  rejection,
  storedEntries,
  thrown,
  unmountAll,
  type Mounted,
} from '../helpers/element.js';
import { capturePopups } from '../mocks/popups.js';

const REDIRECT = `${location.origin}/test/element/fixtures/popup-redirect.html`;
const FAKE_PROVIDER = `${location.origin}/test/fixtures/fake-provider`;
/** An authority whose authorization endpoint never answers: the popup stays there until closed. */
const SILENT_PROVIDER = `${location.origin}/test/element/fixtures/silent-provider`;
const BACKEND = '/api/freedomid/callback';
const PAGE = location.origin + location.pathname;

/** Opens `href` in a window named `name` from a real click, as a page's own script would. */
async function openFromClick(href: string, name: string): Promise<void> {
  const opener = document.createElement('button');
  opener.dataset['testHost'] = '';
  opener.textContent = 'open';
  opener.style.cssText = 'position:fixed;left:0;top:0;width:100px;height:40px';
  opener.addEventListener('click', () => window.open(href, name, 'popup=yes'));
  document.body.append(opener);
  await realClick(opener);
}

/** Mounts a popup-mode element in the top-left corner, where the real mouse can click it. */
function mountPopup(
  attributes: Record<string, string | true> = {},
  setup?: Parameters<typeof mount>[1],
): Promise<Mounted> {
  const host = document.createElement('div');
  host.dataset['testHost'] = '';
  host.style.cssText = 'position:fixed;left:0;top:0';
  document.body.append(host);
  return mount(
    {
      'client-id': CLIENT_ID,
      'redirect-uri': REDIRECT,
      authority: FAKE_PROVIDER,
      'ux-mode': 'popup',
      ...attributes,
    },
    setup,
    host,
  );
}

/** The button is idle: enabled and not busy. */
function isIdle(button: HTMLButtonElement): boolean {
  return !button.disabled && !button.hasAttribute('aria-busy');
}

describe('<freedomid-login>', () => {
  let capture: ReturnType<typeof capturePopups>;
  before(() => startWorker());
  beforeEach(() => {
    clearEntries();
    capture = capturePopups();
  });
  afterEach(() => {
    capture.restore();
    for (const popup of capture.popups) popup?.close();
    worker.resetHandlers();
    unmountAll();
    clearEntries();
    window.name = '';
    history.replaceState(null, '', PAGE_URL);
  });

  describe('when ux-mode="popup" and the provider answers', () => {
    it('signs in inside a popup and dispatches freedomid-callback with exactly the result', async () => {
      const redirects = record('freedomid-redirect');
      const callbacks = record('freedomid-callback');
      const errors = record('freedomid-error');
      const { button, navigations } = await mountPopup();
      await realClick(button);
      await waitUntil(() => callbacks.events.length === 1, 'no freedomid-callback');
      await waitUntil(() => isIdle(button), 'the button stayed busy');
      for (const { stop } of [redirects, callbacks, errors]) stop();
      const url = new URL(redirects.events[0].detail.url);
      expect(url.origin + url.pathname).to.equal(`${FAKE_PROVIDER}/openid`);
      const { code, ...rest } = callbacks.events[0].detail;
      expect(rest).to.deep.equal({
        state: url.searchParams.get('state'),
        nonce: url.searchParams.get('nonce'),
        redirectUri: REDIRECT,
      });
      expect(readCode(code)).to.include({
        clientId: CLIENT_ID,
        redirectUri: REDIRECT,
        nonce: rest.nonce,
      });
      expect([errors.events.length, navigations.length]).to.deep.equal([0, 0]);
      expect(storedEntries()).to.deep.equal({});
      expect(capture.popups.length).to.equal(1);
      await waitUntil(() => capture.popups[0]?.closed === true, 'the popup stayed open');
    });

    it('POSTs the result to backend-url and dispatches freedomid-session', async () => {
      const bodies: unknown[] = [];
      worker.use(
        http.post(BACKEND, async ({ request }) => {
          bodies.push(await request.json());
          return HttpResponse.json({ user: { sub: 'u-2' } });
        }),
      );
      const redirects = record('freedomid-redirect');
      const sessions = record('freedomid-session');
      const { button } = await mountPopup({ 'backend-url': BACKEND });
      await realClick(button);
      await waitUntil(() => sessions.events.length === 1, 'no freedomid-session');
      await waitUntil(() => isIdle(button), 'the button stayed busy');
      redirects.stop();
      sessions.stop();
      const url = new URL(redirects.events[0].detail.url);
      expect(sessions.events[0].detail).to.deep.equal({ response: { user: { sub: 'u-2' } } });
      expect(bodies).to.have.length(1);
      const { code, ...rest } = bodies[0] as { code: string };
      expect(rest).to.deep.equal({
        state: url.searchParams.get('state'),
        nonce: url.searchParams.get('nonce'),
        redirectUri: REDIRECT,
      });
      expect(readCode(code)).to.include({ clientId: CLIENT_ID, redirectUri: REDIRECT });
    });

    it('uses the state and nonce from params-url', async () => {
      const state = 'popup-state-from-backend-0001';
      const nonce = 'popup-nonce-from-backend-0001';
      worker.use(http.get('/api/freedomid/params', () => HttpResponse.json({ state, nonce })));
      const callbacks = record('freedomid-callback');
      const { button } = await mountPopup({ 'params-url': '/api/freedomid/params' });
      await realClick(button);
      await waitUntil(() => callbacks.events.length === 1, 'no freedomid-callback');
      callbacks.stop();
      const { code, ...rest } = callbacks.events[0].detail;
      expect(rest).to.deep.equal({ state, nonce, redirectUri: REDIRECT });
      expect(readCode(code)).to.include({ clientId: CLIENT_ID, nonce });
    });
    it('with a set prepared on hover, still opens the popup in the click, and uses that set once', async () => {
      let asked = 0;
      worker.use(
        http.get('/api/freedomid/params', () => {
          asked += 1;
          return HttpResponse.json({
            state: `popup-state-prepared-000${asked}`,
            nonce: `popup-nonce-prepared-000${asked}`,
          });
        }),
      );
      const callbacks = record('freedomid-callback');
      const { button } = await mountPopup({ 'params-url': '/api/freedomid/params' });
      const { left, top, width, height } = button.getBoundingClientRect();
      await sendMouse({
        type: 'move',
        position: [Math.round(left + width / 2), Math.round(top + height / 2)],
      });
      await waitUntil(() => asked === 1, 'no request prepared on hover');
      await realClick(button);
      await waitUntil(() => callbacks.events.length === 1, 'no freedomid-callback');
      callbacks.stop();
      expect([asked, capture.popups.length, callbacks.events[0].detail.state]).to.deep.equal([
        1,
        1,
        'popup-state-prepared-0001',
      ]);
    });
  });

  describe('when the page cancels freedomid-redirect in popup mode', () => {
    it('closes the popup, dispatches no freedomid-error and is ready again', async () => {
      const errors = record('freedomid-error');
      const callbacks = record('freedomid-callback');
      const redirects = record('freedomid-redirect');
      const { button } = await mountPopup({}, (el) => {
        el.addEventListener('freedomid-redirect', (event) => {
          event.preventDefault();
        });
      });
      await realClick(button);
      await waitUntil(() => redirects.events.length === 1, 'no freedomid-redirect');
      await waitUntil(() => isIdle(button), 'the button stayed busy');
      await waitUntil(() => capture.popups[0]?.closed === true, 'the popup stayed open');
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const { stop } of [errors, callbacks, redirects]) stop();
      expect([errors.events.length, callbacks.events.length]).to.deep.equal([0, 0]);
      expect(redirects.events[0].cancelable).to.equal(true);
      expect(storedEntries()).to.deep.equal({});
    });
  });

  describe('when the browser blocks the popup', () => {
    it('dispatches freedomid-error with popup_blocked and is ready again', async () => {
      window.open = () => null;
      const expected = await rejection(() =>
        new FreedomIdClient({ clientId: CLIENT_ID, redirectUri: REDIRECT }).signInPopup(),
      );
      const errors = record('freedomid-error');
      const { button } = await mountPopup();
      button.click();
      await waitUntil(() => errors.events.length === 1, 'no freedomid-error');
      errors.stop();
      expect(errors.events[0].detail).to.deep.equal({
        ...expected.toJSON(),
        code: 'popup_blocked',
      });
      expect(isIdle(button)).to.equal(true);
      expect(storedEntries()).to.deep.equal({});
    });
  });

  describe('when the user closes the popup', () => {
    it('dispatches freedomid-error with popup_closed and is ready again', async () => {
      const errors = record('freedomid-error');
      const { button } = await mountPopup({ authority: SILENT_PROVIDER });
      await realClick(button);
      await waitUntil(() => Object.keys(storedEntries()).length === 1, 'no request stored');
      expect(button.getAttribute('aria-busy')).to.equal('true');
      capture.popups[0]?.close();
      await waitUntil(() => errors.events.length === 1, 'no freedomid-error');
      errors.stop();
      expect(errors.events[0].detail.code).to.equal('popup_closed');
      expect(Object.keys(errors.events[0].detail).sort()).to.deep.equal(['code', 'message']);
      expect(isIdle(button)).to.equal(true);
    });
  });

  describe('when the page is the redirect page inside a sign-in popup', () => {
    it('forwards the callback to the opener instead of consuming it', async () => {
      // The opener holds the pending request for this state, as it does during signInPopup().
      const started = await new FreedomIdClient({
        clientId: CLIENT_ID,
        redirectUri: REDIRECT,
      }).createAuthorizationUrl();
      const href = `${REDIRECT}?code=forwarded&state=${started.searchParams.get('state') ?? ''}`;
      const messages: unknown[] = [];
      const onMessage = (event: MessageEvent) => {
        if (event.origin === location.origin && event.source === capture.popups[0]) {
          messages.push(event.data);
        }
      };
      window.addEventListener('message', onMessage);
      try {
        await openFromClick(href, 'freedomid-signin');
        await waitUntil(() => messages.length === 1, 'nothing was forwarded');
      } finally {
        window.removeEventListener('message', onMessage);
      }
      expect(messages).to.deep.equal([{ type: POPUP_MESSAGE_TYPE, href }]);
    });

    it('keeps a callback the opener does not wait for: a window the page opened for its own reasons signs in by itself', async () => {
      const href = `${REDIRECT}?code=not-for-the-opener&state=a-state-the-opener-never-issued`;
      const messages: unknown[] = [];
      const onMessage = (event: MessageEvent) => {
        if (event.source === capture.popups[0]) messages.push(event.data);
      };
      window.addEventListener('message', onMessage);
      try {
        await openFromClick(href, 'merchant-window');
        await waitUntil(() => capture.popups.length === 1, 'no window opened');
        const popup = capture.popups[0]!;
        // The window's own element handles the callback: it cleans the address bar and reports state_not_found.
        await waitUntil(() => {
          try {
            return popup.location.search === '';
          } catch {
            return false;
          }
        }, 'the window did not handle its callback');
        await new Promise((resolve) => setTimeout(resolve, 200));
      } finally {
        window.removeEventListener('message', onMessage);
      }
      expect(messages).to.deep.equal([]);
    });

    it('dispatches freedomid-error with opener_lost when the link to the opener was cut', async () => {
      window.name = 'freedomid-signin';
      const callback = `${PAGE}?code=c&state=lost`;
      history.replaceState(null, '', callback);
      const errors = record('freedomid-error');
      const callbacks = record('freedomid-callback');
      const { button } = await mount({ 'client-id': CLIENT_ID });
      await waitUntil(() => errors.events.length === 1, 'no freedomid-error');
      await new Promise((resolve) => setTimeout(resolve, 100));
      errors.stop();
      callbacks.stop();
      // The SDK cleans the address bar before it forwards: ask it about the callback by its URL.
      const expected = thrown(() =>
        new FreedomIdClient({ clientId: CLIENT_ID, redirectUri: PAGE }).forwardPopupCallback(
          callback,
        ),
      );
      expect(errors.events[0].detail).to.deep.equal({
        ...expected.toJSON(),
        code: 'opener_lost',
      });
      expect([callbacks.events.length, isIdle(button)]).to.deep.equal([0, true]);
    });
  });
});
