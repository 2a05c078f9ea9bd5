// Signing out at the provider ends the merchant's session: the Freedom ID shape POSTs
// {"id": "<token id>"} to the demo's revoke URI, the standard shape sends a back-channel
// logout_token; the demo's next GET {basePath}/session reads signed out.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BASE_PATH, STANDARD_BASE_PATH } from '../../demo/site/backend.js';
import { DEMO_USER, textOf, useDemo, type Page, TEST_TIMEOUT_MS, signedInPage } from './harness.js';
import { sessionSub, signInStandard } from './session-steps.js';

const run = useDemo();

/**
 * Signs out of the provider at `issuer` on its own page (in `locale`, asked with `ui_locales` as
 * RP-Initiated Logout 1.0 §2 allows), with its "Sign out of Freedom ID" button; returns the label.
 */
async function signOutAt(page: Page, issuer: string, locale: string): Promise<string | null> {
  const url = new URL('session/end', issuer.endsWith('/') ? issuer : `${issuer}/`);
  url.searchParams.set('ui_locales', locale);
  await page.goto(url.href);
  await page.waitForSelector('#sign-out');
  const label = await textOf(page, '#sign-out');
  await page.click('#sign-out');
  await page.waitForSelector('#signed-out');
  return label;
}

describe('signing out at the sandbox ends the demo session', () => {
  it(
    "Freedom ID's shape: its revoke call to the demo's revoke_uri",
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const page = await signedInPage(run, 'element');
      assert.equal(await sessionSub(page, BASE_PATH), DEMO_USER.claims.sub);

      const label = await signOutAt(page, run.demo.sandboxUrl, 'en');

      assert.equal(label, 'Sign out of Freedom ID');
      await page.goto(run.demo.pages.element);
      assert.equal(await sessionSub(page, BASE_PATH), null);
    },
  );

  it(
    'the standard shape: its back-channel logout_token to the demo',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const { standardUrl, standardRedirectUri } = run.demo;
      const page = await run.openUrl(standardRedirectUri);
      await signInStandard(page, standardUrl, standardRedirectUri);
      assert.equal(await sessionSub(page, STANDARD_BASE_PATH), DEMO_USER.claims.sub);

      const label = await signOutAt(page, standardUrl, 'kk');

      assert.equal(label, 'Freedom ID жүйесінен шығу');
      await page.goto(standardRedirectUri);
      assert.equal(await sessionSub(page, STANDARD_BASE_PATH), null);
    },
  );
});
