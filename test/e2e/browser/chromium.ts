// Debian's Chromium through playwright-core, behind the e2e page interface.
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, browserPath } from '../../../scripts/browser-path.mjs';
import { WAIT_MS, type ContextOptions, type E2EBrowser, type E2EPage } from './page.js';

/** Playwright's CSS engine pierces open shadow roots by itself. */
const css = (selector: string) => selector.replaceAll(' >>> ', ' ');

function wrap(page: Page): E2EPage {
  return {
    engine: 'chromium',
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
    click: (selector) => page.locator(css(selector)).first().click(),
    fill: (selector, value) => page.locator(css(selector)).first().fill(value),
    waitForSelector: (selector) =>
      page.locator(css(selector)).first().waitFor({ state: 'attached' }),
    waitForURL: async (test) => {
      await page.waitForURL(test);
      return new URL(page.url());
    },
    evaluate: (fn, arg) => page.evaluate(fn, arg as never),
    waitForFunction: async (fn, arg) =>
      (await page.waitForFunction(fn, arg as never, { timeout: WAIT_MS })).jsonValue(),
    waitForPopup: async (action) => {
      const [popup] = await Promise.all([page.context().waitForEvent('page'), action()]);
      return wrap(popup);
    },
    close: () => page.close(),
    waitForClose: async () => {
      if (!page.isClosed()) await page.waitForEvent('close');
    },
    windows: () => Promise.resolve(page.context().pages().length),
    clearCookies: () => page.context().clearCookies(),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    blockRequests: async (suffix) => {
      await page.route(`**/*${suffix}`, (route) => route.abort());
      return () => page.unroute(`**/*${suffix}`);
    },
    addInitScript: async (source) => {
      await page.addInitScript(source);
    },
  };
}

export async function launchChromium(): Promise<E2EBrowser> {
  const browser = await chromium.launch({
    executablePath: browserPath('chromium'),
    args: CHROMIUM_ARGS,
    timeout: WAIT_MS,
  });
  const contexts: BrowserContext[] = [];
  return {
    engine: 'chromium',
    newPage: async ({ locale, userAgent }: ContextOptions = {}) => {
      const context = await browser.newContext({
        ...(locale === undefined ? {} : { locale }),
        ...(userAgent === undefined ? {} : { userAgent }),
      });
      contexts.push(context);
      context.setDefaultTimeout(WAIT_MS);
      context.setDefaultNavigationTimeout(WAIT_MS);
      return wrap(await context.newPage());
    },
    closeContexts: async () => {
      await Promise.all(contexts.splice(0).map((context) => context.close()));
    },
    close: () => browser.close(),
  };
}
