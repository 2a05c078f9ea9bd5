import { expect } from '@open-wc/testing';
import { FreedomIdClient, POPUP_MESSAGE_TYPE, type CallbackResult } from '../../src/index.js';
import { readCode } from '../../src/testing/index.js';
import { realClick } from '../helpers/real-click.js';
import { CLIENT_ID, callbackUrl, clearEntries, rejection, storedEntries } from '../helpers/sdk.js';
import { capturePopups } from '../mocks/popups.js';
import { waitUntil } from '../helpers/wait.js';

const REDIRECT = `${location.origin}/test/fixtures/popup-callback.html`;
const FAKE_PROVIDER = `${location.origin}/test/fixtures/fake-provider`;

function popupClient(overrides = {}) {
  return new FreedomIdClient({
    clientId: CLIENT_ID,
    redirectUri: REDIRECT,
    authority: FAKE_PROVIDER,
    ...overrides,
  });
}

/** Calls `action` from a real mouse click, the user activation browsers demand before opening a popup. */
async function fromClick<T>(action: () => Promise<T>): Promise<T> {
  const button = document.createElement('button');
  button.textContent = 'Sign in';
  button.style.cssText = 'position:fixed;left:0;top:0;width:120px;height:40px';
  document.body.append(button);
  const outcome = new Promise<T>((resolve, reject) => {
    button.addEventListener(
      'click',
      () => {
        action().then(resolve, reject);
      },
      { once: true },
    );
  });
  // The outcome may settle before the click command returns: mark it handled now, the caller awaits it.
  outcome.catch(() => undefined);
  await realClick(button);
  button.remove();
  return outcome;
}

function until(condition: () => boolean): Promise<void> {
  return waitUntil(condition, 'condition not met in time');
}

