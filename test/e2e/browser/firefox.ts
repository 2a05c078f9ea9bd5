// Firefox ESR through puppeteer-core over WebDriver BiDi (no geckodriver), behind the e2e page interface.
import puppeteer, { type BrowserContext, type Page } from 'puppeteer-core';
import { browserPath } from '../../../scripts/browser-path.mjs';
import { poll, WAIT_MS, type ContextOptions, type E2EBrowser, type E2EPage } from './page.js';

/** Each page's interception rules: URL suffixes that fail. */
const blocked = new WeakMap<Page, string[]>();

async function wrap(page: Page, options: ContextOptions): Promise<E2EPage> {
  page.setDefaultTimeout(WAIT_MS);
  page.setDefaultNavigationTimeout(WAIT_MS);
  // A popup inherits neither; set them on every page of the context.
  if (options.userAgent !== undefined) await page.setUserAgent({ userAgent: options.userAgent });
  if (options.locale !== undefined)
    await page.setExtraHTTPHeaders({ 'accept-language': options.locale });
  const self: E2EPage = {
    engine: 'firefox',
    goto: async (url) => (await page.goto(url))?.status(),
    url: () => Promise.resolve(page.url()),
    reload: async () => {
      await page.reload();
    },
    goBack: async () => {
      await page.goBack();
    },
    goForward: async () => {
      await page.goForward();
    },
    click: async (selector) => {
      await page.waitForSelector(selector);
      await page.click(selector);
    },
    fill: async (selector, value) => {
      await page.waitForSelector(selector);
      await page.$eval(selector, (input) => ((input as HTMLInputElement).value = ''));
      await page.type(selector, value);
    },
    waitForSelector: async (selector) => {
      await page.waitForSelector(selector);
    },
    waitForURL: (test) =>
      poll(() => {
        const url = new URL(page.url());
        return Promise.resolve(test(url) ? url : undefined);
      }, 'the page’s URL to change'),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg),
    waitForFunction: async (fn, arg) =>
      (await (
        await page.waitForFunction(fn as (arg: unknown) => unknown, { timeout: WAIT_MS }, arg)
      ).jsonValue()) as never,
    waitForPopup: async (action) => {
      const opened = new Promise<Page | null>((resolve) => page.once('popup', resolve));
      await action();
      const popup = await opened;
      if (popup === null) throw new Error('The popup closed before puppeteer saw it.');
      return wrap(popup, options);
    },
    close: () => page.close(),
    waitForClose: () =>
      page.isClosed() ? Promise.resolve() : new Promise((resolve) => page.once('close', resolve)),
    windows: async () => (await page.browserContext().pages()).length,
    clearCookies: async () => {
      const context = page.browserContext();
      await context.deleteCookie(...(await context.cookies()));
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    blockRequests: async (suffix) => {
      const rules = blocked.get(page) ?? [];
      if (rules.length === 0) {
        await page.setRequestInterception(true);
        page.on('request', (request) => {
          if (rules.some((rule) => request.url().endsWith(rule))) void request.abort();
          else void request.continue();
        });
      }
      rules.push(suffix);
      blocked.set(page, rules);
      return () => {
        rules.splice(rules.indexOf(suffix), 1);
        return Promise.resolve();
      };
    },
    addInitScript: async (source) => {
      await page.evaluateOnNewDocument(source);
    },
  };
  return self;
}

export async function launchFirefox(): Promise<E2EBrowser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserPath('firefox'),
    headless: true,
    timeout: WAIT_MS,
    protocolTimeout: WAIT_MS * 2,
  });
  const contexts: BrowserContext[] = [];
  return {
    engine: 'firefox',
    newPage: async (options: ContextOptions = {}) => {
      const context = await browser.createBrowserContext();
      contexts.push(context);
      return wrap(await context.newPage(), options);
    },
    closeContexts: async () => {
      await Promise.all(contexts.splice(0).map((context) => context.close()));
    },
    close: () => browser.close(),
  };
}
