// Browser tests: TypeScript compiled by esbuild, run in Debian's Chromium, Firefox ESR and
// WebKitGTK ($BROWSERS picks a subset), network through MSW.
import { readFileSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import puppeteerCore from 'puppeteer-core';
import { CHROMIUM_ARGS, browserPath, selectedEngines } from './scripts/browser-path.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { WebKitGtkLauncher } from './test/runner/webkit-launcher.mjs';
import { securityMiddleware } from './test/security/middleware.mjs';

/*
 * MSW's worker, plus one listener of ours: on 'freedomid-test:claim' the active worker claims the
 * page that asks (test/mocks/browser.ts). Two test pages that load before the first registration is
 * active may find it but stay uncontrolled; MSW then reloads the page, which the runner reports as
 * an interrupted test. Claiming by the same worker gives control without a second registration.
 */
const mswWorker = `${readFileSync(
  fileURLToPath(import.meta.resolve('msw/mockServiceWorker.js')),
  'utf8',
)}
addEventListener('message', (event) => {
  if (event.data === 'freedomid-test:claim') event.waitUntil(self.clients.claim());
});
`;

/** Serves MSW's worker at the site root, so its scope covers the test pages (TOOLCHAIN pitfall 1). */
const mswWorkerPlugin = {
  name: 'msw-worker',
  serve(context) {
    if (context.path === '/mockServiceWorker.js') return { body: mswWorker, type: 'js' };
    return undefined;
  },
};

/*
 * The runner stops on an uncaught error, but prints its message through a console buffer that the
 * exit never flushes: the run then ends mid-progress-bar without a word. Say it on stderr directly.
 */
process.on('uncaughtExceptionMonitor', (error) => {
  writeSync(2, `\nweb-test-runner stops on an uncaught error:\n${error?.stack ?? String(error)}\n`);
});

const launchers = {
  chromium: () =>
    chromeLauncher({
      launchOptions: {
        executablePath: browserPath('chromium'),
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  firefox: () =>
    chromeLauncher({
      puppeteer: puppeteerCore,
      // Firefox throttles timers in background tabs: one test page at a time is faster and steadier.
      concurrency: 1,
      launchOptions: { browser: 'firefox', executablePath: browserPath('firefox'), headless: true },
    }),
  webkit: () => new WebKitGtkLauncher(browserPath('webkit')),
};

export default {
  // *.node.test.ts files run in Node (npm run test:node).
  files: ['test/**/*.test.ts', '!test/**/*.node.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  // WebKitGTK's user agent claims "Version/60.5": an explicit target keeps esbuild from guessing.
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2020',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
    mswWorkerPlugin,
  ],
  // The strict-CSP pages and the two copies of the script tag for the SRI test (test/security/).
  middleware: [securityMiddleware()],
  reporters: [defaultReporter(), summaryReporter()],
  browsers: selectedEngines().map((engine) => launchers[engine]()),
  // The element and @open-wc/testing's fixtures load Lit's development build, which says so per test.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  // Generous limits: they only cut off a hang, and a busy 2-core machine (npm run test:busy) can
  // take minutes over a file that takes seconds when idle (the default 120 s per file was hit).
  testFramework: { config: { timeout: 60000 } },
  testsStartTimeout: 180000,
  browserStartTimeout: 180000,
  testsFinishTimeout: 900000,
};
