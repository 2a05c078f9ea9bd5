// `npm run test:e2e`: the end-to-end tests (test/e2e/) once per engine, $E2E_BROWSERS (comma-separated;
// else $BROWSERS, as the browser tests read it; default chromium,firefox,webkit), each run with E2E_BROWSER set; prints the counts and time per
// engine and writes their sum to .tmp/test-results/e2e.json. Needs `npm run build` first.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { browserPath } from './browser-path.mjs';
import { exitLine } from './failure-line.mjs';

const ENGINES = ['chromium', 'firefox', 'webkit'];
const variable = process.env.E2E_BROWSERS === undefined ? 'BROWSERS' : 'E2E_BROWSERS';
const selected = (process.env[variable] ?? ENGINES.join(','))
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
for (const name of selected) {
  if (!ENGINES.includes(name)) {
    console.error(`${variable} lists "${name}": the engines are ${ENGINES.join(', ')}.`);
    process.exit(1);
  }
  browserPath(name);
}
const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync('test/e2e')
        .filter((name) => name.endsWith('.node.test.ts'))
        .map((name) => `test/e2e/${name}`);

mkdirSync('.tmp/test-results', { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0, failures: [] };
const lines = [];
let failedRuns = 0;
for (const engine of selected) {
  const results = `.tmp/test-results/e2e-${engine}.json`;
  rmSync(results, { force: true });
  console.log(`\n▶ e2e in ${engine}`);
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=./scripts/node-count-reporter.mjs',
      `--test-reporter-destination=.tmp/e2e-reporter-${engine}.log`,
      ...files,
    ],
    { stdio: 'inherit', env: { ...process.env, E2E_BROWSER: engine, TEST_RESULTS_FILE: results } },
  );
  const seconds = Math.round((Date.now() - started) / 1000);
  let counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  try {
    counts = JSON.parse(readFileSync(results, 'utf8'));
  } catch {
    // the run crashed before its reporter wrote anything
  }
  if (run.status !== 0) failedRuns++;
  if (run.status !== 0 && counts.failed === 0) {
    counts.failed = 1;
    counts.failures = [exitLine('the run', run.status, run.signal)];
  }
  for (const key of ['passed', 'failed', 'skipped']) totals[key] += counts[key];
  totals.failures.push(...counts.failures.map((line) => `e2e ${engine}: ${line}`));
  lines.push(
    `e2e ${engine}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped in ${seconds} s`,
  );
}
console.log(`\n${lines.join('\n')}`);
writeFileSync('.tmp/test-results/e2e.json', JSON.stringify(totals));
process.exit(failedRuns > 0 || totals.failed > 0 ? 1 : 0);
