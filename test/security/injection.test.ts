// Injection: provider text stays text, error_uri is exposed only as https:, returnTo never leaves
// the site however it is encoded.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../src/element.js';
import type { FreedomIdErrorDetail } from '../../src/element.js';
import {
  clearEntries,
  startSignIn,
  makeClient,
  storedEntries,
  rejection,
} from '../helpers/security.js';

const PAGE_URL = location.href;
const THIS_PAGE = `${location.origin}${location.pathname}`;
const CLIENT_ID = 'c388f3cd-7722-4040-9bb2-94b0a05093aa';

declare global {
  interface Window {
    /** Set by an injected handler if provider text were ever parsed as HTML. */
    xss?: string;
  }
}

/** Markup a hostile or compromised provider page might put in its error text. */
const PAYLOADS = [
  '<img src=x onerror="window.xss=\'img\'">',
  '<svg><script>window.xss="svg"</script></svg>',
  '"><iframe srcdoc="<script>parent.xss=1</script>">',
  '<style>button{display:none}</style>',
  '</span><b part="label">Войти</b>',
];

/** Mounts `<freedomid-login>` on this page, as the redirect page, and waits for its button. */
async function mountOnCallbackPage(): Promise<HTMLElement> {
  const el = document.createElement('freedomid-login');
  el.setAttribute('client-id', CLIENT_ID);
  el.setAttribute('redirect-uri', THIS_PAGE);
  el.setAttribute('locale', 'en');
  document.body.append(el);
  await waitUntil(() => el.shadowRoot?.querySelector('button'), 'no button rendered');
  return el;
}

/** The first `freedomid-error` that reaches `document` after `act`. */
async function nextError(act: () => Promise<unknown>): Promise<FreedomIdErrorDetail> {
  const seen: FreedomIdErrorDetail[] = [];
  const listener = (event: CustomEvent<FreedomIdErrorDetail>) => {
    seen.push(event.detail);
  };
  document.addEventListener('freedomid-error', listener);
  try {
    await act();
    await waitUntil(() => seen.length > 0, 'no freedomid-error');
    return seen[0];
  } finally {
    document.removeEventListener('freedomid-error', listener);
  }
}

