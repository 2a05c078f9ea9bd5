// The WebKitGTK launcher (scripts/webkit-launcher.mjs): it sends WebKitWebDriver no command of its
// own, and when its browser dies mid-run, the file that lost it fails with the reason, the next file
// runs in a new browser, and the run ends with its summary. Before, a navigation that failed went
// unobserved and the runner exited without a word.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { browserPath } from '../../scripts/browser-path.mjs';
import { WebKitGtkLauncher } from '../../scripts/webkit-launcher.mjs';

describe('the WebKitGTK launcher', { timeout: 120_000 }, () => {
  it('keeps no heartbeat: a command during a navigation would drop its reply (WebKit bug 323447)', async () => {
    const launcher = new WebKitGtkLauncher(browserPath('webkit'));
    await launcher.initialize({ concurrency: 1 } as Parameters<typeof launcher.initialize>[0]);
    try {
      await launcher.startSession('heartbeat', 'about:blank');
      // Upstream's timer, private in its types.
      assert.equal(
        (launcher as unknown as { pendingHeartbeat: unknown }).pendingHeartbeat,
        undefined,
      );
    } finally {
      await launcher.stop();
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
      { env: { ...process.env, CI: 'true', RESULTS_FILE: results }, encoding: 'utf8' },
    );
    const output = `${run.stdout}${run.stderr}`;
    assert.equal(run.status, 1, output);
    assert.deepEqual(JSON.parse(readFileSync(results, 'utf8')), {
      passed: 1,
      failed: 1,
      skipped: 0,
    });
    assert.match(output, /WebKit: the browser session ended \(.*invalid session id/);
    assert.match(output, /test\/runner\/fixtures\/crash\.browser\.ts:/);
    assert.match(output, /browser: 1 passed, 1 failed/);
  });
});
