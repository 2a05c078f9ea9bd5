// The README's quick start as a merchant pastes it: the backend of "### 1" (with the changes the
// README names for `npm start`'s sandbox) run as its own Node process, serving beside the handler
// the page of "### 2" with the script tag that "Install" prints (self-hosted, with its integrity
// hash); signing in there shows the name onSignIn returned, and the session holds the user's sub.
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEMO_CLIENT_SECRET } from '../../demo/start-demo.js';
import { docBlock, replaceOnce } from './doc-blocks.js';
import {
  chromiumOnly,
  consent,
  DEMO_CLIENT_ID,
  DEMO_USER,
  logIn,
  useDemo,
  WAIT_MS,
  waitForText,
} from './harness.js';

const ROOT = resolve(import.meta.dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** The sandbox `npm start` runs, as the README names it. */
const DEFAULT_AUTHORITY = 'http://127.0.0.1:9400';

const SKIP = chromiumOnly(
  'the script tag and the handler are run in every engine by sign-in and own-page tests',
);
const run = useDemo(SKIP);

/** A free loopback port: the backend's redirect URI names it before the backend listens. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

/** The README's "Install" lines for the script tag, run in a project whose node_modules holds this checkout. */
function scriptTag(project: string): string {
  mkdirSync(join(project, 'node_modules'), { recursive: true });
  mkdirSync(join(project, 'public'));
  symlinkSync(ROOT, join(project, 'node_modules/freedomid-web'), 'dir');
  const lines = docBlock('README.md', 'sh', 'freedomid.iife.js.sri').trim().split('\n');
  assert.equal(lines.length, 2);
  execFileSync('sh', ['-c', lines[0] ?? ''], { cwd: project });
  return execFileSync('sh', ['-c', lines[1] ?? ''], { cwd: project, encoding: 'utf8' }).trim();
}

/** The "### 1" backend, pointed at the tests' sandbox as the README says, serving `page` beside it. */
function backend(pageUrl: string, port: number, publicDir: string, page: string): string {
  const snippet = docBlock('README.md', 'ts', "from 'freedomid-web/server'");
  const issuer = /`issuer: '([^']+)'`/.exec(README)?.[1];
  const jwksUri = /`jwksUri:\s*'([^']+)'`/.exec(README)?.[1];
  assert.equal(issuer, DEFAULT_AUTHORITY);
  assert.equal(jwksUri, `${DEFAULT_AUTHORITY}/api/v1/oidc/jwks`);
  assert.ok(
    README.includes("`redirectUri:\n'http://127.0.0.1:3000/'`"),
    'the README names the redirect URI',
  );
  const sandbox = run.demo.sandboxUrl;
  let code = replaceOnce(
    snippet,
    "redirectUri: 'https://shop.example/login',",
    `redirectUri: ${JSON.stringify(pageUrl)}, issuer: ${JSON.stringify(sandbox)}, jwksUri: ${JSON.stringify(jwksUri.replace(DEFAULT_AUTHORITY, sandbox))},`,
  );
  // "serve your pages beside it": the page and the script at / and /freedomid.iife.js.
  code = replaceOnce(
    code,
    'createServer(toNodeListener(freedomId)).listen(3000);',
    `createServer(withPages(toNodeListener(freedomId))).listen(${port}, '127.0.0.1', () => console.log('listening'));`,
  );
  return `${code}
import { readFileSync as readPublic } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
function withPages(api: (req: IncomingMessage, res: ServerResponse) => void) {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/' || req.url?.startsWith('/?')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(${JSON.stringify(page)});
    } else if (req.url === '/favicon.ico') {
      res.writeHead(404).end();
    } else if (req.url === '/freedomid.iife.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(readPublic(${JSON.stringify(join(publicDir, 'freedomid.iife.js'))}));
    } else {
      api(req, res);
    }
  };
}
`;
}

describe(
  'the README quick start: backend (### 1) and page (### 2)',
  { skip: SKIP, timeout: 180_000 },
  () => {
    let project = '';
    let backendDir = '';
    let server: ChildProcess | undefined;
    let pageUrl = '';

    before(async () => {
      project = mkdtempSync(join(tmpdir(), 'readme-quick-start-'));
      const tag = scriptTag(project);
      assert.match(
        tag,
        /^<script src="\/freedomid\.iife\.js" integrity="sha384-[\w+/]+={0,2}" crossorigin="anonymous" defer><\/script>$/,
      );
      const port = await freePort();
      pageUrl = `http://127.0.0.1:${port}/`;
      let fragment = docBlock('README.md', 'html', '<freedomid-login');
      fragment = replaceOnce(
        fragment,
        '<!-- The <script> tag that Install printed, with its integrity hash. -->',
        tag,
      );
      fragment = replaceOnce(
        fragment,
        `authority="${DEFAULT_AUTHORITY}"`,
        `authority="${run.demo.sandboxUrl}"`,
      );
      assert.ok(
        fragment.includes(`client-id="${DEMO_CLIENT_ID}"`),
        'the page uses the sandbox client id',
      );
      const page = `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Shop</title></head>\n<body>\n${fragment}</body>\n</html>\n`;
      // Inside the checkout, so that `freedomid-web/server` resolves as an installed package would.
      mkdirSync(join(ROOT, '.tmp'), { recursive: true });
      backendDir = mkdtempSync(join(ROOT, '.tmp', 'readme-quick-start-'));
      const file = join(backendDir, 'server.ts');
      writeFileSync(file, backend(pageUrl, port, join(project, 'public'), page));
      server = spawn(process.execPath, ['--import', 'tsx', file], {
        cwd: ROOT,
        env: {
          ...process.env,
          FREEDOMID_CLIENT_ID: DEMO_CLIENT_ID,
          FREEDOMID_CLIENT_SECRET: DEMO_CLIENT_SECRET,
          COOKIE_SECRET: randomBytes(32).toString('base64'),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await once(server.stdout ?? server, 'data', { signal: AbortSignal.timeout(WAIT_MS * 2) });
    });

    after(async () => {
      if (server?.exitCode === null) {
        const exited = once(server, 'exit');
        server.kill();
        await exited;
      }
      for (const dir of [project, backendDir])
        if (dir !== '') rmSync(dir, { recursive: true, force: true });
    });

    it(
      'signs in: the page shows the name onSignIn returned, the session holds the sub',
      { timeout: 90_000 },
      async () => {
        const page = await run.openUrl(pageUrl);
        await page.click('freedomid-login >>> button[part="button"]');
        await logIn(page, run.demo.sandboxUrl);

        await consent(page);

        assert.equal(await waitForText(page, '#who', /./), DEMO_USER.claims.given_name);
        const session = await page.evaluate(async () => {
          const response = await fetch('/api/freedomid/session');
          return (await response.json()) as { session: { sub: string; data: unknown } };
        });
        assert.deepEqual(
          { url: await page.url(), sub: session.session.sub, data: session.session.data },
          {
            url: pageUrl,
            sub: DEMO_USER.claims.sub,
            data: { user: { sub: DEMO_USER.claims.sub, name: DEMO_USER.claims.given_name } },
          },
        );
      },
    );
  },
);
