// `npm test`: the static checks (lint, types, build, size, package, docs snippets, quick bench), then every test suite
// (browser tests in each engine, Node tests), ending with the failed tests' names, if any, and one plain
// line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { exitLine, failureList } from './failure-line.mjs';

// `bench:quick` runs every table of the benchmark once on the root's dependencies only, so a broken
// bench fails here; the peers that need bench/'s own install are listed as "not installed".
const CHECKS = ['lint', 'typecheck', 'build', 'size', 'package', 'docs', 'bench:quick'];
const SUITES = [
  { script: 'test:browser', results: '.tmp/test-results/browser.json' },
  { script: 'test:node', results: '.tmp/test-results/node.json' },
  { script: 'test:e2e', results: '.tmp/test-results/e2e.json' },
];

function run(script) {
  console.log(`\n▶ npm run ${script}`);
  return spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' }).status ?? 1;
}

for (const check of CHECKS) {
  if (run(check) !== 0) {
    console.error(`\n✖ npm run ${check} failed; the test suites did not run.`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
let failedSuites = 0;
for (const { script, results } of SUITES) {
  rmSync(results, { force: true });
  const status = run(script);
  const counts = existsSync(results)
    ? JSON.parse(readFileSync(results, 'utf8'))
    : { passed: 0, failed: 0, skipped: 0 };
  // A suite that exits non-zero without a counted failure (it crashed or could not start) still fails the run.
  if (status !== 0 && counts.failed === 0) {
    counts.failed = 1;
    counts.failures = [exitLine(`npm run ${script}`, status)];
  }
  if (status !== 0) failedSuites++;
  for (const key of Object.keys(totals)) totals[key] += counts[key];
  failures.push(...(counts.failures ?? []));
}
// The names last, beside the totals, where a CI log's tail shows them.
if (failures.length > 0) console.log(`\n${failureList(failures)}`);
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(failedSuites > 0 || totals.failed > 0 || totals.passed === 0 ? 1 : 0);
