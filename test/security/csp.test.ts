// The strict-CSP demo page (demo/csp/index.html), opened in a real top-level window with the policy
// set as a response header by test/security/middleware.mjs: the element renders, signs in and hands
// the callback to the backend with zero securitypolicyviolation events, and the policy provably bites.
// A top-level window, not an iframe: MSW's service worker hands an iframe's fetches to whichever
// visible test page runs MSW (with two pages in parallel, maybe another file's, whose handlers
// would answer or refuse the backend POST), while a top-level page that never started MSW reaches
// the network, here the middleware's stand-in backend.
import { expect } from '@open-wc/testing';
import { readFile } from '@web/test-runner-commands';
import { waitUntil } from '../helpers/wait.js';
import { openWindow } from '../helpers/security.js';

/** The policy of issue 5, exactly as written there. */
const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";
const AUTHORITY = 'https://passport.freedompay.kz';
const CLIENT_ID = 'c388f3cd-7722-4040-9bb2-94b0a05093aa';

// The element renders with lit-html, which creates the Trusted Types policy `lit-html`: it needs
// that policy allowed. `trusted-types 'none'` is for the SDK entry alone (csp-sdk.test.ts).
const VARIANTS: [name: string, path: string, policy: string][] = [
  ["the issue's policy (trusted-types lit-html)", '/demo/csp/index.html', STRICT_CSP],
];

/** The part of the element the test drives from outside the page. */
interface Element {
  navigate: ((url: URL) => void) | undefined;
  shadowRoot: ShadowRoot | null;
}

/** A loaded page, with the violations heard by a listener added from here. */
interface Loaded {
  doc: Document;
  heard: string[];
}

/** The window the test opened, as this page sees it. */
type Opened = Window & { inlineRan?: boolean };

/** Waits until `win` shows a new, loaded document of `path` with the element defined. */
async function loaded(win: Window, path: string, previous?: Document): Promise<Loaded> {
  await waitUntil(
    () =>
      win.document !== previous &&
      win.location.pathname === path &&
      win.document.readyState === 'complete' &&
      win.customElements.get('freedomid-login') !== undefined,
    `${path} did not load`,
  );
  const doc = win.document;
  const heard: string[] = [];
  doc.addEventListener('securitypolicyviolation', (event) => {
    heard.push(`${event.effectiveDirective} ${event.blockedURI}`);
  });
  return { doc, heard };
}

/**
 * Firefox and WebKit fetch /favicon.ico for every top-level page, and `default-src 'none'` blocks it:
 * the browser's own request, reported whatever the page does (a `<link rel="icon">` of `data:` or
 * `about:blank` only moves the report to another engine). Counted apart from the page's violations.
 */
const FAVICON_PROBE = new RegExp(`^img-src (blocked )?${location.origin}/favicon\\.ico`);

/** Drops the browser's favicon probe from a list of violations. */
function withoutFaviconProbe(violations: string[]): string[] {
  return violations.filter((violation) => !FAVICON_PROBE.test(violation));
}

/** Every violation the page itself listed (its script listens from the first line of <head>). */
function listedAll(doc: Document): string[] {
  return [...doc.querySelectorAll('#violations li')].map((item) => item.textContent);
}

/** The violations the page listed, but for the browser's favicon probe. */
function listed(doc: Document): string[] {
  return withoutFaviconProbe(listedAll(doc));
}

function elementOf(doc: Document): Element {
  const el = doc.querySelector('freedomid-login');
  if (el === null) throw new Error('no <freedomid-login> on the page');
  return el;
}

function buttonOf(doc: Document): HTMLButtonElement {
  const button = elementOf(doc).shadowRoot?.querySelector('button');
  if (!button) throw new Error('<freedomid-login> rendered no button');
  return button;
}

