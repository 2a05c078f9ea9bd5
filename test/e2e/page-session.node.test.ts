// The page side of the merchant's session, end to end: the demo's element page (session-url)
// against the sandbox (Freedom ID's shape). Sign in → the page reads the exact sub → a reload and a
// second tab of the same browser are still signed in → signing out in one tab clears both
// (BroadcastChannel) and GET {basePath}/session then answers signed out.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BASE_PATH, STANDARD_BASE_PATH } from '../../demo/site/backend.js';
import {
  authorizationUrl,
  clickSignIn,
  consent,
  DEMO_CLIENT_ID,
  DEMO_USER,
  logIn,
  shownProfile,
  signInButton,
  TEST_TIMEOUT_MS,
  textOf,
  useDemo,
  type Page,
} from './harness.js';

const SIGN_OUT = 'freedomid-login >>> button[part="sign-out"]';

const run = useDemo();

/** What `GET {basePath}/session` answers the page: the session's `sub`, or null when signed out. */
function sessionSub(page: Page, basePath = BASE_PATH): Promise<string | null> {
  return page.evaluate(async (path) => {
    const reply = (await (await fetch(`${path}/session`)).json()) as {
      session: { sub: string } | null;
    };
    return reply.session === null ? null : reply.session.sub;
  }, basePath);
}

/**
 * Signs in at the standard-shaped sandbox for the demo's second backend: its params, the
 * provider's login and consent, and the callback POSTed as the SDK would; ends on the site's root page.
 */
async function signInStandard(page: Page, standardUrl: string, redirectUri: string): Promise<void> {
  const params = await page.evaluate(async (path) => {
    const reply = await fetch(`${path}/params`);
    return (await reply.json()) as { state: string; nonce: string; codeChallenge: string };
  }, STANDARD_BASE_PATH);
  await page.goto(
    authorizationUrl(new URL('authorize', standardUrl).href, redirectUri, {
      state: params.state,
      nonce: params.nonce,
      code_challenge: params.codeChallenge,
      code_challenge_method: 'S256',
    }),
  );
  await logIn(page, new URL(standardUrl).origin);
  await consent(page);
  const back = await page.waitForURL(
    (url) => url.href.startsWith(redirectUri) && url.searchParams.has('code'),
  );
  const status = await page.evaluate(
    async ([path, body]) =>
      (
        await fetch(`${path}/callback`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).status,
    [
      STANDARD_BASE_PATH,
      {
        code: back.searchParams.get('code'),
        state: back.searchParams.get('state'),
        redirectUri,
      },
    ] as const,
  );
  assert.equal(status, 200);
}

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
    { timeout: TEST_TIMEOUT_MS },
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
      assert.ok(logoutUrl.searchParams.get('id_token_hint'), 'the id_token_hint is sent');
      assert.equal(await sessionSub(page, STANDARD_BASE_PATH), null);
    },
  );
});
