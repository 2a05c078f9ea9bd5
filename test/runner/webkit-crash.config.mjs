// A two-file WebKit run whose first file kills its MiniBrowser (test/runner/webkit-launcher.node.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { browserPath } from '../../scripts/browser-path.mjs';
import { summaryReporter } from '../../scripts/summary-reporter.mjs';
import { WebKitGtkLauncher } from './webkit-launcher.mjs';

const out = process.env.RESULTS_DIR ?? '.tmp/webkit-crash';
// Logs of its own, so this run never overwrites those of the main browser run.
const launcher = new WebKitGtkLauncher(browserPath('webkit'), { logDir: `${out}/logs` });

/** Process ids whose parent is `parent`, read from /proc. */
function childrenOf(parent) {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        // Field 4 of /proc/<pid>/stat, after the parenthesised command name, is the parent's id.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent;
      } catch {
        return false; // ended while we looked
      }
    })
    .map(Number);
}

const killBrowser = {
  name: 'kill-browser',
  executeCommand({ command }) {
    if (command !== 'freedomid-test:kill-browser') return undefined;
    const browsers = childrenOf(launcher.driverPid);
    if (browsers.length === 0) throw new Error('WebKitWebDriver has no MiniBrowser to kill');
    for (const pid of browsers) process.kill(pid, 'SIGKILL');
    return true;
  },
};

export default {
  files: ['test/runner/fixtures/crash.browser.ts', 'test/runner/fixtures/after.browser.ts'],
  nodeResolve: true,
  concurrency: 1,
  plugins: [esbuildPlugin({ ts: true, target: 'es2020' }), killBrowser],
  reporters: [defaultReporter(), summaryReporter({ file: `${out}/results.json` })],
  browsers: [launcher],
  testFramework: { config: { timeout: 60000 } },
  browserStartTimeout: 180000,
  testsStartTimeout: 180000,
  testsFinishTimeout: 300000,
};
