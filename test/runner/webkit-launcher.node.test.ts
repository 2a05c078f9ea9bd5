// The WebKitGTK launcher (test/runner/webkit-launcher.mjs): it sends WebKitWebDriver no command of its
// own, and when its browser dies mid-run, the file that lost it fails with the reason, the next file
// runs in a new browser, and the run ends with its summary. Before, a navigation that failed went
// unobserved and the runner exited without a word.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { browserPath } from '../../scripts/browser-path.mjs';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { WebKitGtkLauncher } from './webkit-launcher.mjs';

describe('the WebKitGTK launcher', { timeout: 120_000 }, () => {
  it('keeps no heartbeat: a command during a navigation would drop its reply (WebKit bug 323447)', async () => {
    const logDir = mkdtempSync(join(tmpdir(), 'webkit-logs-'));
    const launcher = new WebKitGtkLauncher(browserPath('webkit'), { logDir });
    await launcher.initialize({ concurrency: 1 } as Parameters<typeof launcher.initialize>[0]);
    /** Upstream's heartbeat timer, private in its types. */
    const timer = (target: object) => (target as { pendingHeartbeat?: unknown }).pendingHeartbeat;
    // Upstream's own setupHeartbeat sets that field: were it renamed, this test would see it.
    const upstream = new WebdriverLauncher({ capabilities: {} });
    (upstream as unknown as { setupHeartbeat(): void }).setupHeartbeat();
    const upstreamTimer = timer(upstream);
    clearInterval(upstreamTimer as NodeJS.Timeout);
    try {
      await launcher.startSession('heartbeat', 'about:blank');
      assert.deepEqual([upstreamTimer === undefined, timer(launcher)], [false, undefined]);
    } finally {
      await launcher.stop();
      rmSync(logDir, { recursive: true, force: true });
    }
  });
});

describe('a WebKit run whose browser is killed in its first file', { timeout: 600_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'webkit-crash-'));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails that file, runs the next in a new browser, and ends with its counts', () => {
    const results = join(dir, 'results.json');
    const run = spawnSync(
      process.execPath,
      [
        'node_modules/@web/test-runner/dist/bin.js',
        '--config',
        'test/runner/webkit-crash.config.mjs',
      ],
      { env: { ...process.env, CI: 'true', RESULTS_DIR: dir }, encoding: 'utf8' },
    );
    const output = `${run.stdout}${run.stderr}`;
    assert.equal(run.status, 1, output);
    const { failures, ...counts } = JSON.parse(readFileSync(results, 'utf8')) as {
      failures: string[];
    };
    assert.deepEqual(counts, { passed: 1, failed: 1, skipped: 0 });
    // The one failure is named by engine and file, for the end of `npm test`.
    assert.deepEqual(failures, [
      'WebKit test/runner/fixtures/crash.browser.ts: Tests were interrupted because the browser disconnected.',
    ]);
    assert.match(output, /WebKit: the browser session ended \(.*invalid session id/);
    assert.match(output, /test\/runner\/fixtures\/crash\.browser\.ts:/);
    assert.match(output, /browser: 1 passed, 1 failed/);
    // Its helpers logged to the run's own folder, not over the main browser run's .tmp/webkit/.
    assert.deepEqual(readdirSync(join(dir, 'logs')).sort(), ['WebKitWebDriver.log', 'Xvfb.log']);
  });
});
