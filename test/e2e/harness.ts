// End-to-end harness: the demo (sandbox + merchant site) in-process on free ports, and
// Debian's Chromium driven by playwright-core.
import { existsSync } from 'node:fs';
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../scripts/browser-path.mjs';
import { claimsForScope } from '../../demo/sandbox/index.js';
import {
  DEMO_CLIENT_ID,
  DEMO_SCOPE,
  DEMO_USER,
  startDemo,
  type Demo,
} from '../../demo/start-demo.js';

export { DEMO_CLIENT_ID, DEMO_USER };

/** Generous waits: a busy 2-core machine runs these beside the browser tests. */
export const WAIT_MS = 30_000;

export type PageName = keyof Demo['pages'];

/** The claims the demo's scope releases for the test user, as the profile must show them. */
export const EXPECTED_PROFILE = claimsForScope(DEMO_USER, DEMO_SCOPE);

async function launchBrowser(): Promise<Browser> {
  const executablePath = [process.env.CHROME_PATH, '/usr/bin/chromium'].find(
    (path): path is string => path !== undefined && path !== '' && existsSync(path),
  );
  if (executablePath === undefined) {
    throw new Error(
      'No Chromium: install it with `apt-get install -y chromium`, or set CHROME_PATH.',
    );
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: WAIT_MS });
}

async function startDemoForTests(): Promise<Demo> {
  if (!existsSync(new URL('../../dist/freedomid.iife.js', import.meta.url))) {
    throw new Error('dist/freedomid.iife.js is missing: run `npm run build` before the e2e tests.');
  }
  return startDemo();
}

/** A test file's demo and browser: started before its tests, stopped after them. */
export interface RunningDemo {
  /** The running demo; read it inside tests, once `before` has started it. */
  readonly demo: Demo;
  /** Opens a demo page in a fresh browser context. */
  open(name: PageName): Promise<Page>;
  /** Opens any path of the merchant site in a fresh browser context. */
  openPath(path: string): Promise<Page>;
  /** Opens any URL in a fresh browser context, with the browser's language set to `locale`. */
  openUrl(url: string, locale?: string): Promise<Page>;
}

/** Starts the demo and Chromium before the calling file's tests and stops both after them. */
export function useDemo(): RunningDemo {
  let demo: Demo | undefined;
  let browser: Browser | undefined;
  before(async () => {
    demo = await startDemoForTests();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });
  const started = () => {
    if (demo === undefined || browser === undefined)
      throw new Error('The demo starts in before().');
    return { demo, browser };
  };
  return {
    get demo() {
      return started().demo;
    },
    open: (name) => {
      const { demo: running, browser: chromium } = started();
      return openPage(chromium, running.pages[name]);
    },
    openPath: (path) => {
      const { demo: running, browser: chromium } = started();
      return openPage(chromium, `${running.siteUrl}${path}`);
    },
    openUrl: (url, locale) => openPage(started().browser, url, locale),
  };
}

/** Opens a demo page in a fresh context (its own cookies and storage). */
async function openPage(browser: Browser, url: string, locale?: string): Promise<Page> {
  const context = await browser.newContext(locale === undefined ? {} : { locale });
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(WAIT_MS);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** Clicks the page's sign-in button: the element's shadow-DOM button, or the JS API page's own. */
export async function clickSignIn(page: Page, name: PageName): Promise<void> {
  const button =
    name === 'js-api'
      ? page.locator('#sign-in')
      : page.locator('freedomid-login').locator('button[part="button"]');
  await button.click();
}

/**
 * An authorization request for the demo client to `endpoint` (either sandbox provider's), sending
 * the browser back to `redirectUri`; `extra` adds or overrides parameters.
 */
export function authorizationUrl(
  endpoint: string,
  redirectUri: string,
  extra: Record<string, string> = {},
): string {
  const url = new URL(endpoint);
  const params = {
    client_id: DEMO_CLIENT_ID,
    redirect_uri: redirectUri,
    scope: DEMO_SCOPE,
    state: 'state-1',
    nonce: 'nonce-1',
    response_type: 'code',
    ...extra,
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}

/** Signs in on the sandbox's login page as the test user, up to its consent page. */
export async function logIn(page: Page, sandboxUrl: string): Promise<void> {
  await page.waitForURL((url) => url.href.startsWith(`${sandboxUrl}/interaction/`));
  await page.locator('input[name="login"]').fill(DEMO_USER.login);
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('#submit').click();
  await page.locator('form#consent').waitFor({ state: 'attached' });
}

/** Grants consent on the sandbox's consent page. */
export async function consent(page: Page): Promise<void> {
  await page.locator('#allow').click();
}

/** The profile list on the page, claim by claim, once it has been rendered. */
export async function shownProfile(page: Page): Promise<Record<string, string>> {
  await page.locator('#profile [data-claim="sub"]').waitFor();
  const entries = await page
    .locator('#profile dd')
    .evaluateAll((items) =>
      items.map((item) => [(item as HTMLElement).dataset.claim ?? '', item.textContent]),
    );
  return Object.fromEntries(entries) as Record<string, string>;
}

/** The error code (and the backend's own code, if any) once the page shows an error. */
export async function shownError(
  page: Page,
): Promise<{ code: string; backendCode: string | null }> {
  const box = page.locator('#error[data-error-code]');
  await box.waitFor();
  return {
    code: (await box.getAttribute('data-error-code')) ?? '',
    backendCode: await box.getAttribute('data-backend-code'),
  };
}

/** Claims as the page renders them: strings as is, other values as JSON. */
export function asShown(claims: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(claims).map(([key, value]) => [
      key,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  );
}
