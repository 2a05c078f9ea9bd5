// The driver-neutral page the e2e tests drive: one interface, a backend per engine (Chromium
// through playwright-core, Firefox ESR through puppeteer-core over WebDriver BiDi, WebKitGTK
// through WebKitWebDriver).

/** The engines the e2e tests run in. */
export type Engine = 'chromium' | 'firefox' | 'webkit';

/** Generous waits: a busy 2-core machine runs these beside the browser tests. */
export const WAIT_MS = 30_000;

/**
 * Each sign-in test's limit: it only cuts off a hang. On a busy machine a new WebKitGTK session
 * alone (a MiniBrowser started per user agent) was seen to take over 60 s.
 */
export const TEST_TIMEOUT_MS = 180_000;

/**
 * A CSS selector; ` >>> ` steps into the open shadow root of the element before it, e.g.
 * `freedomid-login >>> button[part="button"]`.
 */
export type Selector = string;

/** What a fresh browser context starts with. */
export interface ContextOptions {
  /** The browser's language (`Accept-Language`), e.g. `ru-RU`. */
  locale?: string;
  /** The user agent every request and `navigator.userAgent` report. */
  userAgent?: string;
}

/** A page (a tab or a popup window) in one engine. */
export interface E2EPage {
  readonly engine: Engine;
  /** Loads `url` and returns the HTTP status of the document (undefined when the engine cannot tell). */
  goto(url: string): Promise<number | undefined>;
  url(): Promise<string>;
  reload(): Promise<void>;
  goBack(): Promise<void>;
  goForward(): Promise<void>;
  /** A real click on the first element matching `selector`, once it is there. */
  click(selector: Selector): Promise<void>;
  /** Types `value` into the input matching `selector`, replacing what it held. */
  fill(selector: Selector, value: string): Promise<void>;
  /** Waits until an element matches `selector` (attached to the document). */
  waitForSelector(selector: Selector): Promise<void>;
  /** Waits until the page's URL passes `test`, and returns it. */
  waitForURL(test: (url: URL) => boolean): Promise<URL>;
  /** Runs `fn(arg)` in the page and returns its (JSON) result; `fn` must be self-contained. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Waits until `fn(arg)` run in the page returns a truthy value, and returns it. */
  waitForFunction<R, A = undefined>(fn: (arg: A) => R, arg?: A): Promise<R>;
  /** Runs `action` and returns the popup window it opened. */
  waitForPopup(action: () => Promise<void>): Promise<E2EPage>;
  /** Closes this window, as the user would. */
  close(): Promise<void>;
  /** Resolves once this window is closed (by itself or by the page). */
  waitForClose(): Promise<void>;
  /** How many windows are open in this page's context, this one included (a popup adds one). */
  windows(): Promise<number>;
  /** Deletes every cookie of the context this page is in. */
  clearCookies(): Promise<void>;
  /** Sets the viewport's size in CSS pixels. */
  setViewport(width: number, height: number): Promise<void>;
  /** Writes a PNG of the viewport to `path`. */
  screenshot(path: string): Promise<void>;
  /**
   * Requests whose URL ends with `suffix` fail until the returned function is called (`undefined`
   * when the engine cannot intercept requests).
   */
  readonly blockRequests: ((suffix: string) => Promise<() => Promise<void>>) | undefined;
  /**
   * Runs `source` in every document this page loads from now on, before the page's own scripts
   * (`undefined` when the engine cannot).
   */
  readonly addInitScript: ((source: string) => Promise<void>) | undefined;
}

/** An engine's browser: fresh contexts (own cookies and storage), one page each to begin with. */
export interface E2EBrowser {
  readonly engine: Engine;
  newPage(options?: ContextOptions): Promise<E2EPage>;
  /** Closes every context opened so far. */
  closeContexts(): Promise<void>;
  close(): Promise<void>;
}

/** Why a capability is missing in an engine, as the skip reason the runner prints. */
export const MISSING: Readonly<Record<Engine, Partial<Record<Capability, string>>>> = {
  chromium: {},
  firefox: {},
  webkit: {
    intercept:
      'WebKitGTK: WebDriver classic cannot intercept requests or run a script before the page’s own',
    locale:
      'WebKitGTK: the MiniBrowser speaks the system locale, and this machine has only C (no ru/kk/en locale to switch to)',
    narrow: 'WebKitGTK: the MiniBrowser window is never narrower than 447 px',
    'invalid-user-agent':
      'WebKitGTK: the MiniBrowser keeps its own user agent unless --user-agent is a valid User-Agent header (RFC 9110 §10.1.5), which "[…]" (WhatsApp’s, Facebook’s) and "Line/8.4.1/IAB" are not',
  },
};

/** What some tests need beyond the common interface. */
export type Capability = 'intercept' | 'locale' | 'narrow' | 'invalid-user-agent';

/** Turns a ` >>> ` selector into the script that finds its element, or null (runs in the page). */
export const FIND_SCRIPT = `function find(selector) {
  let scope = document;
  const steps = selector.split(' >>> ');
  for (let i = 0; i < steps.length; i++) {
    const found = scope.querySelector(steps[i]);
    if (found === null) return null;
    if (i === steps.length - 1) return found;
    if (found.shadowRoot === null) return null;
    scope = found.shadowRoot;
  }
  return null;
}`;

/** Polls `check` until it returns a value other than undefined, or fails after WAIT_MS with `what`. */
export async function poll<T>(check: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Waited ${WAIT_MS / 1000} s for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
