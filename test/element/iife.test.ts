// Loads the built script-tag bundle (`npm run build` writes it) with a plain <script>, as a merchant page would.
// The test server rewrites served .js files, so the bytes are read from disk and loaded from a blob: URL.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { readFile } from '@web/test-runner-commands';
import type { FreedomIdGlobal } from '../../src/iife.js';
import type { FreedomIdLogin } from '../../src/element.js';

const SCRIPT = '../../dist/freedomid.iife.js';

/** The built file's exact bytes and its .sri file, as `npm run build` wrote them. */
async function built(): Promise<{ code: string; sri: string }> {
  const code = await readFile({ path: SCRIPT });
  const sri = await readFile({ path: `${SCRIPT}.sri` });
  if (code === undefined || sri === undefined)
    throw new Error(`${SCRIPT} is missing: run npm run build first`);
  return { code, sri: sri.trim() };
}
const CLIENT_ID = 'c388f3cd-7722-4040-9bb2-94b0a05093aa';

async function loadScript(integrity?: string): Promise<void> {
  const { code } = await built();
  const src = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    if (integrity !== undefined) {
      script.integrity = integrity;
      script.crossOrigin = 'anonymous';
    }
    script.onload = () => {
      resolve();
    };
    script.onerror = () => {
      reject(new Error(`${SCRIPT} did not load (or failed its integrity check)`));
    };
    document.head.append(script);
  });
}

function freedomId(): FreedomIdGlobal {
  const api = window.FreedomID;
  if (api === undefined) throw new Error('window.FreedomID is not set');
  return api;
}

describe('<freedomid-login>', () => {
  describe('when loaded from the script-tag build', () => {
    before(async () => {
      await loadScript((await built()).sri);
    });

    it('defines the element and exposes window.FreedomID with the package version', async () => {
      const pkg = (await (await fetch('/package.json')).json()) as { version: string };
      const api = freedomId();
      expect(Object.keys(api).sort()).to.deep.equal([
        'FreedomIdClient',
        'FreedomIdError',
        'FreedomIdLogin',
        'isFreedomIdError',
        'version',
      ]);
      expect(api.version).to.equal(pkg.version);
      expect(customElements.get('freedomid-login')).to.equal(api.FreedomIdLogin);
    });

    it('has the SRI hash of the file it serves', async () => {
      const { code, sri } = await built();
      const bytes = new TextEncoder().encode(code);
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
      expect(sri).to.equal(`sha384-${btoa(String.fromCharCode(...digest))}`);
    });

    it('reads the same on a page served in another charset (ASCII only)', async () => {
      // A classic <script> without a charset of its own is decoded in the page's encoding.
      const { code } = await built();
      const bytes = new TextEncoder().encode(code);
      expect(bytes.every((byte) => byte < 0x80)).to.equal(true);
      expect(new TextDecoder('windows-1251').decode(bytes) === code).to.equal(true);
    });

    it('signs in through a plain <freedomid-login> tag', async () => {
      const el: FreedomIdLogin = document.createElement('freedomid-login');
      el.setAttribute('client-id', CLIENT_ID);
      el.setAttribute('redirect-uri', 'https://shop.example/login');
      const navigations: URL[] = [];
      el.navigate = (url) => {
        navigations.push(url);
      };
      document.body.append(el);
      await el.updateComplete;
      el.shadowRoot?.querySelector('button')?.click();
      await waitUntil(() => navigations.length === 1);
      el.remove();
      const url = navigations[0];
      sessionStorage.removeItem(`freedomid.${url.searchParams.get('state') ?? ''}`);
      expect(url.origin + url.pathname).to.equal('https://passport.freedompay.kz/openid');
      expect([...url.searchParams.keys()]).to.deep.equal([
        'scope',
        'state',
        'response_type',
        'client_id',
        'redirect_uri',
        'nonce',
      ]);
      expect([
        url.searchParams.get('client_id'),
        url.searchParams.get('redirect_uri'),
      ]).to.deep.equal([CLIENT_ID, 'https://shop.example/login']);
    });

    it('keeps the first definition and global, with a warning, when loaded twice', async () => {
      const first = freedomId();
      const warnings: unknown[][] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => {
        warnings.push(args);
      };
      try {
        await loadScript();
      } finally {
        console.warn = original;
      }
      expect(freedomId()).to.equal(first);
      expect(customElements.get('freedomid-login')).to.equal(first.FreedomIdLogin);
      expect(warnings).to.deep.equal([
        [
          `freedomid-web ${first.version}: <freedomid-login> is already defined by freedomid-web ${first.version}; keeping that one. Load freedomid-web once per page.`,
        ],
      ]);
    });
  });
});