/** Lets any parsed markup load and run its handlers before checking they did not. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 100));
}

describe('<freedomid-login>', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('freedomid-login')) el.remove();
    clearEntries();
    history.replaceState(null, '', PAGE_URL);
    delete window.xss;
  });

  describe('when the callback carries markup in error_description', () => {
    for (const payload of PAYLOADS) {
      for (const verified of [true, false]) {
        it(`dispatches it verbatim as text, renders no markup (${verified ? 'our state' : 'forged state'}): ${payload}`, async () => {
          const state = verified
            ? (await startSignIn(makeClient({ redirectUri: THIS_PAGE }).client)).state
            : `forged-${String(Math.random()).slice(2)}`;
          history.replaceState(
            null,
            '',
            `${location.pathname}?error=access_denied&error_description=${encodeURIComponent(payload)}&state=${state}`,
          );
          let el: HTMLElement | undefined;

          const detail = await nextError(async () => {
            el = await mountOnCallbackPage();
          });
          await settle();

          expect(detail.code).to.equal('provider_error');
          expect(detail.error).to.equal('access_denied');
          expect(detail.errorDescription).to.equal(payload);
          expect(detail.verified).to.equal(verified);
          expect(detail.message).to.contain(payload);
          const root = el?.shadowRoot;
          expect(root?.querySelectorAll('img, svg script, iframe, style, b')).to.have.length(0);
          expect(document.querySelectorAll('img, iframe')).to.have.length(0);
          expect(window.xss).to.equal(undefined);
          expect(location.search).to.equal('');
        });
      }
    }
  });

  describe('when the callback carries an error_uri', () => {
    const uris: [string, string | undefined][] = [
      [
        'https://docs.freedompay.kz/errors#access_denied',
        'https://docs.freedompay.kz/errors#access_denied',
      ],
      ['javascript:alert(1)', undefined],
      ['JavaScript:alert(1)', undefined],
      [' javascript:alert(1)', undefined],
      ['http://docs.freedompay.kz/errors', undefined],
      ['data:text/html,<script>alert(1)</script>', undefined],
      ['vbscript:msgbox(1)', undefined],
      ['//evil.example/errors', undefined],
      ['/errors', undefined],
    ];
    for (const [uri, exposed] of uris) {
      it(`${JSON.stringify(uri)} → ${exposed === undefined ? 'dropped' : 'exposed'}`, async () => {
        const { state } = await startSignIn(makeClient({ redirectUri: THIS_PAGE }).client);
        history.replaceState(
          null,
          '',
          `${location.pathname}?error=invalid_scope&error_uri=${encodeURIComponent(uri)}&state=${state}`,
        );

        const detail = await nextError(mountOnCallbackPage);

        expect(detail.code).to.equal('provider_error');
        expect(detail.errorUri).to.equal(exposed);
        expect('errorUri' in detail).to.equal(exposed !== undefined);
      });
    }
  });

  describe('when labels carry markup (property strings)', () => {
    it('shows them as text', async () => {
      const el = await mountOnCallbackPage();
      const payload = '<img src=x onerror="window.xss=\'label\'">Sign in';
      (el as HTMLElement & { strings: Record<string, string> }).strings = { signin: payload };
      const label = () => el.shadowRoot?.querySelector('[part="label"]');
      await waitUntil(() => label()?.textContent === payload, 'label not updated');
      await settle();
      expect(el.shadowRoot?.querySelectorAll('img')).to.have.length(0);
      expect(window.xss).to.equal(undefined);
    });
  });
});

describe('FreedomIdClient.createAuthorizationUrl', () => {
  afterEach(() => {
    clearEntries();
  });

  describe('returnTo', () => {
    const origin = location.origin;
    const otherScheme = origin.startsWith('https:')
      ? origin.replace('https:', 'http:')
      : origin.replace('http:', 'https:');
    const refused = [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\tjavascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '//evil.example',
      '//evil.example/path',
      '///evil.example',
      '////evil.example',
      '\\\\evil.example',
      '\\/evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '\t//evil.example',
      ' //evil.example',
      '/\r\n/evil.example',
      'https://evil.example/',
      'https:evil.example',
      'https://evil.example%2F@x',
      `${otherScheme}/account`,
      `http://${location.hostname}:1/account`,
      'blob:' + origin + '/0b1c2d3e',
      // Dot segments that the URL parser folds into "//evil.example": a scheme-relative path.
      '/..//evil.example',
      '/.//evil.example',
      '/%2e%2e//evil.example',
      '/%2E//evil.example',
      '/a/..//evil.example',
    ];
    for (const returnTo of refused) {
      it(`refuses ${JSON.stringify(returnTo)} with invalid_argument, storing nothing`, async () => {
        const { client } = makeClient();
        const error = await rejection(() => client.createAuthorizationUrl({ returnTo }));
        expect(error.code).to.equal('invalid_argument');
        expect(storedEntries()).to.deep.equal({});
      });
    }

    const kept: [string, string][] = [
      ['%2F%2Fevil', '/%2F%2Fevil'],
      ['%6Aavascript:alert(1)', '/%6Aavascript:alert(1)'],
      ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
      ['/%5C%5Cevil.example', '/%5C%5Cevil.example'],
      ['%5C%5Cevil.example', '/%5C%5Cevil.example'],
      ['/%09/evil.example', '/%09/evil.example'],
      ['/account?next=//evil.example', '/account?next=//evil.example'],
      ['/account#//evil.example', '/account#//evil.example'],
      ['/a/../account', '/account'],
      [`${origin}/account?tab=1`, '/account?tab=1'],
    ];
    for (const [returnTo, stored] of kept) {
      it(`keeps ${JSON.stringify(returnTo)} as the same-origin path ${stored}`, async () => {
        const { client } = makeClient();
        const { state } = await startSignIn(client, { returnTo });
        expect(storedEntries()[`freedomid.${state}`]['data']).to.deep.equal({ returnTo: stored });
        // Resolved against this page, the stored path stays on this origin.
        expect(new URL(stored, location.href).origin).to.equal(origin);
        const result = await client.handleCallback(
          `${client.config.redirectUri}?code=c&state=${state}`,
        );
        expect(result.returnTo).to.equal(stored);
      });
    }
  });
});
