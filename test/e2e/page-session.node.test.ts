// The page side of the merchant's session, end to end: the demo's element page (session-url)
// against the sandbox (Freedom ID's shape). Sign in → the page reads the exact sub → a reload and a
// second tab of the same browser are still signed in → signing out in one tab clears both
// (BroadcastChannel) and GET {basePath}/session then answers signed out.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BASE_PATH } from '../../demo/site/backend.js';
import {
  clickSignIn,
  consent,
  DEMO_USER,
  logIn,
  shownProfile,
  signInButton,
  textOf,
  useDemo,
  type Page,
} from './harness.js';

const TEST_TIMEOUT = 90_000;
const SIGN_OUT = 'freedomid-login >>> button[part="sign-out"]';

const run = useDemo();

/** What `GET {basePath}/session` answers the page: the session's `sub`, or null when signed out. */
function sessionSub(page: Page): Promise<string | null> {
  return page.evaluate(async (path) => {
    const reply = (await (await fetch(`${path}/session`)).json()) as {
      session: { sub: string } | null;
    };
    return reply.session === null ? null : reply.session.sub;
  }, BASE_PATH);
}

/** Waits until the element shows the signed-in state, and returns the name it shows. */
async function shownName(page: Page): Promise<string | null> {
  await page.waitForSelector(SIGN_OUT);
  return textOf(page, 'freedomid-login >>> [part="name"]');
}

describe('the signed-in state on the page, against the sandbox', () => {
  it(
    'survives a reload and a second tab, and a sign-out in one tab clears both',
    { timeout: TEST_TIMEOUT },
    async () => {
      const page = await run.open('element');
      await clickSignIn(page, 'element');
      await logIn(page, run.demo.sandboxUrl);
      await consent(page);
      await shownProfile(page);

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
    { timeout: TEST_TIMEOUT },
    async () => {
      const page = await run.open('element');
      await clickSignIn(page, 'element');
      await logIn(page, run.demo.sandboxUrl);
      await consent(page);
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
});
