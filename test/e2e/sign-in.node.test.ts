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
  type PageName,
  useDemo,
} from './harness.js';

const PAGE_NAMES: PageName[] = ['script-tag', 'element', 'js-api'];
const TEST_TIMEOUT = 90_000;

const run = useDemo();

/** Signs in through `name` up to the shown profile. */
async function signIn(name: PageName): Promise<Page> {
  const page = await run.open(name);
  await clickSignIn(page, name);
  await logIn(page, run.demo.sandboxUrl);
  await consent(page);
  await shownProfile(page);
  return page;
}

describe('sign-in through the demo against the sandbox', () => {
  for (const name of PAGE_NAMES) {
    describe(`on the ${name} page`, () => {
      it('shows the exact profile the backend validated', { timeout: TEST_TIMEOUT }, async () => {
        const page = await signIn(name);

        const profile = await shownProfile(page);

        assert.deepEqual(
          Object.fromEntries(Object.keys(EXPECTED_PROFILE).map((claim) => [claim, profile[claim]])),
          asShown(EXPECTED_PROFILE),
        );
        assert.equal(profile.iss, run.demo.sandboxUrl);
        assert.equal(profile.aud, DEMO_CLIENT_ID);
        assert.equal(new URL(page.url()).search, '', 'the callback parameters are removed');
        assert.equal(await page.locator('#error').isHidden(), true);
        await page.context().close();
      });
    });
  }

  for (const name of ['element', 'js-api'] as const) {
    it(
      `shows provider_error / access_denied when the user cancels (${name} page)`,
      { timeout: TEST_TIMEOUT },
      async () => {
        const page = await run.open(name);
        await clickSignIn(page, name);
        await logIn(page, run.demo.sandboxUrl);

        await page.getByRole('button', { name: 'Cancel' }).click();

        assert.deepEqual(await shownError(page), { code: 'provider_error', backendCode: null });
        assert.equal(
          await page.locator('#error').textContent(),
          'You cancelled the sign-in. You can try again at any time.',
        );
        assert.equal(await page.locator('#profile dd').count(), 0);
        await page.context().close();
      },
    );
  }

  it(
    'does not sign in again when the user goes back after signing in',
    { timeout: TEST_TIMEOUT },
    async () => {
      const page = await signIn('js-api');

      await page.goBack();

      // Back lands on the sandbox's finished interaction, which issues no new code but links back.
      await page.locator('#stale').waitFor();
      assert.ok(page.url().startsWith(`${run.demo.sandboxUrl}/interaction/`));
      assert.equal(await page.locator('#back').getAttribute('href'), run.demo.pages['js-api']);
      await page.goForward();
      await page.locator('#sign-in').waitFor();
      assert.equal(new URL(page.url()).search, '');
      assert.equal(await page.locator('#profile dd').count(), 0);
      assert.equal(await page.locator('#error').isHidden(), true);
      await page.context().close();
    },
  );

  it(
    'shows a clean page, without an error, when the callback page is refreshed',
    { timeout: TEST_TIMEOUT },
    async () => {
      const page = await signIn('element');

      await page.reload();

      await page.locator('freedomid-login').locator('button[part="button"]').waitFor();
      assert.equal(new URL(page.url()).search, '');
      assert.equal(await page.locator('#profile dd').count(), 0);
      assert.equal(await page.locator('#error').isHidden(), true);
      await page.context().close();
    },
  );

  it(
    'refuses a replayed callback URL with state_not_found',
    { timeout: TEST_TIMEOUT },
    async () => {
      const page = await run.open('js-api');
      await clickSignIn(page, 'js-api');
      await logIn(page, run.demo.sandboxUrl);
      const callback = page.waitForRequest((request) => request.url().includes('code='));
      await consent(page);
      const callbackUrl = (await callback).url();
      await shownProfile(page);

      await page.goto(callbackUrl);

      assert.deepEqual(await shownError(page), { code: 'state_not_found', backendCode: null });
      await page.context().close();
    },
  );

  for (const name of ['script-tag', 'js-api'] as const) {
    it(
      `refuses a tampered state in the callback URL with state_not_found (${name} page)`,
      { timeout: TEST_TIMEOUT },
      async () => {
        const page = await run.open(name);
        // Load the real callback without the SDK (its request stays stored), then forge its state.
        const sdkScript = name === 'js-api' ? '**/demo/js-api.js' : '**/dist/freedomid.iife.js';
        await clickSignIn(page, name);
        await logIn(page, run.demo.sandboxUrl);
        await page.route(sdkScript, (route) => route.abort());
        await consent(page);
        await page.waitForURL((url) => url.searchParams.has('code'));
        await page.unroute(sdkScript);
        const callbackUrl = new URL(page.url());
        callbackUrl.searchParams.set('state', 'tampered');

        await page.goto(callbackUrl.href);

        assert.deepEqual(await shownError(page), { code: 'state_not_found', backendCode: null });
        assert.equal(await page.locator('#profile dd').count(), 0);
        await page.context().close();
      },
    );
  }

  /** Signs in on the JS API page with the hand-off to the backend altered by `alter`. */
  async function signInWithHandOff(
    alter: (body: Record<string, unknown>) => object,
  ): Promise<Page> {
    const page = await run.open('js-api');
    await page.route('**/api/freedomid/callback', async (route) => {
      const body = route.request().postDataJSON() as Record<string, unknown>;
      await route.continue({ postData: JSON.stringify(alter(body)) });
    });
    await clickSignIn(page, 'js-api');
    await logIn(page, run.demo.sandboxUrl);
    await consent(page);
    return page;
  }

  it(
    'has the backend use the nonce and verifier it bound itself: forged ones in the hand-off change nothing',
    { timeout: TEST_TIMEOUT },
    async () => {
      const page = await signInWithHandOff((body) => ({
        ...body,
        nonce: 'not-the-bound-nonce-0000000000',
        codeVerifier: 'not-the-bound-verifier-0000000000000000000000',
      }));

      const profile = await shownProfile(page);

      assert.equal(profile.sub, EXPECTED_PROFILE.sub);
      assert.equal(await page.locator('#error').isHidden(), true);
      await page.context().close();
    },
  );

  it(
    'has the backend refuse a hand-off whose state no sign-in in this browser has (state_mismatch)',
    { timeout: TEST_TIMEOUT },
    async () => {
      const page = await signInWithHandOff((body) => ({ ...body, state: 'x'.repeat(43) }));

      assert.deepEqual(await shownError(page), {
        code: 'backend_error',
        backendCode: 'state_mismatch',
      });
      assert.equal(await page.locator('#profile dd').count(), 0);
      await page.context().close();
    },
  );
});
