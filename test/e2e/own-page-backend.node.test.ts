// "Try it on your own page", step 2 (docs/own-page.md): examples/own-page/server.ts, run as a
// merchant runs it, serves the page and the backend handler on a port of its own; signing in
// there shows the `sub` the backend validated.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
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

const run = useDemo();

describe('a page of your own with a backend (docs/own-page.md, step 2)', () => {
  let server: ChildProcess | undefined;
  let pageUrl = '';

  before(async () => {
    server = spawn(process.execPath, ['--import', 'tsx', 'examples/own-page/server.ts'], {
      cwd: new URL('../../', import.meta.url),
      env: {
        ...process.env,
        PORT: '0',
        FREEDOMID_AUTHORITY: run.demo.sandboxUrl,
        FREEDOMID_SCRIPT: `${run.demo.siteUrl}/dist/freedomid.iife.js`,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // It prints "Open <url>" once it listens.
    const [line] = (await once(server.stdout ?? server, 'data', {
      signal: AbortSignal.timeout(WAIT_MS),
    })) as [Buffer];
    pageUrl = /Open (\S+)/.exec(line.toString())?.[1] ?? '';
    assert.match(pageUrl, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  after(async () => {
    if (server?.exitCode === null) {
      server.kill();
      await once(server, 'exit');
    }
  });

  it('is the server docs/own-page.md shows, byte for byte', async () => {
    const [doc, file] = await Promise.all(
      ['../../docs/own-page.md', '../../examples/own-page/server.ts'].map((path) =>
        readFile(new URL(path, import.meta.url), 'utf8'),
      ),
    );
    assert.ok(doc.includes(`\n\`\`\`ts\n${file}\`\`\`\n`));
  });

  it('signs in and shows the sub the backend validated', { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await run.openUrl(pageUrl);
    await clickSignIn(page, 'script-tag');
    await logIn(page, run.demo.sandboxUrl);

    await consent(page);

    const result = await waitForText(page, '#result', /^Signed in: /);
    assert.equal(result, `Signed in: ${DEMO_USER.claims.sub}`);
    assert.equal(await page.url(), pageUrl);
  });
});
