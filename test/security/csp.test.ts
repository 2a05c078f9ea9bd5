// The strict-CSP demo page (demo/csp/index.html), loaded in a same-origin iframe with the policy
// set as a real response header by test/security/middleware.mjs: the element renders, signs in
// and handles the callback with zero securitypolicyviolation events, and the policy provably bites.
import { expect, waitUntil } from '@open-wc/testing';
import { readFile } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { startWorker, worker } from '../mocks/browser.js';

/** The policy of issue 5, exactly as written there. */
const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";
const AUTHORITY = 'https://passport.freedompay.kz';
const CLIENT_ID = 'c388f3cd-7722-4040-9bb2-94b0a05093aa';
const BACKEND = '/api/freedomid/callback';

const VARIANTS: [name: string, path: string, policy: string][] = [
  ["the issue's policy (trusted-types lit-html)", '/demo/csp/index.html', STRICT_CSP],
  [
    "trusted-types 'none' (no policy may be created)",
    '/test/security/csp/tt-none/index.html',
    STRICT_CSP.replace('trusted-types lit-html', "trusted-types 'none'"),
  ],
];

/** The part of the element the test drives from outside the page. */
interface Element {
  navigate: ((url: URL) => void) | undefined;
  shadowRoot: ShadowRoot | null;
}

/** A loaded page in the iframe, with the violations heard by a listener added from here. */
interface Loaded {
  win: Window & { inlineRan?: boolean };
  doc: Document;
  heard: string[];
}

/** Navigates the iframe to `src` and resolves once the page (with its deferred scripts) has loaded. */
async function load(iframe: HTMLIFrameElement, src: string): Promise<Loaded> {
  await new Promise<void>((resolve) => {
    iframe.addEventListener(
      'load',
      () => {
        resolve();
      },
      { once: true },
    );
    iframe.src = src;
  });
  const win = iframe.contentWindow;
  const doc = iframe.contentDocument;
  if (win === null || doc === null) throw new Error(`${src} did not load in the iframe`);
  const heard: string[] = [];
  doc.addEventListener('securitypolicyviolation', (event) => {
    heard.push(`${event.effectiveDirective} ${event.blockedURI}`);
  });
  await waitUntil(() => win.customElements.get('freedomid-login'), 'the element was never defined');
  return { win, doc, heard };
}

/** The violations the page itself listed (its script listens from the first line of <head>). */
function listed(doc: Document): string[] {
  return [...doc.querySelectorAll('#violations li')].map((item) => item.textContent);
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

describe('The strict-CSP demo page', () => {
  let iframe: HTMLIFrameElement;
  before(() => startWorker());
  beforeEach(() => {
    iframe = document.createElement('iframe');
    document.body.append(iframe);
  });
  afterEach(() => {
    iframe.remove();
    worker.resetHandlers();
    for (let index = sessionStorage.length - 1; index >= 0; index--) {
      const key = sessionStorage.key(index);
      if (key?.startsWith('freedomid.')) sessionStorage.removeItem(key);
    }
  });

  for (const [name, path, policy] of VARIANTS) {
    describe(`under ${name}`, () => {
      it('is served with exactly that header and exactly the file’s bytes (nothing injected)', async () => {
        const response = await fetch(path, { cache: 'no-store' });
        const file = await readFile({ path: '../../demo/csp/index.html' });
        expect(response.headers.get('content-security-policy')).to.equal(policy);
        expect(await response.text()).to.equal(file);
      });

      it('renders, signs in and handles the callback with zero securitypolicyviolation events', async function () {
        this.timeout(30000);
        const posts: { code: unknown; state: unknown }[] = [];
        worker.use(
          http.post(BACKEND, async ({ request }) => {
            posts.push((await request.json()) as { code: unknown; state: unknown });
            return HttpResponse.json({ profile: { sub: 'u-1', name: 'Aigerim' } });
          }),
        );

        // The button page: it renders and starts the sign-in; the navigation is captured.
        const first = await load(iframe, path);
        const button = buttonOf(first.doc);
        expect(button.disabled).to.equal(false);
        expect(button.textContent.trim()).to.equal('Sign in with Freedom ID');
        // Styled: the element's constructable stylesheet is not an inline style to the CSP.
        expect(first.win.getComputedStyle(button).backgroundColor).to.equal('rgb(26, 86, 219)');
        const navigations: URL[] = [];
        elementOf(first.doc).navigate = (url) => {
          navigations.push(url);
        };
        // The element applies a property change at its next update, not synchronously.
        await new Promise((resolve) => setTimeout(resolve, 0));
        button.click();
        await waitUntil(() => navigations.length === 1, 'no navigation');
        const url = navigations[0];
        expect(url.origin + url.pathname).to.equal(`${AUTHORITY}/openid`);
        expect(url.searchParams.get('client_id')).to.equal(CLIENT_ID);
        expect(url.searchParams.get('redirect_uri')).to.equal(location.origin + path);
        expect(first.doc.getElementById('status')?.textContent).to.equal('Going to Freedom ID…');
        expect([listed(first.doc), first.heard]).to.deep.equal([[], []]);

        // Back from Freedom ID: the same page validates the callback and hands the code over.
        const state = url.searchParams.get('state') ?? '';
        const back = await load(
          iframe,
          `${path}?code=demo-code&state=${state}&iss=${encodeURIComponent(AUTHORITY)}`,
        );
        await waitUntil(
          () => back.doc.getElementById('status')?.textContent === 'Signed in as Aigerim.',
          'no session',
          { timeout: 10000 },
        );
        expect(posts).to.have.length(1);
        expect([posts[0].code, posts[0].state]).to.deep.equal(['demo-code', state]);
        expect(back.win.location.search).to.equal('');
        expect(back.doc.getElementById('error')?.hidden).to.equal(true);
        expect([listed(back.doc), back.heard]).to.deep.equal([[], []]);
      });

      it('does enforce it: an inline script and an inline style are blocked and reported', async () => {
        const { win, doc, heard } = await load(iframe, path);
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
        expect(heard).to.have.length(2);
      });

      it('enforces Trusted Types where the engine has them: script text assignment throws', async () => {
        const { win, doc } = await load(iframe, path);
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
