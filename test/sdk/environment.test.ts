import { expect } from '@open-wc/testing';
import { IN_APP_BROWSERS, detectEnvironment, openInBrowserLink } from '../../src/index.js';
import { USER_AGENTS, pretendUserAgent, userAgentNamed } from '../fixtures/user-agents.js';
import { capturePopups } from '../mocks/popups.js';
import { waitUntil } from '../helpers/wait.js';
import { clearEntries, makeClient, thrown } from '../helpers/sdk.js';

describe('detectEnvironment', () => {
  for (const { name, userAgent, seen, environment } of USER_AGENTS) {
    it(`${name} (seen in ${seen}) is ${JSON.stringify(environment)}`, () => {
      expect(detectEnvironment(userAgent)).to.deep.equal(environment);
    });
  }

  it('names every app of the table from at least one real user agent', () => {
    const named = new Set(USER_AGENTS.map(({ environment }) => environment.app));
    expect(IN_APP_BROWSERS.map(([app]) => app).filter((app) => !named.has(app))).to.deep.equal([]);
  });

  it('reads navigator.userAgent by default: this test browser is a browser', () => {
    expect(detectEnvironment().kind).to.equal('browser');
  });
});

describe('openInBrowserLink', () => {
  it('turns an https page into an intent link that opens it in the default browser', () => {
    expect(openInBrowserLink('https://shop.example/login?from=ig#top')).to.equal(
      'intent://shop.example/login?from=ig#Intent;scheme=https;end',
    );
  });

  it('keeps the port and the http scheme of a local page', () => {
    expect(openInBrowserLink('http://127.0.0.1:5173/pages/popup.html')).to.equal(
      'intent://127.0.0.1:5173/pages/popup.html#Intent;scheme=http;end',
    );
  });

  it('opens this page when given no href', () => {
    const { host, pathname, search, protocol } = location;
    expect(openInBrowserLink()).to.equal(
      `intent://${host}${pathname}${search}#Intent;scheme=${protocol.slice(0, -1)};end`,
    );
  });

  for (const href of ['/login', 'javascript:alert(1)', 'intent://x#Intent;end']) {
    it(`refuses "${href}" with invalid_argument`, () => {
      expect(thrown(() => openInBrowserLink(href)).code).to.equal('invalid_argument');
    });
  }
});

describe('FreedomIdClient.signInPopup', () => {
  describe('when the page runs in an in-app browser', () => {
    let restore: () => void;
    let capture: ReturnType<typeof capturePopups>;
    beforeEach(() => {
      restore = pretendUserAgent(userAgentNamed('Instagram on Android').userAgent);
      capture = capturePopups();
    });
    afterEach(() => {
      capture.restore();
      restore();
      clearEntries();
    });

    it('redirects this page with navigate instead of opening a popup, and never settles', async () => {
      const { client, navigations } = makeClient();
      let settled = false;
      void client.signInPopup().finally(() => (settled = true));
      await waitUntil(() => navigations.length > 0, 'the sign-in never navigated');
      expect(capture.popups).to.deep.equal([]);
      expect(navigations.length).to.equal(1);
      expect(navigations[0]?.searchParams.get('client_id')).to.equal(client.config.clientId);
      expect(navigations[0]?.searchParams.get('redirect_uri')).to.equal(client.config.redirectUri);
      expect(settled).to.equal(false);
    });

    it("resolves 'cancelled', navigating nowhere, when beforeNavigate returns false", async () => {
      const { client, navigations } = makeClient();
      expect(await client.signInPopup({ beforeNavigate: () => false })).to.equal('cancelled');
      expect(navigations).to.deep.equal([]);
      expect(capture.popups).to.deep.equal([]);
    });
  });
});
