// The testing kit is its own entry: the browser entries never reach it (nor msw), and its
// package export resolves to the built file with its types first.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { build } from 'esbuild';

const ROOT = new URL('../../', import.meta.url);

/** The source files (and bare packages) a bundle of `entry` pulls in. */
async function inputsOf(entry: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: ROOT.pathname,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    define: { __FREEDOMID_VERSION__: '"test"' },
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

describe('freedomid-web/testing', () => {
  for (const entry of ['src/index.ts', 'src/element.ts', 'src/iife.ts']) {
    it(`stays out of the ${entry} bundle`, async () => {
      const inputs = await inputsOf(entry);

      assert.ok(inputs.length > 0);
      assert.deepEqual(
        inputs.filter((input) => input.startsWith('src/testing/') || input.includes('/msw/')),
        [],
      );
    });
  }

  it('is exported with types first, msw an optional peer of it', async () => {
    const pkg = JSON.parse(await readFile(new URL('package.json', ROOT), 'utf8')) as {
      exports: Record<string, Record<string, string>>;
      peerDependencies: Record<string, string>;
      peerDependenciesMeta: Record<string, { optional: boolean }>;
      devDependencies: Record<string, string>;
    };

    assert.deepEqual(Object.entries(pkg.exports['./testing']), [
      ['types', './dist/types/testing/index.d.ts'],
      ['default', './dist/testing.js'],
    ]);
    assert.equal(pkg.peerDependencies.msw, '^2.0.0');
    assert.deepEqual(pkg.peerDependenciesMeta.msw, { optional: true });
    assert.ok(pkg.devDependencies.msw);
  });

  it('builds to dist/testing.js, which imports nothing but msw and the shared issuer constant', async () => {
    const built = await readFile(new URL('dist/testing.js', ROOT), 'utf8').catch(() => {
      throw new Error('dist/testing.js is missing: run `npm run build` first.');
    });

    const imports = [...built.matchAll(/^import .* from "([^"]+)";$/gm)].map((match) => match[1]);

    // The one chunk is src/freedom-id.ts (FREEDOM_ID_ISSUER), which the SDK and the server share.
    assert.deepEqual(
      imports.map((from) => from.replace(/^\.\/freedom-id-[\w-]+\.js$/, './freedom-id.js')),
      ['./freedom-id.js', 'msw'],
    );
  });
});
