// React 19 hydration (issue 23 item 3): a real React build (vite) of test/e2e/fixtures/react-app,
// server-rendered with react-dom/server and hydrated in Chromium, signs in against the sandbox with
// the package's backend handler; the element's freedomid-session event reaches the React handler,
// which React itself does not attach to a server-rendered custom element (facebook/react#35446).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { build } from 'vite';
import { serveApp } from './app-server.js';
import { App, type AppProps } from './fixtures/react-app/app.js';
import {
  consent,
  DEMO_CLIENT_ID,
  DEMO_USER,
  logIn,
  textOf,
  useDemo,
  waitForText,
} from './harness.js';

const ROOT = resolve(import.meta.dirname, '../..');
const APP = join(ROOT, 'test/e2e/fixtures/react-app');

/** Builds the app's client as a merchant's Vite build would, with the packed entry (dist/react.js). */
async function buildClient(outDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    mode: 'production',
    resolve: { alias: { 'freedomid-web/react': join(ROOT, 'dist/react.js') } },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      lib: { entry: join(APP, 'client.ts'), formats: ['es'], fileName: () => 'client.js' },
    },
  });
}

/** The page: the app rendered to HTML, its props as JSON, and the client bundle. */
function page(props: AppProps): string {
  const json = JSON.stringify(props).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>React 19 app</title></head>
  <body>
    <div id="root">${renderToString(createElement(App, props))}</div>
    <script type="application/json" id="props">${json}</script>
    <script type="module" src="/client.js"></script>
  </body>
</html>`;
}

const run = useDemo();

describe(
  '<FreedomIdLoginButton> server-rendered by React 19 and hydrated',
  { timeout: 180_000 },
  () => {
    let outDir = '';
    let app: Awaited<ReturnType<typeof serveApp>> | undefined;
    let pageUrl = '';

    before(async () => {
      outDir = mkdtempSync(join(tmpdir(), 'react-app-'));
      await buildClient(outDir);
      const authority = run.demo.sandboxUrl;
      app = await serveApp(authority, (path) => {
        if (path === '/') {
          return {
            type: 'text/html; charset=utf-8',
            body: page({ clientId: DEMO_CLIENT_ID, authority }),
          };
        }
        const file = normalize(path.slice(1));
        try {
          return {
            type: extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream',
            body: readFileSync(join(outDir, file)),
          };
        } catch {
          return undefined;
        }
      });
      pageUrl = app.url;
    });

    after(async () => {
      await app?.close();
      rmSync(outDir, { recursive: true, force: true });
    });

    it('server-renders the element with its attributes and no handler in the HTML', () => {
      const html = renderToString(
        createElement(App, { clientId: DEMO_CLIENT_ID, authority: 'http://127.0.0.1:9400' }),
      );
      assert.equal(
        html,
        `<main><freedomid-login client-id="${DEMO_CLIENT_ID}" authority="http://127.0.0.1:9400" scope="openid read.profile" params-url="/api/freedomid/params" backend-url="/api/freedomid/callback"></freedomid-login><p id="signed-in"></p><p id="failed"></p></main>`,
      );
    });

    it('hydrates, signs in, and the session event reaches the React handler', async () => {
      const browserPage = await run.openUrl(pageUrl);
      await browserPage.click('freedomid-login >>> button[part="button"]');
      await logIn(browserPage, run.demo.sandboxUrl);

      await consent(browserPage);

      await waitForText(browserPage, '#signed-in', /./);
      assert.deepEqual(
        {
          url: await browserPage.url(),
          signedIn: await textOf(browserPage, '#signed-in'),
          failed: await textOf(browserPage, '#failed'),
          hydrationErrors: await browserPage.evaluate(
            () => (window as unknown as { hydrationErrors: string[] }).hydrationErrors,
          ),
        },
        { url: pageUrl, signedIn: DEMO_USER.claims.sub, failed: '', hydrationErrors: [] },
      );
    });
  },
);
