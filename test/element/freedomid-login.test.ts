import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { FreedomIdLogin, STRINGS } from '../../src/element.js';
import { LABELS, LOCALES, TEXTS } from '../../src/element/strings.js';
import { openWindow } from '../helpers/security.js';
import {
  AUTHORITY,
  CLIENT_ID,
  buttonNames,
  buttonOf,
  clearEntries,
  mount,
  params,
  record,
  signIn,
  storedEntries,
  unmountAll,
} from '../helpers/element.js';

const PAGE = location.origin + location.pathname;

describe('<freedomid-login>', () => {
  afterEach(() => {
    unmountAll();
    clearEntries();
    clearEntries(localStorage);
  });

  describe('when it is clicked', () => {
    it('navigates to the exact authorization URL of its default configuration', async () => {
      const mounted = await mount({ 'client-id': CLIENT_ID });
      const url = await signIn(mounted);
      expect(url.origin + url.pathname).to.equal(`${AUTHORITY}/openid`);
      expect(params(url)).to.deep.equal([
        ['scope', 'openid'],
        ['state', '*'],
        ['response_type', 'code'],
        ['client_id', CLIENT_ID],
        ['redirect_uri', PAGE],
        ['nonce', '*'],
      ]);
    });

    const cases: [string, Record<string, string | true>, [string, string][], string][] = [
      [
        'redirect-uri',
        { 'redirect-uri': 'https://shop.example/login' },
        [['redirect_uri', 'https://shop.example/login']],
        `${AUTHORITY}/openid`,
      ],
      [
        'scope',
        { scope: 'read.profile' },
        [['scope', 'openid read.profile']],
        `${AUTHORITY}/openid`,
      ],
      ['authority', { authority: 'https://id.example.kz/' }, [], 'https://id.example.kz/openid'],
      [
        'authorization-endpoint',
        { 'authorization-endpoint': 'https://id.example.kz/oauth2/authorize' },
        [],
        'https://id.example.kz/oauth2/authorize',
      ],
      [
        'pkce',
        { pkce: true },
        [
          ['code_challenge', '*'],
          ['code_challenge_method', 'S256'],
        ],
        `${AUTHORITY}/openid`,
      ],
    ];
    for (const [attribute, attributes, changed, endpoint] of cases) {
      it(`applies ${attribute} to the authorization URL`, async () => {
        const mounted = await mount({ 'client-id': CLIENT_ID, ...attributes });
        const url = await signIn(mounted);
        const expected = new Map<string, string>([
          ['scope', 'openid'],
          ['state', '*'],
          ['response_type', 'code'],
          ['client_id', CLIENT_ID],
          ['redirect_uri', PAGE],
          ['nonce', '*'],
        ]);
        for (const [name, value] of changed) expected.set(name, value);
        expect(url.origin + url.pathname).to.equal(endpoint);
        expect(params(url)).to.deep.equal([...expected]);
      });
    }

    it('keeps the request in localStorage with storage="local"', async () => {
      const mounted = await mount({ 'client-id': CLIENT_ID, storage: 'local' });
      const url = await signIn(mounted);
      const key = `freedomid.${url.searchParams.get('state') ?? ''}`;
      expect(Object.keys(storedEntries(localStorage))).to.deep.equal([key]);
      expect(Object.keys(storedEntries())).to.deep.equal([]);
    });

    it('dispatches a cancelable, bubbling, composed freedomid-redirect with the URL as a string', async () => {
      const redirects = record('freedomid-redirect');
      const mounted = await mount({ 'client-id': CLIENT_ID });
      const url = await signIn(mounted);
      redirects.stop();
      expect(redirects.events.length).to.equal(1);
      const [event] = redirects.events;
      expect([event.bubbles, event.composed, event.cancelable]).to.deep.equal([true, true, true]);
      expect(event.detail).to.deep.equal({ url: url.href });
    });

    it('does not navigate when freedomid-redirect is cancelled, and is ready again', async () => {
      const mounted = await mount({ 'client-id': CLIENT_ID }, (el) => {
        el.addEventListener('freedomid-redirect', (event) => {
          event.preventDefault();
        });
      });
      const redirects = record('freedomid-redirect');
      mounted.button.click();
      await waitUntil(() => redirects.events.length === 1);
      await mounted.el.updateComplete;
      redirects.stop();
      expect(mounted.navigations).to.deep.equal([]);
      expect([mounted.button.disabled, mounted.button.getAttribute('aria-busy')]).to.deep.equal([
        false,
        null,
      ]);
      // The page may go to detail.url itself (or a test may play the provider): the request stays.
      const state = new URL(redirects.events[0].detail.url).searchParams.get('state') ?? '';
      expect(Object.keys(storedEntries())).to.deep.equal([`freedomid.${state}`]);
    });

    it('navigates once when clicked twice', async () => {
      const mounted = await mount({ 'client-id': CLIENT_ID });
      mounted.button.click();
      mounted.button.click();
      await waitUntil(() => mounted.navigations.length > 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(mounted.navigations.length).to.equal(1);
      expect(Object.keys(storedEntries()).length).to.equal(1);
    });

    it('is busy and disabled with a spinner while navigating', async () => {
      const mounted = await mount({ 'client-id': CLIENT_ID });
      await signIn(mounted);
      await mounted.el.updateComplete;
      const { button } = mounted;
      expect([button.disabled, button.getAttribute('aria-busy')]).to.deep.equal([true, 'true']);
      expect(button.querySelector('[part="logo"] .spinner')).to.not.equal(null);
      await expect(mounted.el).to.be.accessible();
    });

    it('calls for the navigation before it re-renders busy, then shows busy', async () => {
      const busyAtNavigation: (string | null)[] = [];
      // Without pkce the sign-in waits on no task (no digest), so the order is the element's alone.
      const mounted = await mount({ 'client-id': CLIENT_ID }, (el) => {
        el.addEventListener('freedomid-redirect', () => {
          busyAtNavigation.push(buttonOf(el).getAttribute('aria-busy'));
        });
      });
      await signIn(mounted);
      await mounted.el.updateComplete;
      expect([busyAtNavigation, mounted.button.getAttribute('aria-busy')]).to.deep.equal([
        [null],
        'true',
      ]);
    });

    it('is ready again when the page comes back from the back/forward cache', async () => {
      const mounted = await mount({ 'client-id': CLIENT_ID });
      await signIn(mounted);
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      await mounted.el.updateComplete;
      expect([mounted.button.disabled, mounted.button.getAttribute('aria-busy')]).to.deep.equal([
        false,
        null,
      ]);
      await signIn(mounted);
      expect(mounted.navigations.length).to.equal(2);
    });

    it('does nothing when disabled', async () => {
      const mounted = await mount({ 'client-id': CLIENT_ID, disabled: true });
      mounted.button.click();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect([mounted.button.disabled, mounted.navigations.length]).to.deep.equal([true, 0]);
    });
  });

  describe('when it is scripted through properties', () => {
    it('reflects each property to its attribute, with its type', async () => {
      const { el } = await mount({ 'client-id': CLIENT_ID });
      el.theme = 'dark';
      el.logoAlignment = 'center';
      el.uxMode = 'popup';
      el.paramsUrl = '/api/freedomid/params';
      el.width = 320;
      el.pkce = true;
      el.disabled = true;
      el.disabled = false;
      el.scope = undefined;
      // Lit reflects properties to attributes in its update, not at once.
      await el.updateComplete;
      const attributes = [...el.attributes].map(({ name, value }) => [name, value]);
      expect(attributes).to.deep.equal([
        ['client-id', CLIENT_ID],
        ['theme', 'dark'],
        ['logo-alignment', 'center'],
        ['ux-mode', 'popup'],
        ['params-url', '/api/freedomid/params'],
        ['width', '320'],
        ['pkce', ''],
      ]);
      expect([el.clientId, el.width, el.pkce, el.disabled, el.scope, el.size]).to.deep.equal([
        CLIENT_ID,
        320,
        true,
        false,
        undefined,
        undefined,
      ]);
      expect(getComputedStyle(buttonOf(el)).backgroundColor).to.equal('rgb(19, 19, 20)');
    });

    it('keeps properties set before the element was defined', async () => {
      const tag = 'freedomid-login-upgraded';
      const early = document.createElement(tag) as HTMLElement & Record<string, unknown>;
      const navigations: URL[] = [];
      early.clientId = CLIENT_ID;
      early.locale = 'en';
      early.navigate = (url: URL) => {
        navigations.push(url);
      };
      early.dataset['testHost'] = '';
      document.body.append(early);
      customElements.define(tag, class extends FreedomIdLogin {});
      const el = early as unknown as FreedomIdLogin;
      await el.updateComplete;
      expect([el.getAttribute('client-id'), el.getAttribute('locale')]).to.deep.equal([
        CLIENT_ID,
        'en',
      ]);
      const url = await signIn({ el, button: buttonOf(el), navigations });
      expect(url.searchParams.get('client_id')).to.equal(CLIENT_ID);
    });
  });

  describe('when the page changes it right before a click', () => {
    it('acts on the new navigate property and attributes in the same task', async () => {
      const { el, button, navigations } = await mount({ 'client-id': CLIENT_ID });
      const late: URL[] = [];
      el.navigate = (url: URL) => {
        late.push(url);
      };
      el.setAttribute('scope', 'openid read.email');
      button.click();
      await waitUntil(() => late.length === 1, 'the new navigate was not used');
      expect(navigations).to.deep.equal([]);
      expect(late[0].searchParams.get('scope')).to.equal('openid read.email');
    });
  });

  describe('when a locale applies', () => {
    const texts = ['signin', 'signup', 'continue'] as const;
    for (const locale of ['ru', 'kk', 'en'] as const) {
      for (const text of texts) {
        it(`names the button "${STRINGS[locale][text]}" for locale=${locale} text=${text}`, async () => {
          await mount({ 'client-id': CLIENT_ID, locale, text });
          expect(buttonNames()).to.deep.equal([STRINGS[locale][text]]);
        });
      }
    }

    const inherited: [string, string, string][] = [
      ['kk', 'kk-KZ', 'Freedom ID арқылы кіру'],
      ['ru', 'ru', 'Войти через Freedom ID'],
      ['en', 'en-GB', 'Sign in with Freedom ID'],
    ];
    for (const [locale, lang, name] of inherited) {
      it(`speaks ${locale} under an ancestor with lang="${lang}"`, async () => {
        const host = document.createElement('div');
        host.dataset['testHost'] = '';
        host.lang = lang;
        document.body.append(host);
        const { button } = await mount({ 'client-id': CLIENT_ID }, undefined, host);
        expect([buttonNames(), button.lang]).to.deep.equal([[name], locale]);
      });
    }

    it('prefers the locale attribute to an ancestor lang', async () => {
      const host = document.createElement('div');
      host.dataset['testHost'] = '';
      host.lang = 'kk';
      document.body.append(host);
      await mount({ 'client-id': CLIENT_ID, locale: 'en' }, undefined, host);
      expect(buttonNames()).to.deep.equal(['Sign in with Freedom ID']);
    });

    it('keeps the full name when type="icon"', async () => {
      const { button } = await mount({ 'client-id': CLIENT_ID, type: 'icon', locale: 'ru' });
      expect(buttonNames()).to.deep.equal(['Войти через Freedom ID']);
      expect(button.getBoundingClientRect().width).to.equal(40);
    });

    it('shows the merchant’s strings, as text', async () => {
      await mount({ 'client-id': CLIENT_ID, locale: 'en', text: 'signup' }, (el) => {
        el.strings = { signup: '<b>Join</b> with Freedom ID' };
      });
      expect(buttonNames()).to.deep.equal(['<b>Join</b> with Freedom ID']);
    });
  });

  describe('when its width leaves too little room for the full label', () => {
    /** The label part's text, and whether it shows whole (nothing cut off). */
    function shownLabel(el: FreedomIdLogin): [string, boolean] {
      const label = el.shadowRoot?.querySelector('[part="label"]');
      if (!label) throw new Error('<freedomid-login> rendered no label');
      return [label.textContent, label.scrollWidth <= label.clientWidth];
    }

    for (const locale of LOCALES) {
      for (const text of TEXTS) {
        it(`shows a whole ${locale} label for text=${text} at width="200" in every size, named in full`, async () => {
          const shown: [string, boolean][] = [];
          for (const size of ['small', 'medium', 'large']) {
            const { el } = await mount({
              'client-id': CLIENT_ID,
              locale,
              text,
              size,
              width: '200',
            });
            shown.push(shownLabel(el));
          }
          for (const [label, whole] of shown) {
            expect(whole, `"${label}" is cut off`).to.equal(true);
            expect(LABELS[locale][text]).to.include(label);
          }
          expect(buttonNames()).to.deep.equal([0, 1, 2].map(() => STRINGS[locale][text]));
        });
      }
    }

    it('shows the full label again once it is wide enough', async () => {
      const { el } = await mount({
        'client-id': CLIENT_ID,
        locale: 'ru',
        text: 'signup',
        width: '200',
      });
      const narrow = shownLabel(el);
      el.width = 400;
      await el.updateComplete;
      expect([narrow[0] === STRINGS.ru.signup, shownLabel(el)]).to.deep.equal([
        false,
        [STRINGS.ru.signup, true],
      ]);
    });

    it('fits the label again when a web font loads (the text’s width changes, not the host’s)', async () => {
      const { el } = await mount({ 'client-id': CLIENT_ID, locale: 'en', width: '260' });
      const before = shownLabel(el);
      /** What a font that finished loading does: the text takes another width, then FontFaceSet says so. */
      const fontLoaded = async (size: string) => {
        el.style.setProperty('--freedomid-login-font-size', size);
        document.fonts.dispatchEvent(new Event('loadingdone'));
        await el.updateComplete;
        return shownLabel(el);
      };
      const wider = await fontLoaded('30px');
      const back = await fontLoaded('');
      expect([before, wider[1], wider[0] === before[0], back]).to.deep.equal([
        ['Sign in with Freedom ID', true],
        true,
        false,
        ['Sign in with Freedom ID', true],
      ]);
    });

    it('measures the label after a change to its text, not after one that leaves it as it is', async () => {
      const { el } = await mount({ 'client-id': CLIENT_ID, locale: 'en' });
      const scrollWidth = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollWidth');
      // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with Reflect.apply on each element.
      const read = scrollWidth?.get;
      if (scrollWidth === undefined || read === undefined) throw new Error('no scrollWidth getter');
      const reads: string[] = [];
      Object.defineProperty(Element.prototype, 'scrollWidth', {
        configurable: true,
        get(this: Element) {
          if (this.getAttribute('part') === 'label') reads.push(this.textContent);
          return Reflect.apply(read, this, []) as number;
        },
      });
      try {
        el.disabled = true;
        await el.updateComplete;
        el.disabled = false;
        await el.updateComplete;
        const unchanged = reads.splice(0);
        el.locale = 'kk';
        await el.updateComplete;
        expect([unchanged, reads]).to.deep.equal([[], [STRINGS.kk.signin]]);
      } finally {
        Object.defineProperty(Element.prototype, 'scrollWidth', scrollWidth);
      }
    });

    it('follows a container that narrows and widens again', async () => {
      // In a window of its own: this page may be a background tab, which the browser does not
      // lay out, and the element hears of a resize from a ResizeObserver.
      const win = await openWindow('/test/element/fixtures/window.html', 'freedomid-label-fit');
      try {
        await waitUntil(
          () => win.customElements.get('freedomid-login') !== undefined,
          'no element',
        );
        const host = win.document.createElement('div');
        host.style.width = '600px';
        win.document.body.append(host);
        const el = win.document.createElement('freedomid-login');
        for (const [name, value] of [
          ['client-id', CLIENT_ID],
          ['locale', 'en'],
          ['width', '400'],
        ]) {
          el.setAttribute(name, value);
        }
        host.append(el);
        await el.updateComplete;
        const full = shownLabel(el);
        host.style.width = '200px';
        await waitUntil(() => shownLabel(el)[0] !== full[0], 'the label was not shortened');
        const narrow = shownLabel(el);
        host.style.width = '600px';
        await waitUntil(() => shownLabel(el)[0] === full[0], 'the full label did not return');
        expect([full, narrow, shownLabel(el)]).to.deep.equal([
          ['Sign in with Freedom ID', true],
          ['Sign in', true],
          ['Sign in with Freedom ID', true],
        ]);
      } finally {
        win.close();
      }
    });
  });

  describe('when it is styled', () => {
    const heights: [string, number][] = [
      ['small', 32],
      ['medium', 40],
      ['large', 48],
    ];
    for (const [size, height] of heights) {
      it(`is ${height}px high with size="${size}", the host included`, async () => {
        const { el, button } = await mount({ 'client-id': CLIENT_ID, size });
        expect([
          el.getBoundingClientRect().height,
          button.getBoundingClientRect().height,
        ]).to.deep.equal([height, height]);
      });
    }

    const widths: [string, number][] = [
      ['260', 260],
      ['100', 200],
      ['900', 400],
    ];
    for (const [width, px] of widths) {
      it(`is ${px}px wide with width="${width}"`, async () => {
        const { el } = await mount({ 'client-id': CLIENT_ID, width });
        expect(el.getBoundingClientRect().width).to.equal(px);
      });
    }

    const radii: [string, string][] = [
      ['rectangular', '4px'],
      ['square', '4px'],
      ['pill', '9999px'],
      ['circle', '9999px'],
    ];
    for (const [shape, radius] of radii) {
      it(`has a ${radius} radius with shape="${shape}"`, async () => {
        const { button } = await mount({ 'client-id': CLIENT_ID, shape });
        expect(getComputedStyle(button).borderTopLeftRadius).to.equal(radius);
      });
    }

    const themes: [string, string, string][] = [
      ['filled', 'rgb(26, 86, 219)', 'rgb(255, 255, 255)'],
      ['outline', 'rgb(255, 255, 255)', 'rgb(31, 31, 31)'],
      ['dark', 'rgb(19, 19, 20)', 'rgb(227, 227, 227)'],
    ];
    for (const [theme, background, color] of themes) {
      it(`uses the ${theme} colours and passes axe in every state`, async () => {
        const idle = await mount({ 'client-id': CLIENT_ID, theme });
        const style = getComputedStyle(idle.button);
        expect([style.backgroundColor, style.color]).to.deep.equal([background, color]);
        await expect(idle.el).to.be.accessible();
        const icon = await mount({ 'client-id': CLIENT_ID, theme, type: 'icon', shape: 'circle' });
        await expect(icon.el).to.be.accessible();
        const disabled = await mount({ 'client-id': CLIENT_ID, theme, disabled: true });
        await expect(disabled.el).to.be.accessible();
        await signIn(idle);
        await idle.el.updateComplete;
        await expect(idle.el).to.be.accessible();
      });
    }

    it('reads the public custom properties', async () => {
      const host = document.createElement('div');
      host.dataset['testHost'] = '';
      host.style.cssText =
        '--freedomid-login-background: rgb(0, 0, 0); --freedomid-login-color: rgb(255, 255, 0); --freedomid-login-radius: 7px; --freedomid-login-height: 44px';
      document.body.append(host);
      const { button } = await mount({ 'client-id': CLIENT_ID }, undefined, host);
      const style = getComputedStyle(button);
      expect([
        style.backgroundColor,
        style.color,
        style.borderTopLeftRadius,
        style.height,
      ]).to.deep.equal(['rgb(0, 0, 0)', 'rgb(255, 255, 0)', '7px', '44px']);
    });

    it('puts the logo slot’s content in place of the mark', async () => {
      const { el } = await mount({ 'client-id': CLIENT_ID }, (element) => {
        const img = document.createElement('img');
        img.slot = 'logo';
        img.alt = '';
        element.append(img);
      });
      const slot = el.shadowRoot?.querySelector<HTMLSlotElement>('slot[name="logo"]');
      expect(slot?.assignedElements().map((node) => node.tagName)).to.deep.equal(['IMG']);
    });

    it('exposes the button, logo and label parts and delegates focus', async () => {
      const { el, button } = await mount({ 'client-id': CLIENT_ID, locale: 'en' });
      const parts = [...(el.shadowRoot?.querySelectorAll('[part]') ?? [])].map((node) =>
        node.getAttribute('part'),
      );
      expect(parts).to.deep.equal(['button', 'logo', 'label']);
      el.focus();
      expect(el.shadowRoot?.activeElement).to.equal(button);
    });
  });
});
