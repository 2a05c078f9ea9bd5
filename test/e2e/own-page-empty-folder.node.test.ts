// docs/own-page.md step 2 as a new user follows it: an empty folder beside the clone, the doc's
// shell lines run as written (an ES module project, tsx and the tarball `npm pack` made), the doc's
// server saved as server.ts and started with the doc's command; signing in there shows the `sub`.
// The tarball is packed once from this checkout's build (`npm run build` runs before the e2e tests);
// npm installs from its cache, offline.
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { docBlock } from './doc-blocks.js';
import {
  clickSignIn,
  consent,
  DEMO_USER,
  logIn,
  useDemo,
  WAIT_MS,
  waitForText,
  TEST_TIMEOUT_MS,
} from './harness.js';

const ROOT = resolve(import.meta.dirname, '../..');
/** The body of the first fenced block of `language` in docs/own-page.md whose text includes `marker`. */
const block = (language: string, marker: string) => docBlock('docs/own-page.md', language, marker);

/** npm as a merchant's, but from the cache only and quiet. */
const NPM_ENV = {
  npm_config_prefer_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  npm_config_loglevel: 'error',
};

const run = useDemo();

describe('docs/own-page.md step 2, from an empty folder', { timeout: 300_000 }, () => {
  let top = '';
  let server: ChildProcess | undefined;
  let pageUrl = '';

  before(async () => {
    top = mkdtempSync(join(tmpdir(), 'own-page-'));
    // The doc's layout: the clone's tarball in ../freedomid-web/, the merchant's empty folder beside it.
    const clone = join(top, 'freedomid-web');
    const folder = join(top, 'my-shop');
    mkdirSync(clone);
    mkdirSync(folder);
    execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', clone], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    assert.equal(readdirSync(folder).length, 0);
    const setup = block('sh', 'npm pkg set type=module');
    for (const line of setup.split('\n').filter((text) => text.trim() !== '')) {
      execFileSync('sh', ['-c', line], {
        cwd: folder,
        env: { ...process.env, ...NPM_ENV },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    }
    writeFileSync(join(folder, 'server.ts'), block('ts', '// Step 2 of docs/own-page.md'));
    const command = block('sh', 'npx tsx server.ts').split('#')[0]?.trim() ?? '';
    assert.equal(command, 'npx tsx server.ts');
    server = spawn('sh', ['-c', `exec ${command}`], {
      cwd: folder,
      env: {
        ...process.env,
        ...NPM_ENV,
        PORT: '0',
        FREEDOMID_AUTHORITY: run.demo.sandboxUrl,
        FREEDOMID_SCRIPT: `${run.demo.siteUrl}/dist/freedomid.iife.js`,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
      // Its own process group: npx starts tsx, which starts node; all of them stop together.
      detached: true,
    });
    const [line] = (await once(server.stdout ?? server, 'data', {
      signal: AbortSignal.timeout(WAIT_MS * 2),
    })) as [Buffer];
    pageUrl = /Open (\S+)/.exec(line.toString())?.[1] ?? '';
    assert.match(pageUrl, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  after(async () => {
    if (server?.pid !== undefined && server.exitCode === null) {
      const exited = once(server, 'exit');
      process.kill(-server.pid);
      await exited;
    }
    rmSync(top, { recursive: true, force: true });
  });

  it('made an ES module project that uses the installed package, not this checkout', () => {
    const folder = join(top, 'my-shop');
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
      type?: string;
      dependencies?: Record<string, string>;
    };
    assert.equal(manifest.type, 'module');
    assert.match(
      manifest.dependencies?.['freedomid-web'] ?? '',
      /^file:\.\.\/freedomid-web\/freedomid-web-.+\.tgz$/,
    );
  });

  it('signs in and shows the sub the backend validated', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await run.openUrl(pageUrl);
    await clickSignIn(page, 'script-tag');
    await logIn(page, run.demo.sandboxUrl);

    await consent(page);

    assert.equal(
      await waitForText(page, '#result', /^Signed in: /),
      `Signed in: ${DEMO_USER.claims.sub}`,
    );
  });
});
