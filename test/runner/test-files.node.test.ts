// The one test rule (scripts/test-files.mjs): every file that looks like a test runs in Node or in
// the browsers, and both runners are configured with the rule's globs, so none is silently skipped.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BROWSER_FILES, NODE_GLOB, runnerOf, strayTestFiles } from '../../scripts/test-files.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('the test rule', () => {
  const cases: [string, 'node' | 'browser' | null][] = [
    ['test/sdk/callback.test.ts', 'browser'],
    ['test/security/csp/page.test.ts', 'browser'],
    ['test/server/handler.node.test.ts', 'node'],
    ['test/sdk/store.node.test.ts', 'node'],
    ['test/server/deep/handler.node.test.ts', null],
    ['test/handler.node.test.ts', null],
    ['src/sdk/callback.test.ts', null],
    ['test/sdk/callback.spec.ts', null],
    ['test/sdk/callback.test.js', null],
    ['test/element/button.test.tsx', null],
    ['test/server/handler.node.test.mts', null],
  ];
  for (const [path, runner] of cases) {
    it(`${path} runs ${runner === null ? 'nowhere' : `in ${runner === 'node' ? 'Node' : 'the browsers'}`}`, () => {
      assert.equal(runnerOf(path), runner);
    });
  }

  it('finds no test file in this tree that neither runner runs', () => {
    assert.deepEqual(strayTestFiles(ROOT), []);
  });

  it('reports each stray file of a tree, and only those', () => {
    const root = mkdtempSync(join(tmpdir(), 'test-rule-'));
    try {
      for (const path of [
        'test/sdk/ok.test.ts',
        'test/server/ok.node.test.ts',
        'test/server/deep/lost.node.test.ts',
        'src/lost.test.ts',
        'test/sdk/lost.spec.ts',
        'test/sdk/helpers.ts',
        'node_modules/pkg/ignored.test.js',
      ]) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), '');
      }
      assert.deepEqual(strayTestFiles(root), [
        'src/lost.test.ts',
        'test/sdk/lost.spec.ts',
        'test/server/deep/lost.node.test.ts',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('is the rule both runners are configured with', () => {
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    assert.ok(
      scripts['test:node'].endsWith(` ${NODE_GLOB}`),
      `package.json's test:node must end with ${NODE_GLOB}`,
    );
    const config = readFileSync(join(ROOT, 'web-test-runner.config.mjs'), 'utf8');
    assert.ok(
      config.includes(
        `files: ${JSON.stringify(BROWSER_FILES).replaceAll('"', "'").replace(',', ', ')},`,
      ),
      `web-test-runner.config.mjs's files must be ${BROWSER_FILES.join(' ')}`,
    );
  });
});
