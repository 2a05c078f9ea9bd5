// How `npm test` names a failed test, and the list it ends with (scripts/failure-line.mjs).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exitLine, failureLine, failureList } from '../../scripts/failure-line.mjs';

describe('failureLine', () => {
  it('joins the file, suites and test, and keeps the first line of the error', () => {
    assert.equal(
      failureLine('test/a.test.ts', ['outer', 'it'], new Error('expected 1\n  at x')),
      'test/a.test.ts › outer › it: expected 1',
    );
  });

  it('names a file under this folder by its relative path', () => {
    assert.equal(
      failureLine(`${process.cwd()}/test/a.test.ts`, ['it'], 'no'),
      'test/a.test.ts › it: no',
    );
  });

  it('cuts a long message to 200 characters and leaves out a missing one', () => {
    const line = failureLine('f', ['t'], { message: 'x'.repeat(500) });
    assert.equal(line, `f › t: ${'x'.repeat(199)}…`);
    assert.equal(failureLine('', ['t'], undefined), 't');
  });
});

describe('failureList', () => {
  it('lists each failure under "Failed:"', () => {
    assert.equal(failureList(['a', 'b']), 'Failed:\n  ✖ a\n  ✖ b');
  });

  it('shows the first ones and counts the rest', () => {
    assert.equal(failureList(['a', 'b', 'c'], 2), 'Failed:\n  ✖ a\n  ✖ b\n  ✖ … and 1 more, above');
  });
});

describe('exitLine', () => {
  it('says how a run ended without a failed test', () => {
    assert.equal(
      exitLine('npm run test:node', 1),
      'npm run test:node exited 1 with no test failed',
    );
    assert.equal(
      exitLine('the run', null, 'SIGKILL'),
      'the run was stopped by SIGKILL with no test failed',
    );
  });
});
