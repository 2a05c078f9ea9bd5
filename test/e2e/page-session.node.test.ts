// The page side of the merchant's session, end to end: the demo's element page (session-url)
// against the sandbox (Freedom ID's shape). Sign in → the page reads the exact sub → a reload and a
// second tab of the same browser are still signed in → signing out in one tab clears both
// (BroadcastChannel) and GET {basePath}/session then answers signed out.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import { STANDARD_BASE_PATH } from '../../demo/site/backend.js';
import {
  DEMO_CLIENT_ID,
  DEMO_USER,
  signInButton,
  TEST_TIMEOUT_MS,
  textOf,
  useDemo,
  type Page,
  signedInPage,
} from './harness.js';
import { sessionSub, signInStandard } from './session-steps.js';

const SIGN_OUT = 'freedomid-login >>> button[part="sign-out"]';

const run = useDemo();

/** Waits until the element shows the signed-in state, and returns the name it shows. */
async function shownName(page: Page): Promise<string | null> {
  await page.waitForSelector(SIGN_OUT);
  return textOf(page, 'freedomid-login >>> [part="name"]');
}

describe('the signed-in state on the page, against the sandbox', () => {
  it(
    'survives a reload and a second tab, and a sign-out in one tab clears both',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const page = await signedInPage(run, 'element');

      assert.equal(await shownName(page), DEMO_USER.claims.name);
      assert.equal(await sessionSub(page), DEMO_USER.claims.sub);

      await page.reload();
      assert.equal(await shownName(page), DEMO_USER.claims.name);
      assert.equal(await sessionSub(page), DEMO_USER.claims.sub);

      const second = await page.waitForPopup(() => page.click('#second-tab'));
      assert.equal(await shownName(second), DEMO_USER.claims.name);
      assert.equal(await sessionSub(second), DEMO_USER.claims.sub);
      assert.equal((await textOf(second, SIGN_OUT))?.trim(), 'Sign out');

      await second.click(SIGN_OUT);

      await second.waitForSelector(signInButton('element'));
      await page.waitForSelector(signInButton('element'));
      assert.equal(await sessionSub(page), null);
      assert.equal(await sessionSub(second), null);
      assert.equal(await textOf(page, '#status'), '');
    },
  );

  it(
    "reads signed out after the sandbox's own sign-out page (its revoke call)",
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const page = await signedInPage(run, 'element');
      assert.equal(await shownName(page), DEMO_USER.claims.name);

      await page.click('#provider-sign-out');
      await page.waitForSelector('#sign-out');
      await page.click('#sign-out');
      await page.waitForSelector('#signed-out');
      await page.goto(run.demo.pages.element);

      await page.waitForSelector(signInButton('element'));
      assert.equal(await sessionSub(page), null);
    },
  );

  it(
    "the standard shape: the element's sign-out answers the provider's logout URL (RP-initiated logout)",
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const { standardUrl, standardRedirectUri } = run.demo;
      const page = await run.openUrl(standardRedirectUri);
      await signInStandard(page, standardUrl, standardRedirectUri);
      // The script-tag build on the site's root page, with an element on the standard backend.
      await page.evaluate(
        ([path, clientId]) =>
          new Promise<void>((resolve, reject) => {
            const script = document.createElement('script');
            script.src = '/dist/freedomid.iife.js';
            script.onload = () => {
              const el = document.createElement('freedomid-login');
              el.setAttribute('client-id', clientId);
              el.setAttribute('session-url', `${path}/session`);
              el.setAttribute('locale', 'en');
              el.addEventListener('freedomid-signed-out', (event) => {
                document.body.dataset.signedOut = JSON.stringify(event.detail);
              });
              document.body.prepend(el);
              resolve();
            };
            script.onerror = () => {
              reject(new Error('the script-tag build did not load'));
            };
            document.head.append(script);
          }),
        [STANDARD_BASE_PATH, DEMO_CLIENT_ID] as const,
      );

      assert.equal(await shownName(page), DEMO_USER.claims.name);
      await page.click(SIGN_OUT);
      await page.waitForSelector('body[data-signed-out]');

      const detail = JSON.parse(
        await page.evaluate(() => document.body.dataset.signedOut ?? ''),
      ) as { logoutUrl: string };
      const logoutUrl = new URL(detail.logoutUrl);
      assert.deepEqual(
        [logoutUrl.origin + logoutUrl.pathname, logoutUrl.searchParams.get('client_id')],
        [new URL('session/end', standardUrl).href, DEMO_CLIENT_ID],
      );
      // The hint is the id_token of this very sign-in: the user's sub, issued to this client.
      const hint = decodeJwt(logoutUrl.searchParams.get('id_token_hint') ?? '');
      assert.deepEqual([hint.sub, hint.aud], [DEMO_USER.claims.sub, DEMO_CLIENT_ID]);
      assert.equal(await sessionSub(page, STANDARD_BASE_PATH), null);
    },
  );
});
