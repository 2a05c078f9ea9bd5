// Runs the browser tests; exits with a one-line hint when no Chromium is installed.
import { spawnSync } from 'node:child_process';
import { chromiumPath } from './browser-path.mjs';

chromiumPath();
const result = spawnSync('npx', ['web-test-runner', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
