// The handler's contract (contract-cases.mjs) in the other runtimes the README names, each from
// the binary its npm package ships (devDependencies `bun`, `deno`, `workerd`); needs `npm run build`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { build } from 'esbuild';

const SCRIPT = 'test/runtimes/handler-contract.mjs';
/** The cases contract-cases.mjs runs. */
const CASES = 4;
const SUMMARY = /^\d+ passed, \d+ failed$/;

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
  // Cloudflare Workers' runtime: `workerd test` runs the bundled worker's `test` handler (see workerdConfig).
  {
    name: 'workerd',
    scope: '@cloudflare',
    binary: 'bin/workerd',
    installed: 'node_modules/workerd/bin/workerd',
    args: ['test', '.tmp/workerd/config.capnp'],
  },
];

/** Bundles workerd-worker.mjs (workerd loads one module graph, no node_modules) and writes the config that runs it. */
async function workerdConfig(): Promise<void> {
  mkdirSync('.tmp/workerd', { recursive: true });
  await build({
    entryPoints: ['test/runtimes/workerd-worker.mjs'],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['worker', 'browser'],
    external: ['node:*'],
    // Before every module: an import of it would be dropped (the root package.json lists its side effects).
    banner: { js: readFileSync('test/runtimes/workerd-shim.mjs', 'utf8') },
    outfile: '.tmp/workerd/worker.mjs',
    logLevel: 'error',
  });
  writeFileSync(
    '.tmp/workerd/config.capnp',
    [
      'using Workerd = import "/workerd/workerd.capnp";',
      'const config :Workerd.Config = (services = [(name = "main", worker = .worker)]);',
      'const worker :Workerd.Worker = (',
      '  modules = [(name = "worker", esModule = embed "worker.mjs")],',
      '  compatibilityDate = "2025-09-01",',
      '  compatibilityFlags = ["nodejs_compat"],',
      ');',
      '',
    ].join('\n'),
  );
}

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
    it(`passes its contract in ${runtime.name}: sign-in, bad Origin, state mismatch, unknown option`, async (t) => {
      const found = binaryOf(runtime);
      assert.ok(found, `No working ${runtime.name} binary under node_modules/: run npm ci.`);
      const [binary, version] = found;
      if (runtime.name === 'workerd') await workerdConfig();

      const run = spawnSync(binary, runtime.args, {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 120_000,
      });

      const summary = `${run.stdout}\n${run.stderr}`
        .split('\n')
        .filter((line) => SUMMARY.test(line))
        .at(-1);
      t.diagnostic(`${runtime.name} ${version}: ${summary ?? 'no summary'}`);
      assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
      assert.equal(summary, `${CASES} passed, 0 failed`);
    });
  }
});
