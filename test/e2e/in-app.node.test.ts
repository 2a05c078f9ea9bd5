// In-app browsers end to end (#21): the demo's popup page opened with each real user agent of
// test/fixtures/user-agents.ts (a user-agent override per browser context; in WebKitGTK the
// MiniBrowser's --user-agent), in each engine. In every app's browser and WebView the element
// reports the environment, shows its hint with the way out, and a popup-mode click sends this very
// window to the sandbox (no popup); two of them sign in to the end, whose storage and cookies carry
// the sign-in. In a browser of its own, none of that.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AUTHORIZATION_PATH } from '../../src/testing/freedom-id.js';
import {
  COPY,
  ELSEWHERE,
  NOTICE,
  OPEN,
  USER_AGENTS,
  userAgentNamed,
  type SeenUserAgent,
} from '../fixtures/user-agents.js';
import {
  asShown,
  clickSignIn,
  consent,
  DEMO_CLIENT_ID,
  EXPECTED_PROFILE,
  isHidden,
  logIn,
  shownProfile,
  textOf,
  type Page,
  unsupported,
  useDemo,
  TEST_TIMEOUT_MS,
} from './harness.js';

const HINT = 'freedomid-login >>> [part="hint"]';

const LOCALES = ['ru', 'kk', 'en'] as const;

/** Every app's browser and WebView of the fixtures, and every browser of its own. */
const EMBEDDED = USER_AGENTS.filter(({ environment }) => environment.kind !== 'browser');
const BROWSERS = USER_AGENTS.filter(({ environment }) => environment.kind === 'browser');

/** The way out the hint offers on each platform, per locale, and how the test names it. */
const WAY_OUT = {
  android: { texts: OPEN, name: 'the intent link' },
  ios: { texts: COPY, name: 'copy-the-link, no link' },
  other: { texts: ELSEWHERE, name: 'open-it-elsewhere, no link' },
} as const;

/** Where the popup-mode click records what it does, in the page's sessionStorage (per tab, per origin). */
const RECORD = 'e2e:in-app-click';

const run = useDemo();

/** What a fresh element on `page` dispatches as `freedomid-in-app-browser` by its first render (none: []). */
function reportedEnvironments(page: Page): Promise<unknown[]> {
  return page.evaluate(async () => {
    await customElements.whenDefined('freedomid-login');
    const seen: unknown[] = [];
    // Inline, not a named const: tsx would wrap a named function in a helper the page lacks.
    document.addEventListener('freedomid-in-app-browser', (event) => {
      seen.push((event as CustomEvent).detail);
    });
    const probe = document.createElement('freedomid-login') as HTMLElement & {
      updateComplete: Promise<boolean>;
    };
    probe.setAttribute('client-id', 'probe');
    probe.hidden = true;
    document.body.append(probe);
    await probe.updateComplete;
    probe.remove();
    return seen;
  });
}

/** The hint of the page's element once it speaks `locale`, or null when it shows none. */
async function hintIn(page: Page, locale: string): Promise<string | null> {
  await page.evaluate(async (lang) => {
    const element = document.querySelector('freedomid-login') as HTMLElement & {
      locale: string;
      updateComplete: Promise<boolean>;
    };
    element.locale = lang;
    await element.updateComplete;
  }, locale);
  return textOf(page, HINT);
}

/** The href of the hint's link, or null. */
function hintLink(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      document
        .querySelector('freedomid-login')
        ?.shadowRoot?.querySelector('[part="hint-link"]')
        ?.getAttribute('href') ?? null,
  );
}

/**
 * One product (`token ["/" token]`) or comment of a User-Agent header, after optional whitespace
 * (RFC 9110 §10.1.5; as WebKit's isValidUserAgentHeaderValue reads it, without nested comments).
 */
