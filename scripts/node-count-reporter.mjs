// A node:test reporter that writes how many tests passed, failed and were skipped, and which failed, to
// $TEST_RESULTS_FILE, default .tmp/test-results/node.json (suites are not counted, only the tests in
// them). A suite skipped as a whole counts as one skipped test: node:test never runs its body, so
// the tests in it are unknown — skip each test instead (as `unsupported(…)` does) to count them all.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { failureLine } from './failure-line.mjs';

export default async function* countReporter(source) {
  const totals = { passed: 0, failed: 0, skipped: 0, failures: [] };
  // The names of the suites each file is in at each depth, so a failure is named by its whole path.
  const titles = new Map();
  for await (const event of source) {
    const { file = '', name, nesting = 0 } = event.data ?? {};
    if (event.type === 'test:start') {
      const path = titles.get(file) ?? [];
      path.length = nesting;
      path.push(name);
      titles.set(file, path);
    }
    // A todo suite runs its tests (counted one by one); a skipped one runs none.
    if (event.data?.details?.type === 'suite' && !event.data.skip) continue;
    if (event.type === 'test:pass')
      totals[event.data.skip || event.data.todo ? 'skipped' : 'passed']++;
    if (event.type === 'test:fail') {
      totals.failed++;
      const path = [...(titles.get(file) ?? []).slice(0, nesting), name];
      const error = event.data.details?.error;
      totals.failures.push(failureLine(file, path, error?.cause ?? error));
    }
  }
  const file = process.env.TEST_RESULTS_FILE ?? '.tmp/test-results/node.json';
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(totals));
  yield '';
}
