// Runs the browser tests in every selected engine; exits with a one-line hint when one is missing.
import { spawnSync } from 'node:child_process';
import { browserPath, selectedEngines } from './browser-path.mjs';

for (const engine of selectedEngines()) browserPath(engine);
const result = spawnSync('npx', ['web-test-runner', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
