// The README's install path, as a merchant follows it today: `npm pack` in a checkout, then
// `npm install ./freedomid-web-<version>.tgz` in their own project. The packed package must
// install (its dependencies from npm's cache where it has them, else the registry), resolve
// every documented entry point, and carry the script tag with its integrity hash.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the package installed from `npm pack`', { timeout: 180_000 }, () => {
  let project = '';
  before(() => {
    project = mkdtempSync(join(tmpdir(), 'merchant-'));
    const packed = JSON.parse(
      npm(['pack', '--json', '--pack-destination', project], process.cwd()),
    ) as { filename: string }[];
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'merchant-shop', private: true, type: 'module' }),
    );
    npm(
      ['install', '--prefer-offline', '--no-audit', '--no-fund', `./${packed[0]?.filename ?? ''}`],
      project,
    );
  });
  after(() => {
    rmSync(project, { recursive: true, force: true });
  });

  it('resolves the browser and server entries by their documented names', () => {
    const script = `
      const sdk = await import('freedomid-web');
      const server = await import('freedomid-web/server');
      console.log(JSON.stringify({
        client: typeof sdk.FreedomIdClient,
        error: typeof sdk.FreedomIdError,
        exchangeCode: typeof server.exchangeCode,
        handler: typeof server.createFreedomIdHandler,
      }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: project,
      encoding: 'utf8',
    });
    assert.deepEqual(JSON.parse(out), {
      client: 'function',
      error: 'function',
      exchangeCode: 'function',
      handler: 'function',
    });
  });

  it('ships the script tag and its integrity hash for self-hosting', () => {
    const dist = join(project, 'node_modules', pkg.name, 'dist');
    const script = readFileSync(join(dist, 'freedomid.iife.js'), 'utf8');
    assert.ok(script.includes(pkg.version), 'the script tag carries the package version');
    assert.match(
      readFileSync(join(dist, 'freedomid.iife.js.sri'), 'utf8'),
      /^sha384-[\w+/]{64}\s*$/,
    );
  });
});