const USER_AGENT_PART =
  /[ \t]*(?:[\w!#$%&'*+.^`|~-]+(?:\/[\w!#$%&'*+.^`|~-]+)?|\((?:[^()\\]|\\.)*\))/y;

/** Whether `userAgent` is a valid User-Agent header, all WebKitGTK takes for --user-agent. */
function isUserAgentHeader(userAgent: string): boolean {
  USER_AGENT_PART.lastIndex = 0;
  while (USER_AGENT_PART.lastIndex < userAgent.length) {
    if (USER_AGENT_PART.exec(userAgent) === null) return false;
  }
  return true;
}

/** Why this engine cannot take `agent`'s user agent, or false. */
function cannotPretend(agent: SeenUserAgent): string | false {
  return !isUserAgentHeader(agent.userAgent) && unsupported('invalid-user-agent');
}

/** Opens the popup page as `agent`'s browser would, checking the override reached the page. */
async function openAs(agent: SeenUserAgent): Promise<Page> {
  const page = await run.open('popup', { userAgent: agent.userAgent });
  assert.equal(await page.evaluate(() => navigator.userAgent), agent.userAgent);
  return page;
}

/**
 * Clicks the popup page's button and waits until THIS window shows the sandbox's sign-in page (the
 * authorization endpoint's next stop); returns the URL the element sent it to (`freedomid-redirect`,
 * read back on the page's origin) and how many windows were open once it got there.
 */
async function clickInPopupMode(page: Page): Promise<{ sent: URL; windows: number }> {
  await page.evaluate((key) => {
    sessionStorage.removeItem(key);
    // Inline, as in reportedEnvironments: the page has no helper of tsx's.
    document.addEventListener('freedomid-redirect', (event) => {
      sessionStorage.setItem(key, (event as CustomEvent<{ url: string }>).detail.url);
    });
  }, RECORD);
  await clickSignIn(page, 'popup');
  await page.waitForURL((url) => url.href.startsWith(`${run.demo.sandboxUrl}/interaction/`));
  const windows = await page.windows();
  // Back on the page's origin in the same tab, whose sessionStorage kept the record.
  await page.goto(run.demo.pages.popup);
  const sent = await page.evaluate((key) => sessionStorage.getItem(key), RECORD);
  assert.ok(sent !== null, 'the element announced its navigation');
  return { sent: new URL(sent), windows };
}

describe('the demo in in-app browsers', () => {
  for (const agent of EMBEDDED) {
    const { platform } = agent.environment;
    it(
      `${agent.name}: reports ${JSON.stringify(agent.environment)}, hints ${WAY_OUT[platform].name} in ru/kk/en, and a popup-mode click sends this window to the sandbox`,
      { timeout: TEST_TIMEOUT_MS, skip: cannotPretend(agent) },
      async () => {
        const page = await openAs(agent);
        assert.deepEqual(await reportedEnvironments(page), [agent.environment]);
        for (const locale of LOCALES) {
          assert.equal(
            await hintIn(page, locale),
            `${NOTICE[locale]} ${WAY_OUT[platform].texts[locale]}`,
          );
        }
        const { host, pathname } = new URL(run.demo.pages.popup);
        assert.equal(
          await hintLink(page),
          platform === 'android' ? `intent://${host}${pathname}#Intent;scheme=http;end` : null,
        );

        const { sent, windows } = await clickInPopupMode(page);
        assert.deepEqual(
          {
            windows,
            endpoint: `${sent.origin}${sent.pathname}`,
            client_id: sent.searchParams.get('client_id'),
            redirect_uri: sent.searchParams.get('redirect_uri'),
          },
          {
            windows: 1,
            endpoint: `${run.demo.sandboxUrl}${AUTHORIZATION_PATH}`,
            client_id: DEMO_CLIENT_ID,
            redirect_uri: run.demo.pages.popup,
          },
        );
      },
    );
  }

  for (const agent of BROWSERS) {
    it(
      `${agent.name}: reports nothing and shows no hint`,
      { timeout: TEST_TIMEOUT_MS },
      async () => {
        const page = await openAs(agent);
        assert.deepEqual(await reportedEnvironments(page), []);
        assert.equal(await hintIn(page, 'en'), null);
      },
    );
  }

  for (const agent of [
    userAgentNamed('Instagram on Android'),
    userAgentNamed('TikTok on iPhone'),
  ]) {
    it(
      `${agent.name}: popup mode signs in by redirect in the same window, to the exact profile`,
      { timeout: TEST_TIMEOUT_MS },
      async () => {
        const page = await openAs(agent);
        await clickSignIn(page, 'popup');
        // No popup: this very window goes to the sandbox and comes back.
        await logIn(page, run.demo.sandboxUrl);
        await consent(page);
        const profile = await shownProfile(page);

        assert.deepEqual(
          Object.fromEntries(Object.keys(EXPECTED_PROFILE).map((claim) => [claim, profile[claim]])),
          asShown(EXPECTED_PROFILE),
        );
        assert.equal(profile.aud, DEMO_CLIENT_ID);
        assert.equal(await page.url(), run.demo.pages.popup, 'back on the page, address bar clean');
        assert.equal(await isHidden(page, '#error'), true);
      },
    );
  }
});
