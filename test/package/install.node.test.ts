// The README's install path, as a merchant follows it on a fresh clone: `npm ci && npm pack` in a
// checkout that was never built, then `npm install ./freedomid-web-<version>.tgz` in their own
// project. `prepack` must build first, so the tarball carries `dist/` and `custom-elements.json`;
// every documented entry point must then import and work from the installed package.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  devDependencies: Record<string, string>;
};
const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * A clean tree: the files git tracks or would track (as they are in the working tree), no `dist/`, no
 * `custom-elements.json`; `node_modules` is linked from this checkout, as `npm ci` would make it.
 */
function cleanClone(into: string): void {
  const tracked = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], ROOT)
    .split('\0')
    .filter(Boolean);
  for (const file of tracked) {
    if (!existsSync(join(ROOT, file))) continue; // deleted in the working tree
    mkdirSync(dirname(join(into, file)), { recursive: true });
    cpSync(join(ROOT, file), join(into, file));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(into, 'node_modules'), 'dir');
}

/** Runs an ES module script in the merchant's project and parses the JSON it prints. */
function runInProject(project: string, script: string): unknown {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: project,
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

describe('the package installed from `npm pack` on a fresh clone', { timeout: 300_000 }, () => {
  let clone = '';
  let project = '';
  let packedFiles: string[] = [];
  before(() => {
    clone = mkdtempSync(join(tmpdir(), 'freedomid-clone-'));
    project = mkdtempSync(join(tmpdir(), 'merchant-'));
    cleanClone(clone);
    assert.equal(existsSync(join(clone, 'dist')), false, 'the clone starts without dist/');
    // `prepack` prints the build's output before npm's JSON report.
    const output = run('npm', ['pack', '--json', '--pack-destination', project], clone);
    const packed = JSON.parse(output.slice(output.lastIndexOf('\n[\n') + 1)) as {
      filename: string;
      files: { path: string }[];
    }[];
    packedFiles = packed[0]?.files.map((file) => file.path) ?? [];
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'merchant-shop', private: true, type: 'module' }),
    );
    // The optional peers a merchant adds for /react and /testing, at this checkout's versions.
    const peers = ['react', 'react-dom', 'msw'].map(
      (name) => `${name}@${pkg.devDependencies[name]}`,
    );
    run(
      'npm',
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        `./${packed[0]?.filename ?? ''}`,
        ...peers,
      ],
      project,
    );
  });
  after(() => {
    rmSync(clone, { recursive: true, force: true });
    rmSync(project, { recursive: true, force: true });
  });

  it('packs the build and the Custom Elements Manifest', () => {
    for (const file of [
      'dist/index.js',
      'dist/element.js',
      'dist/react.js',
      'dist/server.js',
      'dist/testing.js',
      'dist/freedomid.iife.js',
      'dist/freedomid.iife.js.sri',
      'dist/types/index.d.ts',
      'dist/types/react.d.ts',
      'custom-elements.json',
    ]) {
      assert.ok(packedFiles.includes(file), `the tarball carries ${file}`);
    }
  });

  it('resolves the SDK and runs the server handler', () => {
    const result = runInProject(
      project,
      `
      const sdk = await import('freedomid-web');
      const { createFreedomIdHandler, exchangeCode } = await import('freedomid-web/server');
      const handler = createFreedomIdHandler({
        clientId: 'c388f3cd-7722-4040-9bb2-94b0a05093aa',
        clientSecret: 'secret',
        redirectUri: 'https://shop.example/login',
        cookieSecret: 'a'.repeat(43),
        onSignIn: (claims) => ({ sub: claims.sub }),
      });
      const reply = await handler(new Request('https://shop.example/api/freedomid/params'));
      const body = await reply.json();
      console.log(JSON.stringify({
        client: typeof sdk.FreedomIdClient,
        error: typeof sdk.FreedomIdError,
        exchangeCode: typeof exchangeCode,
        status: reply.status,
        keys: Object.keys(body).sort(),
        cookie: reply.headers.getSetCookie().length,
      }));`,
    );
    assert.deepEqual(result, {
      client: 'function',
      error: 'function',
      exchangeCode: 'function',
      status: 200,
      keys: ['codeChallenge', 'codeChallengeMethod', 'nonce', 'state'],
      cookie: 1,
    });
  });

  it('defines the element from freedomid-web/element', () => {
    const result = runInProject(
      project,
      `
      const { FreedomIdLogin, TAG_NAME } = await import('freedomid-web/element');
      console.log(JSON.stringify({
        tag: TAG_NAME,
        defined: customElements.get(TAG_NAME) === FreedomIdLogin,
        version: FreedomIdLogin.version,
      }));`,
    );
    assert.deepEqual(result, { tag: 'freedomid-login', defined: true, version: pkg.version });
  });

  it('server-renders the React component from freedomid-web/react', () => {
    const result = runInProject(
      project,
      `
      const { createElement } = await import('react');
      const { renderToString } = await import('react-dom/server');
      const { FreedomIdLoginButton } = await import('freedomid-web/react');
      const html = renderToString(createElement(FreedomIdLoginButton, {
        'client-id': 'c388f3cd-7722-4040-9bb2-94b0a05093aa',
        'backend-url': '/api/freedomid/callback',
      }));
      console.log(JSON.stringify({ html }));`,
    );
    assert.deepEqual(result, {
      html: '<freedomid-login client-id="c388f3cd-7722-4040-9bb2-94b0a05093aa" backend-url="/api/freedomid/callback"></freedomid-login>',
    });
  });

  it('mints and reads a test code with freedomid-web/testing', () => {
    const result = runInProject(
      project,
      `
      const { freedomIdHandlers, mintCode, readCode } = await import('freedomid-web/testing');
      const code = mintCode({ clientId: 'client', redirectUri: 'https://shop.example/', nonce: 'n-1' });
      console.log(JSON.stringify({
        nonce: readCode(code)?.nonce,
        handlers: freedomIdHandlers({ clientId: 'client', clientSecret: 'secret' }).length > 0,
      }));`,
    );
    assert.deepEqual(result, { nonce: 'n-1', handlers: true });
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
