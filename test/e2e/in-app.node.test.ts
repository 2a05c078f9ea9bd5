// In-app browsers end to end (#21): the demo's popup page opened with the real user agents of apps'
// built-in browsers (a user-agent override per browser context; in WebKitGTK the MiniBrowser's
// --user-agent), in each engine. The element reports the environment, shows its hint with the
// way out, and signs in by redirect in the same window, whose storage and cookies carry the
// sign-in to the end.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COPY, NOTICE, OPEN, userAgentNamed, type SeenUserAgent } from '../fixtures/user-agents.js';
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

const ANDROID_APPS = [
  userAgentNamed('Instagram on Android'),
  userAgentNamed('WhatsApp on Android'),
  userAgentNamed('Telegram on Android'),
];
const IOS_APPS = [
  userAgentNamed('TikTok on iPhone'),
  userAgentNamed('Instagram on iPhone'),
  userAgentNamed('Facebook on iPhone'),
];
const BROWSERS = [userAgentNamed('Chrome on Android'), userAgentNamed('Chrome on iPhone')];

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

/** Why this engine cannot take `agent`'s user agent, or false. */
function cannotPretend(agent: SeenUserAgent): string | false {
  return agent.userAgent.includes('[') && unsupported('bracketed-user-agent');
}

/** Opens the popup page as `agent`'s browser would, checking the override reached the page. */
async function openAs(agent: SeenUserAgent): Promise<Page> {
  const page = await run.open('popup', { userAgent: agent.userAgent });
  assert.equal(await page.evaluate(() => navigator.userAgent), agent.userAgent);
  return page;
}

describe('the demo in in-app browsers', () => {
  for (const agent of ANDROID_APPS) {
    it(
      `${agent.name}: reports ${JSON.stringify(agent.environment)}, hints in ru/kk/en with the intent link`,
      { timeout: TEST_TIMEOUT_MS, skip: cannotPretend(agent) },
      async () => {
        const page = await openAs(agent);
        assert.deepEqual(await reportedEnvironments(page), [agent.environment]);
        for (const locale of LOCALES) {
          assert.equal(await hintIn(page, locale), `${NOTICE[locale]} ${OPEN[locale]}`);
        }
        const { host, pathname } = new URL(run.demo.pages.popup);
        assert.equal(await hintLink(page), `intent://${host}${pathname}#Intent;scheme=http;end`);
      },
    );
  }

  for (const agent of IOS_APPS) {
    it(
      `${agent.name}: reports ${JSON.stringify(agent.environment)}, hints copy-the-link in ru/kk/en`,
      { timeout: TEST_TIMEOUT_MS, skip: cannotPretend(agent) },
      async () => {
        const page = await openAs(agent);
        assert.deepEqual(await reportedEnvironments(page), [agent.environment]);
        for (const locale of LOCALES) {
          assert.equal(await hintIn(page, locale), `${NOTICE[locale]} ${COPY[locale]}`);
        }
        assert.equal(await hintLink(page), null);
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
