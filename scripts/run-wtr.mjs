// Runs the browser tests in every selected engine; exits with a one-line hint when one is missing.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { browserPath, selectedEngines } from './browser-path.mjs';

for (const engine of selectedEngines()) browserPath(engine);
// Node runs the runner directly (no npx in between), so a signal that kills it is seen here.
const bin = fileURLToPath(new URL('../node_modules/@web/test-runner/dist/bin.js', import.meta.url));
const result = spawnSync(process.execPath, [bin, ...process.argv.slice(2)], { stdio: 'inherit' });
// A runner that was killed prints nothing itself: say so, or the run just stops mid-progress-bar.
if (result.signal) console.error(`\nweb-test-runner was stopped by ${result.signal}.`);
if (result.error) console.error(`\nweb-test-runner could not run: ${result.error.message}`);
process.exit(result.status ?? 1);
