// `npm run test:node`: every test/*/*.node.test.ts except test/e2e/ (npm run test:e2e runs those once per
// engine), with the spec reporter on stdout and the count reporter writing .tmp/test-results/node.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';

const files = readdirSync('test', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'e2e')
  .flatMap((dir) =>
    readdirSync(`test/${dir.name}`)
      .filter((name) => name.endsWith('.node.test.ts'))
      .map((name) => `test/${dir.name}/${name}`),
  )
  .sort();
mkdirSync('.tmp/test-results', { recursive: true });
const run = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/node-count-reporter.mjs',
    '--test-reporter-destination=.tmp/node-reporter.log',
    ...(process.argv.length > 2 ? process.argv.slice(2) : files),
  ],
  { stdio: 'inherit' },
);
process.exit(run.status ?? 1);
