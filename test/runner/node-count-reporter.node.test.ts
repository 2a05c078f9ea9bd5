// The count reporter (scripts/node-count-reporter.mjs) behind every Node and e2e summary: a test that
// did not run counts as skipped, also when its whole suite was skipped, so no skip hides in the totals.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

/** A test file with every kind of outcome: 2 passed, 1 failed, a skipped test, a todo, a skipped suite. */
const OUTCOMES = `import { describe, it } from 'node:test';
describe('runs', () => {
  it('passes', () => {});
  it('fails', () => { throw new Error('on purpose\\nand a second line'); });
  it('is skipped', { skip: 'not here' }, () => {});
  it('is to do', { todo: 'later' }, () => {});
});
describe('is skipped as a whole', { skip: 'Chromium only' }, () => {
  it('never runs', () => {});
});
it('passes at the top', () => {});
`;

describe('the count reporter', () => {
  const dir = mkdtempSync(join(tmpdir(), 'count-reporter-'));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts passed, failed, and skipped (skipped tests, todos and each skipped suite), and names each failure', () => {
    const file = join(dir, 'outcomes.test.mjs');
    const results = join(dir, 'results.json');
    writeFileSync(file, OUTCOMES);
    // Without the parent's NODE_TEST_CONTEXT, the child runs its file instead of reporting to us.
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT;
    const run = spawnSync(
      process.execPath,
      [
        '--test',
        '--test-reporter=./scripts/node-count-reporter.mjs',
        '--test-reporter-destination=stdout',
        file,
      ],
      { env: { ...env, TEST_RESULTS_FILE: results }, encoding: 'utf8' },
    );
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(JSON.parse(readFileSync(results, 'utf8')), {
      passed: 2,
      failed: 1,
      skipped: 3,
      failures: [`${file} › runs › fails: on purpose`],
    });
  });
});