describe('FreedomIdClient.signInPopup', () => {
  let capture: ReturnType<typeof capturePopups>;
  beforeEach(() => (capture = capturePopups()));
  afterEach(() => {
    capture.restore();
    for (const popup of capture.popups) popup?.close();
    clearEntries();
  });

  describe('when the provider answers', () => {
    it('resolves with the callback result validated by this page, and closes the popup', async () => {
      const client = popupClient();
      const result: CallbackResult = await fromClick(() =>
        client.signInPopup({ appState: { step: 'checkout' } }),
      );
      expect(readCode(result.code)).to.include({
        clientId: CLIENT_ID,
        redirectUri: REDIRECT,
        nonce: result.nonce,
      });
      expect(result.redirectUri).to.equal(REDIRECT);
      expect(result.appState).to.deep.equal({ step: 'checkout' });
      expect(result.state).to.match(/^[A-Za-z0-9_-]{43}$/);
      expect(storedEntries()).to.deep.equal({});
      expect(capture.popups).to.have.length(1);
      await until(() => capture.popups[0]!.closed);
    });

    it('a denial comes back as provider_error, verified', async () => {
      const client = popupClient();
      const error = await rejection(() =>
        fromClick(() => client.signInPopup({ extraParams: { deny: '1' } })),
      );
      expect(error.code).to.equal('provider_error');
      expect(error.error).to.equal('access_denied');
      expect(error.verified).to.equal(true);
    });
  });

  describe('when beforeNavigate returns false', () => {
    it('resolves "cancelled", the popup closes and the request is discarded', async () => {
      const seen: string[] = [];
      const client = popupClient();
      const outcome = await fromClick(() =>
        client.signInPopup({
          beforeNavigate: (url) => {
            seen.push(url.searchParams.get('client_id') ?? '');
            return false;
          },
        }),
      );
      expect(outcome).to.equal('cancelled');
      expect(seen).to.deep.equal([CLIENT_ID]);
      expect(storedEntries()).to.deep.equal({});
      await until(() => capture.popups[0]!.closed);
    });

    it('with keepRequest, resolves "cancelled" and keeps the request of the URL it was given', async () => {
      const seen: string[] = [];
      const outcome = await fromClick(() =>
        popupClient().signInPopup({
          keepRequest: true,
          beforeNavigate: (url) => {
            seen.push(url.searchParams.get('state') ?? '');
            return false;
          },
        }),
      );
      expect(outcome).to.equal('cancelled');
      expect(Object.keys(storedEntries())).to.deep.equal([`freedomid.${seen[0]}`]);
      await until(() => capture.popups[0]!.closed);
    });
  });

  describe('the popup’s window name', () => {
    it('is fresh and unguessable for every sign-in: freedomid-signin- and 128 random bits', async () => {
      const names: string[] = [];
      window.open = (_url, target) => {
        names.push(String(target));
        return null;
      };
      await rejection(() => popupClient().signInPopup());
      await rejection(() => popupClient().signInPopup());
      expect(names).to.have.length(2);
      for (const name of names) expect(name).to.match(/^freedomid-signin-[A-Za-z0-9_-]{22}$/);
      expect(names[0]).to.not.equal(names[1]);
    });

    it('never reuses a window another page named freedomid-signin in advance', async () => {
      // The hostile window: named as the SDK's popup once was, and left open on a page of its own.
      const hostile = await fromClick(() =>
        Promise.resolve(
          window.open('/test/fixtures/fake-provider/openid?stay=1', 'freedomid-signin'),
        ),
      );
      if (hostile === null) throw new Error('the browser did not open the hostile window');
      try {
        // Its initial about:blank is "complete" too: wait for the page it was opened on.
        await until(
          () =>
            hostile.location.pathname === '/test/fixtures/fake-provider/openid' &&
            hostile.document.readyState === 'complete',
        );
        const hostilePage = hostile.location.href;
        const client = popupClient();
        const pending = fromClick(() => client.signInPopup({ extraParams: { stay: '1' } }));
        await until(() => capture.popups.length === 2);
        const popup = capture.popups[1];
        expect(popup).to.not.equal(null);
        expect(popup).to.not.equal(hostile);
        expect([hostile.closed, hostile.location.href]).to.deep.equal([false, hostilePage]);
        popup?.close();
        expect((await rejection(() => pending)).code).to.equal('popup_closed');
      } finally {
        hostile.close();
      }
    });
  });

  describe('when the popup cannot open', () => {
    it('→ popup_blocked, and no request is stored', async () => {
      window.open = () => null;
      const error = await rejection(() => popupClient().signInPopup());
      expect(error.code).to.equal('popup_blocked');
      expect(error.message).to.contain('inside a click handler');
      expect(storedEntries()).to.deep.equal({});
    });
  });

  describe('when the user closes the popup', () => {
    it('→ popup_closed', async () => {
      const client = popupClient();
      const pending = fromClick(() => client.signInPopup({ extraParams: { stay: '1' } }));
      await until(() => capture.popups.length === 1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      capture.popups[0]!.close();
      const error = await rejection(() => pending);
      expect(error.code).to.equal('popup_closed');
      expect(error.message).to.contain('Cross-Origin-Opener-Policy');
    });
  });

  describe('when messages arrive that are not the popup’s answer', () => {
    it('ignores another origin and another state, then accepts the real one', async () => {
      const client = popupClient();
      let settled = false;
      const pending = fromClick(() => client.signInPopup({ extraParams: { stay: '1' } })).finally(
        () => (settled = true),
      );
      await until(() => capture.popups.length === 1 && Object.keys(storedEntries()).length === 1);
      const popup = capture.popups[0]!;
      const state = Object.keys(storedEntries())[0].slice('freedomid.'.length);
      const post = (origin: string, href: string) => {
        window.dispatchEvent(
          new MessageEvent('message', {
            origin,
            source: popup,
            data: { type: POPUP_MESSAGE_TYPE, href },
          }),
        );
      };
      post('https://evil.example', callbackUrl({ code: 'evil', state }, REDIRECT));
      post(
        location.origin,
        callbackUrl({ code: 'foreign', state: 'someone-elses-state-value-000' }, REDIRECT),
      );
      window.dispatchEvent(
        new MessageEvent('message', {
          origin: location.origin,
          source: window,
          data: {
            type: POPUP_MESSAGE_TYPE,
            href: callbackUrl({ code: 'wrong-source', state }, REDIRECT),
          },
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(settled).to.equal(false);
      post(location.origin, callbackUrl({ code: 'real', state }, REDIRECT));
      expect((await pending).code).to.equal('real');
    });
  });

  describe('when the popup takes too long', () => {
    it('→ timeout, and the popup is closed', async () => {
      const client = popupClient({ popupTimeoutMs: 400 });
      const error = await rejection(() =>
        fromClick(() => client.signInPopup({ extraParams: { stay: '1' } })),
      );
      expect(error.code).to.equal('timeout');
      expect(error.message).to.contain('400 ms');
      await until(() => capture.popups[0]!.closed);
    });
  });
});

describe('FreedomIdClient.forwardPopupCallback', () => {
  afterEach(() => (window.name = ''));

  it('returns false on a page that is not a popup', () => {
    expect(
      popupClient().forwardPopupCallback(callbackUrl({ code: 'c', state: 's' }, REDIRECT)),
    ).to.equal(false);
  });

  it('returns false for a URL that is not a callback', () => {
    window.name = 'freedomid-signin';
    expect(popupClient().forwardPopupCallback(REDIRECT)).to.equal(false);
  });

  it('throws opener_lost in the SDK’s popup whose opener link was cut', async () => {
    window.name = 'freedomid-signin';
    const error = await rejection(() =>
      popupClient().forwardPopupCallback(callbackUrl({ code: 'c', state: 's' }, REDIRECT)),
    );
    expect(error.code).to.equal('opener_lost');
    expect(error.message).to.contain('same-origin-allow-popups');
  });
});
