// The handler's contract (handler-contract.mjs) in the other runtimes the README names, each from
// the binary its npm package ships (devDependencies `bun` and `deno`); needs `npm run build`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const SCRIPT = 'test/runtimes/handler-contract.mjs';
/** The cases handler-contract.mjs runs. */
const CASES = 4;

interface Runtime {
  name: string;
  /** Where the binary may be: in the platform package npm picked (`scope`, any folder, `binary`), or where the main package's install script moves it. */
  scope: string;
  binary: string;
  installed: string;
  args: readonly string[];
}

const RUNTIMES: readonly Runtime[] = [
  {
    name: 'Bun',
    scope: '@oven',
    binary: 'bin/bun',
    installed: 'node_modules/bun/bin/bun.exe',
    args: [SCRIPT],
  },
  // Reads dist/ and node_modules/, and the environment (MSW); no network, no writes, never a prompt.
  {
    name: 'Deno',
    scope: '@deno',
    binary: 'deno',
    installed: 'node_modules/deno/deno',
    args: ['run', '--no-prompt', '--allow-read', '--allow-env', SCRIPT],
  },
];

/** The runtime's binary that answers `--version`, and its version, or undefined. */
function binaryOf({ scope, binary, installed }: Runtime): [string, string] | undefined {
  const folder = join('node_modules', scope);
  const candidates = existsSync(folder)
    ? readdirSync(folder).map((name) => join(folder, name, binary))
    : [];
  for (const path of [...candidates, installed]) {
    if (!existsSync(path)) continue;
    const version = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 });
    if (version.status === 0) return [path, version.stdout.split('\n')[0] ?? ''];
  }
  return undefined;
}

describe('the handler in other runtimes', () => {
  for (const runtime of RUNTIMES) {
    it(`passes its contract in ${runtime.name}: sign-in, bad Origin, state mismatch, unknown option`, (t) => {
      const found = binaryOf(runtime);
      assert.ok(found, `No working ${runtime.name} binary under node_modules/: run npm ci.`);
      const [binary, version] = found;

      const run = spawnSync(binary, runtime.args, {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 120_000,
      });

      const lines = run.stdout.trim().split('\n');
      t.diagnostic(`${runtime.name} ${version}: ${lines.at(-1) ?? ''}`);
      assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
      assert.equal(lines.at(-1), `${CASES} passed, 0 failed`);
    });
  }
});
