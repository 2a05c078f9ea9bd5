// "Try it on your own page", step 1 (docs/own-page.md): examples/own-page/index.html, the script
// tag alone, served from a port of its own, signs in against the sandbox with the client id and
// authority `npm start` prints, and its `freedomid-callback` listener shows the code.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  clickSignIn,
  consent,
  loadedUrl,
  logIn,
  useDemo,
  waitForText,
  TEST_TIMEOUT_MS,
} from './harness.js';

/** The URLs the page names, as `npm start` serves them on its default ports. */
const DEFAULT_SITE = 'http://127.0.0.1:5173';
const DEFAULT_AUTHORITY = 'http://127.0.0.1:9400';

const run = useDemo();
let server: Server | undefined;
let pageUrl = '';

describe('a page of your own on another port (docs/own-page.md, step 1)', () => {
  /** Serves the page as a merchant's own static server would, on a free port. */
  before(async () => {
    const html = await readFile(
      new URL('../../examples/own-page/index.html', import.meta.url),
      'utf8',
    );
    assert.ok(
      html.includes(`${DEFAULT_SITE}/dist/freedomid.iife.js`),
      'the page loads the script from npm start',
    );
    assert.ok(
      html.includes(`authority="${DEFAULT_AUTHORITY}"`),
      'the page names the sandbox npm start runs',
    );
    // The tests' demo listens on free ports: point the page at them.
    const page = html
      .replaceAll(DEFAULT_SITE, run.demo.siteUrl)
      .replaceAll(DEFAULT_AUTHORITY, run.demo.sandboxUrl);
    server = createServer((req, res) => {
      if (new URL(req.url ?? '/', 'http://page').pathname !== '/') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  after(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it('is the page docs/own-page.md shows, byte for byte', async () => {
    const [doc, file] = await Promise.all(
      ['../../docs/own-page.md', '../../examples/own-page/index.html'].map((path) =>
        readFile(new URL(path, import.meta.url), 'utf8'),
      ),
    );
    assert.ok(doc.includes(`\n\`\`\`html\n${file}\`\`\`\n`));
  });

  it(
    'signs in with the script tag alone and shows the code from freedomid-callback',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const page = await run.openUrl(pageUrl);
      await clickSignIn(page, 'script-tag');
      await logIn(page, run.demo.sandboxUrl);

      await consent(page);

      const result = await waitForText(page, '#result', /^Code received: /);
      const code = new URL(await loadedUrl(page)).searchParams.get('code');
      assert.ok(code !== null && code !== '');
      assert.equal(result, `Code received: ${code}`);
      assert.equal(await page.url(), pageUrl, 'the callback parameters are removed');
    },
  );
});
