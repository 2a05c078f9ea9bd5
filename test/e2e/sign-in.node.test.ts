import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  asShown,
  clickSignIn,
  consent,
  countOf,
  DEMO_CLIENT_ID,
  EXPECTED_PROFILE,
  attributeOf,
  isHidden,
  loadedUrl,
  logIn,
  textOf,
  type Page,
  shownError,
  shownProfile,
  type PageName,
  unsupported,
  useDemo,
  TEST_TIMEOUT_MS,
  signedInPage,
} from './harness.js';

const PAGE_NAMES: PageName[] = ['script-tag', 'element', 'js-api'];

const run = useDemo();

/** Signs in through `name` up to the shown profile. */
const signIn = (name: PageName): Promise<Page> => signedInPage(run, name);

describe('sign-in through the demo against the sandbox', () => {
  for (const name of PAGE_NAMES) {
    describe(`on the ${name} page`, () => {
      it(
        'shows the exact profile the backend validated',
        { timeout: TEST_TIMEOUT_MS },
        async () => {
          const page = await signIn(name);

          const profile = await shownProfile(page);

          assert.deepEqual(
            Object.fromEntries(
              Object.keys(EXPECTED_PROFILE).map((claim) => [claim, profile[claim]]),
            ),
            asShown(EXPECTED_PROFILE),
          );
          assert.equal(profile.iss, run.demo.sandboxUrl);
          assert.equal(profile.aud, DEMO_CLIENT_ID);
          assert.equal(new URL(await page.url()).search, '', 'the callback parameters are removed');
          assert.equal(await isHidden(page, '#error'), true);
        },
      );
    });
  }

  for (const name of ['element', 'js-api'] as const) {
    it(
      `shows provider_error / access_denied when the user cancels (${name} page)`,
      { timeout: TEST_TIMEOUT_MS },
      async () => {
        const page = await run.open(name);
        await clickSignIn(page, name);
        await logIn(page, run.demo.sandboxUrl);

        await page.click('#cancel button');

        assert.deepEqual(await shownError(page), { code: 'provider_error', backendCode: null });
        assert.equal(
          await textOf(page, '#error'),
          'You cancelled the sign-in. You can try again at any time.',
        );
        assert.equal(await countOf(page, '#profile dd'), 0);
      },
    );
  }

  it(
    'does not sign in again when the user goes back after signing in',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const page = await signIn('js-api');

      await page.goBack();

      // Back lands on the sandbox's finished interaction, which issues no new code but links back.
      // WebKit shows the consent page from its back-forward cache instead (no-store or not): Allow
      // there reaches the same finished interaction.
      await page.waitForSelector('#stale, form#consent');
      const fromCache = (await countOf(page, 'form#consent')) > 0;
      if (fromCache) await consent(page);
      await page.waitForSelector('#stale');
      assert.ok((await page.url()).startsWith(`${run.demo.sandboxUrl}/interaction/`));
      assert.equal(await attributeOf(page, '#back', 'href'), run.demo.pages['js-api']);
      // After Allow the forward entry is gone: the link back is the way forward.
      if (fromCache) await page.click('#back');
      else await page.goForward();
      await page.waitForSelector('#sign-in');
      assert.equal(new URL(await page.url()).search, '');
      assert.equal(await countOf(page, '#profile dd'), 0);
      assert.equal(await isHidden(page, '#error'), true);
    },
  );

  it(
    'shows a clean page, without an error, when the callback page is refreshed',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      // The script-tag page: the element page reads its session (session-url) and, rightly, shows
      // the signed-in state after a reload (test/e2e/page-session.node.test.ts).
      const page = await signIn('script-tag');

      await page.reload();

      await page.waitForSelector('freedomid-login >>> button[part="button"]');
      assert.equal(new URL(await page.url()).search, '');
      assert.equal(await countOf(page, '#profile dd'), 0);
      assert.equal(await isHidden(page, '#error'), true);
    },
  );

  it(
    'refuses a replayed callback URL with state_not_found',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const page = await signIn('js-api');
      const callbackUrl = await loadedUrl(page);
      assert.ok(new URL(callbackUrl).searchParams.has('code'), callbackUrl);

      await page.goto(callbackUrl);

      assert.deepEqual(await shownError(page), { code: 'state_not_found', backendCode: null });
    },
  );

  for (const name of ['script-tag', 'js-api'] as const) {
    it(
      `refuses a tampered state in the callback URL with state_not_found (${name} page)`,
      { timeout: TEST_TIMEOUT_MS, skip: unsupported('intercept') },
      async () => {
        const page = await run.open(name);
        // Load the real callback without the SDK (its request stays stored), then forge its state.
        const sdkScript = name === 'js-api' ? '/demo/js-api.js' : '/dist/freedomid.iife.js';
        await clickSignIn(page, name);
        await logIn(page, run.demo.sandboxUrl);
        const unblock = await page.blockRequests?.(sdkScript);
        await consent(page);
        const callbackUrl = await page.waitForURL((url) => url.searchParams.has('code'));
        await unblock?.();
        callbackUrl.searchParams.set('state', 'tampered');

        await page.goto(callbackUrl.href);

        assert.deepEqual(await shownError(page), { code: 'state_not_found', backendCode: null });
        assert.equal(await countOf(page, '#profile dd'), 0);
      },
    );
  }

  /** Signs in on the JS API page with `changes` made to the JSON the page hands to its backend. */
  async function signInWithHandOff(changes: Record<string, string>): Promise<Page> {
    const page = await run.open('js-api');
    // The page's fetch of the hand-off, altered on its way out in every document of this page.
    await page.addInitScript?.(`{
      const send = window.fetch;
      window.fetch = (input, init) =>
        String(input).endsWith('/api/freedomid/callback') && typeof init?.body === 'string'
          ? send(input, { ...init, body: JSON.stringify({ ...JSON.parse(init.body), ...${JSON.stringify(changes)} }) })
          : send(input, init);
    }`);
    await clickSignIn(page, 'js-api');
    await logIn(page, run.demo.sandboxUrl);
    await consent(page);
    return page;
  }

  it(
    'has the backend use the nonce and verifier it bound itself: forged ones in the hand-off change nothing',
    { timeout: TEST_TIMEOUT_MS, skip: unsupported('intercept') },
    async () => {
      const page = await signInWithHandOff({
        nonce: 'not-the-bound-nonce-0000000000',
        codeVerifier: 'not-the-bound-verifier-0000000000000000000000',
      });

      const profile = await shownProfile(page);

      assert.equal(profile.sub, EXPECTED_PROFILE.sub);
      assert.equal(await isHidden(page, '#error'), true);
    },
  );

  it(
    'has the backend refuse a hand-off whose state no sign-in in this browser has (state_mismatch)',
    { timeout: TEST_TIMEOUT_MS, skip: unsupported('intercept') },
    async () => {
      const page = await signInWithHandOff({ state: 'x'.repeat(43) });

      assert.deepEqual(await shownError(page), {
        code: 'backend_error',
        backendCode: 'state_mismatch',
      });
      assert.equal(await countOf(page, '#profile dd'), 0);
    },
  );
});
