// In an app's in-app browser the element shows a short hint with a way out, reports the environment
// once, and signs in by redirect even in popup mode; in a normal browser it shows nothing new.
import { expect } from '@open-wc/testing';
import {
  COPY,
  ELSEWHERE,
  NOTICE,
  OPEN,
  pretendUserAgent,
  userAgentNamed,
} from '../fixtures/user-agents.js';
import { capturePopups } from '../mocks/popups.js';
import { clearEntries, mount, record, signIn, unmountAll } from '../helpers/element.js';

const ANDROID = userAgentNamed('Instagram on Android');
const IOS = userAgentNamed('Telegram on iPhone (SFSafariViewController: no token, a browser)');
const IPHONE_APP = userAgentNamed('TikTok on iPhone');
const WEBVIEW = userAgentNamed('LinkedIn on Android (an unnamed WebView: "; wv)")');
const IOS_WEBVIEW = userAgentNamed('Twitter on iPhone (an unnamed WKWebView: no "Safari/")');
const DESKTOP_APP = userAgentNamed('WeChat on Windows (an app on neither Android nor iOS)');
const BASE = { 'client-id': 'c388f3cd-7722-4040-9bb2-94b0a05093aa' };

/** The link that opens this test page in the default browser. */
const INTENT = `intent://${location.host}${location.pathname}${location.search}#Intent;scheme=${location.protocol.slice(0, -1)};end`;

function hintOf(el: Element): HTMLElement | null {
  return el.shadowRoot?.querySelector<HTMLElement>('[part="hint"]') ?? null;
}