describe('The strict-CSP demo page', function () {
  // Each test opens a window and loads a page or two: slow on a busy 2-core machine.
  this.timeout(60000);
  let win: Opened | undefined;
  afterEach(() => {
    win?.close();
    win = undefined;
  });

  for (const [name, path, policy] of VARIANTS) {
    describe(`under ${name}`, () => {
      it('is served with exactly that header and the file’s bytes, only its placeholders filled (nothing injected)', async () => {
        const response = await fetch(path, { cache: 'no-store' });
        const file = (await readFile({ path: '../../demo/csp/index.html' })) ?? '';
        expect(response.headers.get('content-security-policy')).to.equal(policy);
        // The file as it is, but for its %FREEDOMID_…% placeholders, each filled with attribute text.
        const asFilled = new RegExp(
          `^${file
            .split(/%FREEDOMID_[A-Z_]+%/)
            .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            .join('[^"<>]+')}$`,
        );
        expect(await response.text()).to.match(asFilled);
      });

      it('renders, signs in and handles the callback with zero securitypolicyviolation events of its own', async () => {
        // The button page: it renders and starts the sign-in; the navigation is captured.
        win = await openWindow(path, 'freedomid-csp-demo');
        const first = await loaded(win, path);
        const button = buttonOf(first.doc);
        expect(button.disabled).to.equal(false);
        expect(button.textContent.trim()).to.equal('Sign in with Freedom ID');
        // Styled: the element's constructable stylesheet is not an inline style to the CSP.
        expect(win.getComputedStyle(button).backgroundColor).to.equal('rgb(26, 86, 219)');
        const navigations: URL[] = [];
        elementOf(first.doc).navigate = (url) => {
          navigations.push(url);
        };
        // The element applies a property change at its next update, not synchronously.
        await (elementOf(first.doc) as Element & { updateComplete: Promise<boolean> })
          .updateComplete;
        button.click();
        await waitUntil(() => navigations.length === 1, 'no navigation');
        const url = navigations[0];
        expect(url.origin + url.pathname).to.equal(`${AUTHORITY}/openid`);
        expect(url.searchParams.get('client_id')).to.equal(CLIENT_ID);
        expect(url.searchParams.get('redirect_uri')).to.equal(location.origin + path);
        expect(first.doc.getElementById('status')?.textContent).to.equal('Going to Freedom ID…');
        expect([listed(first.doc), withoutFaviconProbe(first.heard)]).to.deep.equal([[], []]);

        // Back from Freedom ID: the same page validates the callback and hands the code over. This
        // window has a same-origin opener (this test page), yet it is no sign-in popup: it must
        // handle its callback itself, not forward it.
        expect(win.opener).to.equal(window);
        const state = url.searchParams.get('state') ?? '';
        win.location.href = `${path}?code=demo-code&state=${state}&iss=${encodeURIComponent(AUTHORITY)}`;
        const back = await loaded(win, path, first.doc);
        await waitUntil(
          () => back.doc.getElementById('status')?.textContent === 'Signed in as Aigerim.',
          'no session',
        );
        expect(win.location.search).to.equal('');
        expect(back.doc.getElementById('error')?.hidden).to.equal(true);
        expect([listed(back.doc), withoutFaviconProbe(back.heard)]).to.deep.equal([[], []]);
        const probes = [...listedAll(first.doc), ...listedAll(back.doc)].length;
        console.log(
          `favicon probes blocked on the two page loads: ${probes} — ${navigator.userAgent}`,
        );
      });

      it('does enforce it: an inline script and an inline style are blocked and reported', async () => {
        win = await openWindow(path, 'freedomid-csp-demo');
        const { doc, heard } = await loaded(win, path);
        const script = doc.createElement('script');
        // A text node, not textContent: under Trusted Types, assigning script text throws first.
        script.append(doc.createTextNode('window.inlineRan = true;'));
        doc.head.append(script);
        const style = doc.createElement('style');
        style.append(doc.createTextNode('body { display: none; }'));
        doc.head.append(style);
        await waitUntil(() => listed(doc).length >= 2, 'no violations reported');

        expect(win.inlineRan).to.equal(undefined);
        expect(win.getComputedStyle(doc.body).display).to.equal('block');
        const [scriptBlocked, styleBlocked] = listed(doc);
        // Every engine here has Trusted Types, which stop the script before script-src is asked.
        expect(scriptBlocked).to.match(
          /^(script-src(-elem)?|require-trusted-types-for) blocked (inline|trusted-types-sink)/,
        );
        expect(styleBlocked).to.match(/^style-src(-elem)? blocked inline/);
        expect(withoutFaviconProbe(heard)).to.have.length(2);
      });

      it('enforces Trusted Types where the engine has them: script text assignment throws', async () => {
        win = await openWindow(path, 'freedomid-csp-demo');
        const { doc } = await loaded(win, path);
        const hasTrustedTypes = 'trustedTypes' in win;
        console.log(
          `Trusted Types in this engine: ${String(hasTrustedTypes)} — ${navigator.userAgent}`,
        );
        if (!hasTrustedTypes) return;
        let thrown: unknown;
        try {
          doc.createElement('script').textContent = 'window.inlineRan = true;';
        } catch (error) {
          thrown = error;
        }
        expect((thrown as Error | undefined)?.name).to.equal('TypeError');
      });
    });
  }
});
