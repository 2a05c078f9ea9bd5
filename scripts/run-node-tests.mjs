// `npm run test:node`: the files its glob (test/*/*.node.test.ts, expanded by the shell) names, except
// test/e2e/ (npm run test:e2e runs those once per engine), with the spec reporter on stdout and the
// count reporter writing .tmp/test-results/node.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const files = process.argv.slice(2).filter((file) => !file.startsWith('test/e2e/'));
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
    ...files,
  ],
  { stdio: 'inherit' },
);
process.exit(run.status ?? 1);
