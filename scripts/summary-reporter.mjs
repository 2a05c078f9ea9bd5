// A @web/test-runner reporter that ends the run with one plain line, "browser: N passed, N failed",
// counted over every engine, and writes the counts and the failed tests' names to `file`
// (.tmp/test-results/browser.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { failureLine } from './failure-line.mjs';

function count(suite, titles, totals, where) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else {
      totals.failed++;
      totals.failures.push(failureLine(where, [...titles, test.name], test.error));
    }
  }
  for (const child of suite?.suites ?? []) count(child, [...titles, child.name], totals, where);
}

/** @param log - where the closing line goes (a test collects it instead of printing it). */
export function summaryReporter({
  file = '.tmp/test-results/browser.json',
  log = console.log,
} = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, failures: [] };
      for (const session of sessions) {
        const where = `${session.browser.name} ${failureLine(session.testFile, [])}`;
        count(session.testResults, [], totals, where);
        // A file that failed to load or start counts as a failure even though no test ran.
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          totals.failed++;
          totals.failures.push(failureLine(where, [], session.errors[0]));
        }
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(totals));
      const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
      setTimeout(() => log(`browser: ${totals.passed} passed, ${totals.failed} failed${skipped}`));
    },
  };
}
