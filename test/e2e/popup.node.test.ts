// Popup sign-in end to end: the demo's popup page against the sandbox, in Debian's Chromium.
// The page stays put; the sandbox's login and consent happen in the popup, whose redirect page
// (the same page and element) forwards the callback to the opener, which validates it, closes the
// popup and has its backend exchange the code.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  asShown,
  clickSignIn,
  consent,
  DEMO_CLIENT_ID,
  EXPECTED_PROFILE,
  logIn,
  shownError,
  shownProfile,
  WAIT_MS,
  useDemo,
} from './harness.js';

const TEST_TIMEOUT = 90_000;

const run = useDemo();

/** Clicks the popup page's button and returns the popup window it opened. */
async function openPopup(page: Page): Promise<Page> {
  const [popup] = await Promise.all([
    page.context().waitForEvent('page', { timeout: WAIT_MS }),
    clickSignIn(page, 'popup'),
  ]);
  return popup;
}

async function closed(popup: Page): Promise<void> {
  if (!popup.isClosed()) await popup.waitForEvent('close', { timeout: WAIT_MS });
}

describe('popup sign-in through the demo against the sandbox', () => {
  it(
    'shows the exact profile on the page that stayed, and the popup closes',
    { timeout: TEST_TIMEOUT },
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
      await closed(popup);
      assert.equal(page.url(), run.demo.pages.popup, 'the page never navigated');
      assert.equal(await page.locator('#error').isHidden(), true);
      await page.context().close();
    },
  );

  it(
    'reports popup_closed when the user closes the popup, and the button is ready again',
    { timeout: TEST_TIMEOUT },
    async () => {
      const page = await run.open('popup');
      const popup = await openPopup(page);
      await popup.waitForURL((url) => url.href.startsWith(`${run.demo.sandboxUrl}/interaction/`));
      const logged: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') logged.push(message.text());
      });
      await popup.close();

      assert.deepEqual(await shownError(page), { code: 'popup_closed', backendCode: null });
      assert.equal(
        await page.locator('#error').textContent(),
        'The sign-in window was closed before you finished. Try again.',
      );
      assert.ok(
        logged.some((text) => text.startsWith('Sign-in failed (popup_closed): ')),
        'the developer detail is in the console',
      );
      const button = page.locator('freedomid-login').locator('button[part="button"]');
      await button.and(page.locator(':not([aria-busy="true"])')).waitFor({ timeout: WAIT_MS });
      assert.equal(await button.isEnabled(), true);
      await page.context().close();
    },
  );

  it(
    'forgets the earlier “Signed in as …” when a later sign-in fails',
    { timeout: TEST_TIMEOUT },
    async () => {
      const page = await run.open('popup');
      const first = await openPopup(page);
      await logIn(first, run.demo.sandboxUrl);
      await consent(first);
      await shownProfile(page);
      await closed(first);
      // Without the sandbox's session cookie, the second popup stops at the sign-in page.
      await page.context().clearCookies();

      const second = await openPopup(page);
      await second.waitForURL((url) => url.href.startsWith(`${run.demo.sandboxUrl}/interaction/`));
      await second.close();

      assert.deepEqual(await shownError(page), { code: 'popup_closed', backendCode: null });
      assert.equal(await page.locator('#status').textContent(), '');
      assert.equal(await page.locator('#profile dd').count(), 0);
      await page.context().close();
    },
  );
});
