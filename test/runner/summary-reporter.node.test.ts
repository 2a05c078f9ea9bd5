// The browser suite's summary reporter (scripts/summary-reporter.mjs): its counts and the failed tests'
// names, which `npm test` prints last so a CI log's tail says what failed.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { summaryReporter } from '../../scripts/summary-reporter.mjs';

/** The parts of a @web/test-runner session the reporter reads, as the runner reports them. */
const sessions = [
  {
    browser: { name: 'Chromium' },
    testFile: `${process.cwd()}/test/sdk/popup.test.ts`,
    passed: false,
    errors: [],
    testResults: {
      name: '',
      tests: [{ name: 'passes at the top', passed: true, skipped: false }],
      suites: [
        {
          name: 'signInPopup()',
          tests: [
            { name: 'is skipped', passed: false, skipped: true },
            {
              name: 'closes the popup',
              passed: false,
              skipped: false,
              error: { message: 'Test timed out after 60000ms\n    at somewhere' },
            },
          ],
          suites: [],
        },
      ],
    },
  },
  {
    browser: { name: 'WebKit' },
    testFile: `${process.cwd()}/test/element/render.test.ts`,
    passed: false,
    errors: [{ message: 'the browser session ended' }],
    testResults: { name: '', tests: [], suites: [] },
  },
];

describe('the browser summary reporter', () => {
  const dir = mkdtempSync(join(tmpdir(), 'summary-reporter-'));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts each engine’s tests and names each failed test and each file that did not run', async () => {
    const file = join(dir, 'browser.json');
    const lines: string[] = [];
    summaryReporter({ file, log: (line) => lines.push(line) }).onTestRunFinished({ sessions });
    // The closing line comes after the runner's own output, on the next turn.
    await new Promise((resolve) => setTimeout(resolve));
    assert.deepEqual(lines, ['browser: 1 passed, 2 failed, 1 skipped']);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), {
      passed: 1,
      failed: 2,
      skipped: 1,
      failures: [
        'Chromium test/sdk/popup.test.ts › signInPopup() › closes the popup: Test timed out after 60000ms',
        'WebKit test/element/render.test.ts: the browser session ended',
      ],
    });
  });
});
