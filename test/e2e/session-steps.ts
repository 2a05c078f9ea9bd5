// Steps the session e2e tests share: read the demo's session as the page would, and sign in at the
// standard-shaped sandbox without an element (the demo has no page for that backend).
import assert from 'node:assert/strict';
import { BASE_PATH, STANDARD_BASE_PATH } from '../../demo/site/backend.js';
import type { FreedomIdSession } from '../../src/index.js';
import { authorizationUrl, consent, logIn, type Page } from './harness.js';

/** What `GET {basePath}/session` answers the page: the session, or null when signed out. */
export function readSession(page: Page, basePath = BASE_PATH): Promise<FreedomIdSession | null> {
  return page.evaluate(async (path) => {
    const reply = (await (await fetch(`${path}/session`)).json()) as {
      session: FreedomIdSession | null;
    };
    return reply.session;
  }, basePath);
}

/** The `sub` of the session `GET {basePath}/session` answers the page, or null when signed out. */
export async function sessionSub(page: Page, basePath = BASE_PATH): Promise<string | null> {
  return (await readSession(page, basePath))?.sub ?? null;
}

/**
 * Signs in at the standard-shaped sandbox for the demo's second backend: its params, the
 * provider's login and consent, and the callback POSTed as the SDK would; ends on `redirectUri`.
 */
export async function signInStandard(
  page: Page,
  standardUrl: string,
  redirectUri: string,
): Promise<void> {
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
