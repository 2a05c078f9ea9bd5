// Subresource Integrity: the script tag with its published hash refuses a copy with one byte
// changed. test/element/iife.test.ts loads the genuine build with its hash; this adds the tampered
// copy. Both copies are served byte for byte by test/security/middleware.mjs over HTTP.
import { expect } from '@open-wc/testing';
import { readFile } from '@web/test-runner-commands';

const GENUINE = '/test/security/sri/genuine.iife.js';
const TAMPERED = '/test/security/sri/tampered.iife.js';

/** The published hash, as `npm run build` wrote it to dist/freedomid.iife.js.sri. */
async function publishedIntegrity(): Promise<string> {
  const sri = await readFile({ path: '../../dist/freedomid.iife.js.sri' });
  if (sri === undefined)
    throw new Error('dist/freedomid.iife.js.sri is missing: run npm run build');
  return sri.trim();
}

async function bytes(path: string): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetch(path, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function sha384(data: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', data));
  return `sha384-${btoa(String.fromCharCode(...digest))}`;
}

/** Adds `<script src integrity crossorigin>` to `doc` and resolves with the event it ends with. */
function loadScript(doc: Document, src: string, integrity?: string): Promise<'load' | 'error'> {
  return new Promise((resolve) => {
    const script = doc.createElement('script');
    if (integrity !== undefined) {
      script.integrity = integrity;
      script.crossOrigin = 'anonymous';
    }
    script.addEventListener('load', () => {
      resolve('load');
    });
    script.addEventListener('error', () => {
      resolve('error');
    });
    script.src = src;
    doc.head.append(script);
  });
}

describe('The script tag with its published integrity hash', () => {
  it('serves the genuine copy byte for byte, and the tampered one with exactly one byte changed', async () => {
    const integrity = await publishedIntegrity();
    const genuine = await bytes(GENUINE);
    const tampered = await bytes(TAMPERED);
    expect(await sha384(genuine)).to.equal(integrity);
    expect(tampered.length).to.equal(genuine.length);
    expect(genuine.filter((byte, index) => byte !== tampered[index])).to.have.length(1);
    expect(await sha384(tampered)).to.not.equal(integrity);
  });

  it('the tampered copy still runs without the hash (so only integrity can stop it)', async () => {
    const iframe = document.createElement('iframe');
    document.body.append(iframe);
    try {
      const win = iframe.contentWindow;
      const doc = iframe.contentDocument;
      if (win === null || doc === null) throw new Error('no iframe document');
      expect(await loadScript(doc, TAMPERED)).to.equal('load');
      expect(typeof win.FreedomID?.FreedomIdClient).to.equal('function');
    } finally {
      iframe.remove();
    }
  });

  it('refuses the tampered copy: error event, no window.FreedomID, no element defined', async () => {
    const outcome = await loadScript(document, TAMPERED, await publishedIntegrity());
    expect(outcome).to.equal('error');
    expect(window.FreedomID).to.equal(undefined);
    expect(customElements.get('freedomid-login')).to.equal(undefined);
  });

  it('loads the genuine copy with the same hash from the same kind of path', async () => {
    const outcome = await loadScript(document, GENUINE, await publishedIntegrity());
    expect(outcome).to.equal('load');
    expect(typeof window.FreedomID?.FreedomIdClient).to.equal('function');
    expect(customElements.get('freedomid-login')).to.equal(window.FreedomID?.FreedomIdLogin);
  });
});
