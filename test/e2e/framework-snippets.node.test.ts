// docs/element.md#frameworks built for real: the Vue 3 snippet (Vite) and the Angular standalone
// component (esbuild with legacy decorators, compiled just in time by @angular/compiler and started
// with bootstrapApplication, zoneless), each read from the doc, pointed at the sandbox as the doc
// says, served beside the package's backend handler and signed in; the framework's own handler
// renders the backend's reply. (React 19: react-hydration.node.test.ts.)
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import { serveApp, type AppFile } from './app-server.js';
import { docBlock, replaceOnce } from './doc-blocks.js';
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
/** The client id the doc's snippets show. */
const DOC_CLIENT_ID = 'c388f3cd-7722-4040-9bb2-94b0a05093aa';
/** The packed element entry, as a merchant's bundler resolves `freedomid-web/element`. */
const ELEMENT = join(ROOT, 'dist/element.js');

const run = useDemo();

/** The app's files: `html` at /, the bundle at /app.js. */
function appFiles(html: string, bundle: string): (path: string) => AppFile {
  return (path) =>
    path === '/'
      ? { type: 'text/html; charset=utf-8', body: html }
      : path === '/app.js'
        ? { type: 'text/javascript', body: readFileSync(bundle) }
        : undefined;
}

/** A page that loads the bundle and holds the app's root. */
function page(root: string): string {
  return `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>App</title><script type="module" src="/app.js"></script></head>\n<body>${root}</body>\n</html>\n`;
}

/** Signs in on `url` and returns the text the framework rendered from the backend's reply. */
async function signIn(
  url: string,
  rendered: string,
): Promise<{ url: string; text: string | null }> {
  const browserPage = await run.openUrl(url);
  await browserPage.click('freedomid-login >>> button[part="button"]');
  await logIn(browserPage, run.demo.sandboxUrl);
  await consent(browserPage);
  await waitForText(browserPage, rendered, /./);
  return { url: await browserPage.url(), text: await textOf(browserPage, rendered) };
}

/** What both frameworks render once signed in: the JSON the backend's onSignIn returned. */
const SIGNED_IN = JSON.stringify({ sub: DEMO_USER.claims.sub });

describe(
  'the framework snippets of docs/element.md, built and signed in',
  { timeout: 240_000 },
  () => {
    let work = '';
    let outside = '';

    before(() => {
      // Inside the checkout, so that the bundlers resolve vue, @angular/* and lit from its node_modules.
      mkdirSync(join(ROOT, '.tmp'), { recursive: true });
      work = mkdtempSync(join(ROOT, '.tmp', 'framework-snippets-'));
      outside = mkdtempSync(join(tmpdir(), 'framework-snippets-'));
    });

    after(() => {
      rmSync(work, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    });

    it('Vue 3: createApp(SignIn).mount, and the session handler renders the reply', async () => {
      let snippet = docBlock('docs/element.md', 'ts', "from 'vue'");
      snippet = replaceOnce(
        snippet,
        `'client-id': '${DOC_CLIENT_ID}',`,
        `'client-id': '${DEMO_CLIENT_ID}', authority: '${run.demo.sandboxUrl}',`,
      );
      assert.ok(snippet.includes("createApp(SignIn).mount('#app');"), 'the snippet mounts its app');
      writeFileSync(join(work, 'vue-main.ts'), snippet);
      await vite({
        configFile: false,
        logLevel: 'silent',
        publicDir: false,
        mode: 'production',
        resolve: { alias: { 'freedomid-web/element': ELEMENT } },
        define: {
          'process.env.NODE_ENV': JSON.stringify('production'),
          __VUE_OPTIONS_API__: 'true',
          __VUE_PROD_DEVTOOLS__: 'false',
          __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
        },
        build: {
          outDir: join(outside, 'vue'),
          emptyOutDir: true,
          minify: false,
          lib: { entry: join(work, 'vue-main.ts'), formats: ['es'], fileName: () => 'app.js' },
        },
      });
      const app = await serveApp(
        run.demo.sandboxUrl,
        appFiles(page('<div id="app"></div>'), join(outside, 'vue/app.js')),
      );
      try {
        assert.deepEqual(await signIn(app.url, '#app p'), { url: app.url, text: SIGNED_IN });
      } finally {
        await app.close();
      }
    });

    it('Angular: the standalone component, bootstrapped, and its (freedomid-session) handler renders the reply', async () => {
      let snippet = docBlock('docs/element.md', 'ts', 'CUSTOM_ELEMENTS_SCHEMA');
      snippet = replaceOnce(
        snippet,
        `client-id="${DOC_CLIENT_ID}"`,
        `client-id="${DEMO_CLIENT_ID}"\n      authority="${run.demo.sandboxUrl}"`,
      );
      writeFileSync(join(work, 'sign-in.component.ts'), snippet);
      // An Angular app's main.ts: the JIT compiler, then bootstrapApplication (zoneless: no zone.js).
      writeFileSync(
        join(work, 'angular-main.ts'),
        `import '@angular/compiler';
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { SignInComponent } from './sign-in.component';

bootstrapApplication(SignInComponent, { providers: [provideZonelessChangeDetection()] }).catch(
  (error: unknown) => { console.error(error); },
);
`,
      );
      await esbuild({
        entryPoints: [join(work, 'angular-main.ts')],
        outfile: join(outside, 'angular/app.js'),
        bundle: true,
        format: 'esm',
        target: 'es2022',
        logLevel: 'silent',
        alias: { 'freedomid-web/element': ELEMENT },
        tsconfigRaw: {
          compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false },
        },
      });
      const app = await serveApp(
        run.demo.sandboxUrl,
        appFiles(page('<app-sign-in></app-sign-in>'), join(outside, 'angular/app.js')),
      );
      try {
        assert.deepEqual(await signIn(app.url, 'app-sign-in p'), { url: app.url, text: SIGNED_IN });
      } finally {
        await app.close();
      }
    });
  },
);
