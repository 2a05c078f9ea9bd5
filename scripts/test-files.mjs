// The one test rule: `*.node.test.ts` one folder under test/ runs in Node (npm run test:node), every
// other `*.test.ts` under test/ in the browsers (npm run test:browser). A file that looks like a
// test and fits neither runs nowhere; test/runner/test-files.node.test.ts fails on it.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The glob `npm run test:node` passes to Node's test runner. */
export const NODE_GLOB = 'test/*/*.node.test.ts';

/** The `files` of web-test-runner.config.mjs. */
export const BROWSER_FILES = ['test/**/*.test.ts', '!test/**/*.node.test.ts'];

/** What a file name looks like when it is meant as a test: `.test.` or `.spec.` before a script extension. */
const LOOKS_LIKE_A_TEST = /\.(test|spec)\.[cm]?[jt]sx?$/;

/** Folders no runner reads and no one writes tests in. */
const SKIPPED = new Set(['node_modules', '.git', 'dist', '.tmp', 'wip']);

/** Where `path` (relative to the root, with `/`) runs: 'node', 'browser', or null when nowhere. */
export function runnerOf(path) {
  if (/^test\/[^/]+\/[^/]+\.node\.test\.ts$/.test(path)) return 'node';
  if (/^test\/.+\.test\.ts$/.test(path) && !path.endsWith('.node.test.ts')) return 'browser';
  return null;
}

/** Every file under `root` that looks like a test but that neither runner runs. */
export function strayTestFiles(root) {
  const stray = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (SKIPPED.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (LOOKS_LIKE_A_TEST.test(entry.name)) {
        const name = relative(root, path).split(sep).join('/');
        if (runnerOf(name) === null) stray.push(name);
      }
    }
  };
  walk(root);
  return stray.sort();
}
