// End-to-end harness: the demo (sandbox + merchant site) in-process on free ports, and one engine
// ($E2E_BROWSER: chromium, firefox or webkit; scripts/run-e2e.mjs runs each) behind the
// driver-neutral page of ./browser/page.ts.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before } from 'node:test';
import { claimsForScope } from '../../demo/sandbox/index.js';
import {
  DEMO_CLIENT_ID,
  DEMO_SCOPE,
  DEMO_USER,
  startDemo,
  type Demo,
} from '../../demo/start-demo.js';
import { launchChromium } from './browser/chromium.js';
import { launchFirefox } from './browser/firefox.js';
import {
  MISSING,
  TEST_TIMEOUT_MS,
  WAIT_MS,
  type Capability,
  type ContextOptions,
  type E2EBrowser,
  type E2EPage,
  type Engine,
} from './browser/page.js';
import { launchWebKit } from './browser/webkit.js';

export { DEMO_CLIENT_ID, DEMO_USER, TEST_TIMEOUT_MS, WAIT_MS };
export type { E2EPage as Page, Engine };

export type PageName = keyof Demo['pages'];

/** The claims the demo's scope releases for the test user, as the profile must show them. */
export const EXPECTED_PROFILE = claimsForScope(DEMO_USER, DEMO_SCOPE);

const LAUNCH: Record<Engine, () => Promise<E2EBrowser>> = {
  chromium: launchChromium,
  firefox: launchFirefox,
  webkit: launchWebKit,
};

/** The engine this run drives: $E2E_BROWSER, Chromium when unset. */
export const ENGINE: Engine = (() => {
  const name = process.env.E2E_BROWSER ?? 'chromium';
  if (!(name in LAUNCH))
    throw new Error(`E2E_BROWSER is "${name}": use one of ${Object.keys(LAUNCH).join(', ')}.`);
  return name as Engine;
})();

/** For `it(name, { skip: unsupported('intercept') }, …)`: why this engine cannot run it, or false. */
export function unsupported(capability: Capability): string | false {
  return MISSING[ENGINE][capability] ?? false;
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
  open(name: PageName, options?: ContextOptions): Promise<E2EPage>;
  /** Opens any path of the merchant site in a fresh browser context. */
  openPath(path: string, options?: ContextOptions): Promise<E2EPage>;
  /** Opens any URL in a fresh browser context; a string is the browser's language. */
  openUrl(url: string, options?: string | ContextOptions): Promise<E2EPage>;
}

/**
 * Starts the demo and the engine before the calling file's tests and stops both after them; each
 * test's contexts are closed after it.
 */
