// Popup sign-in end to end: the demo's popup page against the sandbox, in each engine.
// The page stays put; the sandbox's login and consent happen in the popup, whose redirect page
// (the same page and element) forwards the callback to the opener, which validates it, closes the
// popup and has its backend exchange the code.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  asShown,
  clickSignIn,
  consent,
  countOf,
  DEMO_CLIENT_ID,
  EXPECTED_PROFILE,
  isHidden,
  logIn,
  shownError,
  shownProfile,
  signInButton,
  textOf,
  type Page,
  useDemo,
  TEST_TIMEOUT_MS,
} from './harness.js';

const run = useDemo();

/** Clicks the popup page's button and returns the popup window it opened. */
async function openPopup(page: Page): Promise<Page> {
  return page.waitForPopup(() => clickSignIn(page, 'popup'));
}

describe('popup sign-in through the demo against the sandbox', () => {
  it(
    'shows the exact profile on the page that stayed, and the popup closes',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const page = await run.open('popup');
      const popup = await openPopup(page);
      await logIn(popup, run.demo.sandboxUrl);
      await consent(popup);

      const profile = await shownProfile(page);

      assert.deepEqual(
        Object.fromEntries(Object.keys(EXPECTED_PROFILE).map((claim) => [claim, profile[claim]])),
        asShown(EXPECTED_PROFILE),
      );
      assert.equal(profile.aud, DEMO_CLIENT_ID);
      await popup.waitForClose();
      assert.equal(await page.url(), run.demo.pages.popup, 'the page never navigated');
      assert.equal(await isHidden(page, '#error'), true);
    },
  );

  it(
    'reports popup_closed when the user closes the popup, and the button is ready again',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const page = await run.open('popup');
      const popup = await openPopup(page);
      await popup.waitForURL((url) => url.href.startsWith(`${run.demo.sandboxUrl}/interaction/`));
      assert.equal(await page.windows(), 2, 'the page and its popup');
      // The page's console errors, as the developer would read them.
      await page.evaluate(() => {
        const logged: string[] = [];
        Object.assign(window, { logged });
        const log = console.error.bind(console);
        console.error = (...args: unknown[]) => {
          logged.push(args.map(String).join(' '));
          log(...args);
        };
      });
      await popup.close();

      assert.deepEqual(await shownError(page), { code: 'popup_closed', backendCode: null });
      assert.equal(await page.windows(), 1, 'the popup is gone');
      assert.equal(
        await textOf(page, '#error'),
        'The sign-in window was closed before you finished. Try again.',
      );
      const logged = await page.evaluate(() => (window as unknown as { logged: string[] }).logged);
      assert.ok(
        logged.some((text) => text.startsWith('Sign-in failed (popup_closed): ')),
        'the developer detail is in the console',
      );
      await page.waitForFunction(([host, css]) => {
        const button = document.querySelector(host)?.shadowRoot?.querySelector(css);
        return button instanceof HTMLButtonElement && button.getAttribute('aria-busy') === null;
      }, signInButton('popup').split(' >>> '));
      assert.equal(
        await page.evaluate(
          ([host, css]) =>
            (document.querySelector(host)?.shadowRoot?.querySelector(css) as HTMLButtonElement)
              .disabled,
          signInButton('popup').split(' >>> '),
        ),
        false,
      );
    },
  );

  it(
    'forgets the earlier “Signed in as …” when a later sign-in fails',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const page = await run.open('popup');
      const first = await openPopup(page);
      await logIn(first, run.demo.sandboxUrl);
      await consent(first);
      await shownProfile(page);
      await first.waitForClose();
      // Without the sandbox's session cookie, the second popup stops at the sign-in page.
      await page.clearCookies();

      const second = await openPopup(page);
      await second.waitForURL((url) => url.href.startsWith(`${run.demo.sandboxUrl}/interaction/`));
      await second.close();

      assert.deepEqual(await shownError(page), { code: 'popup_closed', backendCode: null });
      assert.equal(await textOf(page, '#status'), '');
      assert.equal(await countOf(page, '#profile dd'), 0);
    },
  );
});