describe('<freedomid-login>', () => {
  let restore: () => void = () => undefined;
  afterEach(() => {
    restore();
    unmountAll();
    clearEntries();
  });

  describe('when the page runs in Instagram on Android', () => {
    beforeEach(() => (restore = pretendUserAgent(ANDROID.userAgent)));

    for (const locale of ['ru', 'kk', 'en'] as const) {
      it(`shows the ${locale} hint with an intent link to this page`, async () => {
        const { el } = await mount({ ...BASE, locale });
        const hint = hintOf(el);
        expect(hint?.getAttribute('lang')).to.equal(locale);
        expect(hint?.getAttribute('role')).to.equal('note');
        expect(hint?.textContent).to.equal(`${NOTICE[locale]} ${OPEN[locale]}`);
        const link = hint?.querySelector('a[part="hint-link"]');
        expect(link?.getAttribute('href')).to.equal(INTENT);
        expect(link?.textContent).to.equal(OPEN[locale]);
      });
    }

    it('dispatches freedomid-in-app-browser once with the exact environment', async () => {
      const recorded = record('freedomid-in-app-browser');
      try {
        const { el } = await mount(BASE);
        el.locale = 'en';
        await el.updateComplete;
        expect(recorded.events.map((event) => event.detail)).to.deep.equal([
          { kind: 'in-app', app: 'instagram', platform: 'android' },
        ]);
      } finally {
        recorded.stop();
      }
    });

    it('shows no hint with hide-in-app-hint, and still dispatches the event', async () => {
      const recorded = record('freedomid-in-app-browser');
      try {
        const { el } = await mount({ ...BASE, locale: 'ru', 'hide-in-app-hint': true });
        expect(hintOf(el)).to.equal(null);
        expect(recorded.events.length).to.equal(1);
        el.hideInAppHint = false;
        await el.updateComplete;
        expect(hintOf(el)?.textContent).to.equal(`${NOTICE.ru} ${OPEN.ru}`);
      } finally {
        recorded.stop();
      }
    });

    it('signs in by redirect in popup mode: no window opens, the page navigates', async () => {
      const capture = capturePopups();
      const redirects = record('freedomid-redirect');
      try {
        const mounted = await mount({
          ...BASE,
          'ux-mode': 'popup',
          'redirect-uri': `${location.origin}/login`,
        });
        const url = await signIn(mounted);
        expect(capture.popups).to.deep.equal([]);
        expect(url.searchParams.get('redirect_uri')).to.equal(`${location.origin}/login`);
        expect(redirects.events.map((event) => event.detail)).to.deep.equal([{ url: url.href }]);
        expect(mounted.button.getAttribute('aria-busy')).to.equal('true');
      } finally {
        capture.restore();
        redirects.stop();
      }
    });
  });

  describe('when the page runs in TikTok on iPhone', () => {
    beforeEach(() => (restore = pretendUserAgent(IPHONE_APP.userAgent)));

    for (const locale of ['ru', 'kk', 'en'] as const) {
      it(`shows the ${locale} copy-the-link guidance, with no link`, async () => {
        const { el } = await mount({ ...BASE, locale });
        expect(hintOf(el)?.textContent).to.equal(`${NOTICE[locale]} ${COPY[locale]}`);
        expect(hintOf(el)?.querySelector('a')).to.equal(null);
      });
    }
  });

  describe('when the page runs in an unnamed app’s WebView on Android (LinkedIn’s)', () => {
    beforeEach(() => (restore = pretendUserAgent(WEBVIEW.userAgent)));

    it('shows the hint with an intent link to this page', async () => {
      const { el } = await mount({ ...BASE, locale: 'kk' });
      expect(hintOf(el)?.textContent).to.equal(`${NOTICE.kk} ${OPEN.kk}`);
      expect(hintOf(el)?.querySelector('a[part="hint-link"]')?.getAttribute('href')).to.equal(
        INTENT,
      );
    });

    it('dispatches freedomid-in-app-browser once with kind webview and no app', async () => {
      const recorded = record('freedomid-in-app-browser');
      try {
        await mount(BASE);
        expect(recorded.events.map((event) => event.detail)).to.deep.equal([
          { kind: 'webview', app: null, platform: 'android' },
        ]);
      } finally {
        recorded.stop();
      }
    });

    it('signs in by redirect in popup mode: no window opens, the page navigates', async () => {
      const capture = capturePopups();
      try {
        const mounted = await mount({ ...BASE, 'ux-mode': 'popup' });
        const url = await signIn(mounted);
        expect(capture.popups).to.deep.equal([]);
        expect(url.searchParams.get('client_id')).to.equal(BASE['client-id']);
      } finally {
        capture.restore();
      }
    });
  });

  describe('when the page runs in an unnamed app’s WKWebView on iPhone (Twitter’s)', () => {
    beforeEach(() => (restore = pretendUserAgent(IOS_WEBVIEW.userAgent)));

    it('shows the copy-the-link guidance and reports the webview', async () => {
      const recorded = record('freedomid-in-app-browser');
      try {
        const { el } = await mount({ ...BASE, locale: 'ru' });
        expect(hintOf(el)?.textContent).to.equal(`${NOTICE.ru} ${COPY.ru}`);
        expect(hintOf(el)?.querySelector('a')).to.equal(null);
        expect(recorded.events.map((event) => event.detail)).to.deep.equal([
          { kind: 'webview', app: null, platform: 'ios' },
        ]);
      } finally {
        recorded.stop();
      }
    });
  });

  describe('when the page runs in an app on neither Android nor iOS (WeChat on Windows)', () => {
    beforeEach(() => (restore = pretendUserAgent(DESKTOP_APP.userAgent)));

    for (const locale of ['ru', 'kk', 'en'] as const) {
      it(`shows the ${locale} advice to open the page in a browser, with no link`, async () => {
        const { el } = await mount({ ...BASE, locale });
        expect(hintOf(el)?.textContent).to.equal(`${NOTICE[locale]} ${ELSEWHERE[locale]}`);
        expect(hintOf(el)?.querySelector('a')).to.equal(null);
      });
    }
  });

  describe('when the page runs in a browser of its own', () => {
    beforeEach(() => (restore = pretendUserAgent(IOS.userAgent)));

    it('shows no hint and dispatches no freedomid-in-app-browser', async () => {
      const recorded = record('freedomid-in-app-browser');
      try {
        const { el } = await mount(BASE);
        expect(hintOf(el)).to.equal(null);
        expect(recorded.events).to.deep.equal([]);
      } finally {
        recorded.stop();
      }
    });
  });
});
