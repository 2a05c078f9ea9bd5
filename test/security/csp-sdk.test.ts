// The SDK entry alone (no element, no Lit) under the strict policy with `trusted-types 'none'`:
// no Trusted Types policy may be created, and it still signs in and completes the callback with
// zero violations. The page's script is the SDK bundled with oidc-client-ts (test/security/csp/).
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { CallbackResult } from '../../src/index.js';
import { openWindow } from '../helpers/security.js';

const PATH = '/test/security/csp/sdk-tt-none/index.html';
const POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'";
/** Firefox and WebKit fetch /favicon.ico on their own, which `default-src 'none'` blocks. */
const FAVICON_PROBE = new RegExp(`^img-src ${location.origin}/favicon\\.ico`);

/** The text of `id` in the window's page, once it is loaded; '' until then. */
function text(win: Window, id: string): string {
  try {
    return win.document.getElementById(id)?.textContent ?? '';
  } catch {
    return '';
  }
}

/** The violations the page listed, but for the browser's favicon probe. */
function violations(win: Window): string[] {
  return [...win.document.querySelectorAll('#violations li')]
    .map((item) => item.textContent)
    .filter((violation) => !FAVICON_PROBE.test(violation));
}

describe("The SDK entry alone under trusted-types 'none'", function () {
  this.timeout(60000);
  let win: Window | undefined;
  afterEach(() => {
    win?.close();
  });

  it('is served with exactly that policy', async () => {
    const response = await fetch(PATH, { cache: 'no-store' });
    expect(response.headers.get('content-security-policy')).to.equal(POLICY);
  });

  it('signs in and completes the callback with zero violations, and no policy can be created', async () => {
    win = await openWindow(PATH, 'freedomid-csp-sdk');
    const opened = win;
    await waitUntil(() => text(opened, 'url') !== '', 'no authorization URL');
    const url = new URL(text(opened, 'url'));
    expect(url.origin + url.pathname).to.equal('https://passport.freedompay.kz/openid');
    expect(url.searchParams.get('code_challenge_method')).to.equal('S256');
    expect([text(opened, 'error'), violations(opened)]).to.deep.equal(['', []]);
    const preconnects = [...opened.document.head.querySelectorAll('link[rel="preconnect"]')];
    expect(preconnects.map((link) => (link as HTMLLinkElement).href)).to.deep.equal([
      'https://passport.freedompay.kz/',
    ]);
    if ('trustedTypes' in opened) {
      const { trustedTypes } = opened as Window & {
        trustedTypes: { createPolicy: (name: string, rules: object) => unknown };
      };
      expect(() => trustedTypes.createPolicy('probe', {})).to.throw();
    }

    const state = url.searchParams.get('state') ?? '';
    opened.location.href = `${PATH}?code=csp-code&state=${state}`;
    await waitUntil(
      () => text(opened, 'result') !== '' || text(opened, 'error') !== '',
      'no result',
    );
    expect(text(opened, 'error')).to.equal('');
    const result = JSON.parse(text(opened, 'result')) as CallbackResult;
    expect([result.code, result.state, result.nonce]).to.deep.equal([
      'csp-code',
      state,
      url.searchParams.get('nonce'),
    ]);
    expect(result.codeVerifier).to.be.a('string');
    expect(opened.location.search).to.equal('');
    expect(violations(opened)).to.deep.equal([]);
  });
});
