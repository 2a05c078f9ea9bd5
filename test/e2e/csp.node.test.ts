// The strict-CSP demo page as `npm start` serves it (with the policy header), signed in for real
// against the sandbox: the element renders, leaves for the sandbox, validates the callback and
// hands it to the backend, and the page records no CSP violation of its own.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CSP_PAGE } from '../../demo/site/server.js';
import {
  clickSignIn,
  consent,
  DEMO_USER,
  isHidden,
  logIn,
  textsOf,
  useDemo,
  waitForText,
  TEST_TIMEOUT_MS,
} from './harness.js';

const run = useDemo();

describe('the strict-CSP page against the sandbox', () => {
  it(
    'is served with the policy, signs in, and sees no violation but the browser’s favicon',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const page = await run.openPath(CSP_PAGE);
      const served = await fetch(`${run.demo.siteUrl}${CSP_PAGE}`);
      assert.equal(
        served.headers.get('content-security-policy'),
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html",
      );

      await clickSignIn(page, 'element');
      await logIn(page, run.demo.sandboxUrl);
      await consent(page);
      await waitForText(
        page,
        '#status',
        new RegExp(`Signed in as ${String(DEMO_USER.claims.name)}\\.`),
      );

      const violations = await textsOf(page, '#violations li');
      assert.deepEqual(
        violations.filter((text) => !text.includes('/favicon.ico')),
        [],
      );
      assert.equal(await isHidden(page, '#error'), true);
    },
  );
});