export function useDemo(): RunningDemo {
  let demo: Demo | undefined;
  let browser: E2EBrowser | undefined;
  before(async () => {
    demo = await startDemoForTests();
    browser = await LAUNCH[ENGINE]();
  });
  afterEach(async () => {
    await browser?.closeContexts();
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
  const openUrl = async (url: string, options: string | ContextOptions = {}) => {
    const page = await started().browser.newPage(
      typeof options === 'string' ? { locale: options } : options,
    );
    await page.goto(url);
    return page;
  };
  return {
    get demo() {
      return started().demo;
    },
    open: (name, options) => openUrl(started().demo.pages[name], options),
    openPath: (path, options) => openUrl(`${started().demo.siteUrl}${path}`, options),
    openUrl,
  };
}

/** The sign-in button of a demo page: the element's shadow-DOM button, or the JS API page's own. */
export function signInButton(name: PageName | 'script-tag'): string {
  return name === 'js-api' ? '#sign-in' : 'freedomid-login >>> button[part="button"]';
}

/** Clicks the page's sign-in button: the element's shadow-DOM button, or the JS API page's own. */
export async function clickSignIn(page: E2EPage, name: PageName): Promise<void> {
  await page.click(signInButton(name));
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
export async function logIn(page: E2EPage, sandboxUrl: string): Promise<void> {
  await page.waitForURL((url) => url.href.startsWith(`${sandboxUrl}/interaction/`));
  await page.fill('input[name="login"]', DEMO_USER.login);
  await page.fill('input[name="password"]', 'any password');
  await page.click('#submit');
  await page.waitForSelector('form#consent');
}

/** Grants consent on the sandbox's consent page. */
export async function consent(page: E2EPage): Promise<void> {
  await page.click('#allow');
}

/** The text of the first element matching `selector` (piercing ` >>> `), or null when there is none. */
export function textOf(page: E2EPage, selector: string): Promise<string | null> {
  return page.evaluate((steps) => {
    let scope: ParentNode | null = document;
    for (const [index, step] of steps.entries()) {
      const found: Element | null = scope?.querySelector(step) ?? null;
      if (index === steps.length - 1) return found?.textContent ?? null;
      scope = found?.shadowRoot ?? null;
    }
    return null;
  }, selector.split(' >>> '));
}

/** The texts of every element matching `selector`, trimmed. */
export function textsOf(page: E2EPage, selector: string): Promise<string[]> {
  return page.evaluate(
    (css) => [...document.querySelectorAll(css)].map((node) => node.textContent.trim()),
    selector,
  );
}

/** An attribute of the first element matching `selector`, or null. */
export function attributeOf(page: E2EPage, selector: string, name: string): Promise<string | null> {
  return page.evaluate(
    ([css, attribute]) => document.querySelector(css)?.getAttribute(attribute) ?? null,
    [selector, name] as const,
  );
}

/** How many elements match `selector`. */
export function countOf(page: E2EPage, selector: string): Promise<number> {
  return page.evaluate((css) => document.querySelectorAll(css).length, selector);
}

/** Whether the first element matching `selector` is absent or not rendered. */
export function isHidden(page: E2EPage, selector: string): Promise<boolean> {
  return page.evaluate((css) => {
    const node = document.querySelector(css);
    return node === null || !(node as HTMLElement).checkVisibility();
  }, selector);
}

/** Waits until the first element matching `selector` has text matching `pattern`; returns the text. */
export function waitForText(page: E2EPage, selector: string, pattern: RegExp): Promise<string> {
  return page.waitForFunction(
    ([css, source, flags]) => {
      const text = document.querySelector(css)?.textContent ?? '';
      return new RegExp(source, flags).test(text) ? text : '';
    },
    [selector, pattern.source, pattern.flags] as const,
  );
}

/** The URL this document was loaded from, before any `history.replaceState` (Navigation Timing). */
export function loadedUrl(page: E2EPage): Promise<string> {
  return page.evaluate(() => performance.getEntriesByType('navigation').at(0)?.name ?? '');
}

/** Every resource this document loaded (Resource Timing), by URL. */
export function loadedResources(page: E2EPage): Promise<string[]> {
  return page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
}

/** The profile list on the page, claim by claim, once it has been rendered. */
export async function shownProfile(page: E2EPage): Promise<Record<string, string>> {
  await page.waitForSelector('#profile [data-claim="sub"]');
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('#profile dd')].map((item) => [
        item.dataset.claim ?? '',
        item.textContent,
      ]),
    ),
  );
}

/** Signs in through the demo's `name` page at the sandbox, up to the shown profile. */
export async function signedInPage(run: RunningDemo, name: PageName): Promise<E2EPage> {
  const page = await run.open(name);
  await clickSignIn(page, name);
  await logIn(page, run.demo.sandboxUrl);
  await consent(page);
  await shownProfile(page);
  return page;
}

/** The error code (and the backend's own code, if any) once the page shows an error. */
export async function shownError(
  page: E2EPage,
): Promise<{ code: string; backendCode: string | null }> {
  await page.waitForSelector('#error[data-error-code]');
  return page.evaluate(() => {
    const box = document.querySelector('#error[data-error-code]');
    return {
      code: box?.getAttribute('data-error-code') ?? '',
      backendCode: box?.getAttribute('data-backend-code') ?? null,
    };
  });
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

/**
 * A merchant page on a loopback port of its own that answers every request with `merchant`: the
 * sandbox sends the browser there, and the test reads the URL it arrived at.
 */
export function useMerchantStub(host = '127.0.0.1'): { readonly url: (path?: string) => string } {
  const server = createServer((_request, response) =>
    response.writeHead(200, { 'content-type': 'text/plain' }).end('merchant'),
  );
  before(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)));
  after(() => new Promise((resolve) => server.close(resolve)));
  return {
    url: (path = '/signed-in') => `http://${host}:${(server.address() as AddressInfo).port}${path}`,
  };
}
