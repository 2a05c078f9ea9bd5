// The README's quick start as a merchant pastes it: the backend of "### 1" (with the changes the
// README names for `npm start`'s sandbox) run as its own Node process and serving, beside the
// handler, one page: "### 2" with the script tag that "Install" prints (self-hosted, with its
// integrity hash), or "### 2′" (the element) or "### 2″" (the JS API) bundled by Vite. Each signs
// in to the test user's exact sub (the backend's session) and shows what the doc says it shows.
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
import { build } from 'vite';
import { DEMO_CLIENT_SECRET } from '../../demo/start-demo.js';
import type { FreedomIdSession } from '../../src/index.js';
import { poll } from './browser/page.js';
import { docBlock, replaceOnce } from './doc-blocks.js';
import {
  consent,
  DEMO_CLIENT_ID,
  DEMO_USER,
  logIn,
  TEST_TIMEOUT_MS,
  useDemo,
  WAIT_MS,
  waitForText,
  type Page,
} from './harness.js';
import { readSession } from './session-steps.js';

const ROOT = resolve(import.meta.dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** The sandbox `npm start` runs, as the README names it. */
const DEFAULT_AUTHORITY = 'http://127.0.0.1:9400';

const run = useDemo();

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

/** A page around `body`, as the merchant's own HTML would hold a snippet. */
function html(body: string): string {
  return `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Shop</title></head>\n<body>\n${body}</body>\n</html>\n`;
}

/** A snippet of "### 2′" or "### 2″" pointed at the tests' sandbox, bundled as /app.js. */
async function bundle(marker: string, outDir: string, entryDir: string): Promise<void> {
  const snippet = replaceOnce(
    docBlock('README.md', 'ts', marker),
    `'${DEFAULT_AUTHORITY}'`,
    `'${run.demo.sandboxUrl}'`,
  );
  assert.ok(snippet.includes(`'${DEMO_CLIENT_ID}'`), 'the snippet uses the sandbox client id');
  const entry = join(entryDir, `${outDir.split('/').at(-1) ?? 'app'}.ts`);
  writeFileSync(entry, snippet);
  await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    mode: 'production',
    resolve: {
      alias: {
        'freedomid-web/element': join(ROOT, 'dist/element.js'),
        'freedomid-web': join(ROOT, 'dist/index.js'),
      },
    },
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'es2022',
      lib: { entry, formats: ['es'], fileName: () => 'app.js' },
    },
  });
}

/** The "### 1" backend, pointed at the tests' sandbox as the README says, serving `files` beside it. */
function backend(pageUrl: string, port: number, files: Record<string, string>): string {
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
  // "serve your pages beside it": the page at /, its script files by name.
  code = replaceOnce(
    code,
    'createServer(toNodeListener(freedomId)).listen(3000);',
    `createServer(withPages(toNodeListener(freedomId))).listen(${port}, '127.0.0.1', () => console.log('listening'));`,
  );
  return `${code}
import { readFileSync as readPublic } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
const FILES: Record<string, string> = ${JSON.stringify(files)};
function withPages(api: (req: IncomingMessage, res: ServerResponse) => void) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://page').pathname;
    const file = FILES[path];
    if (path.startsWith('/api/freedomid/')) api(req, res);
    else if (file === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': path === '/' ? 'text/html; charset=utf-8' : 'text/javascript' }).end(readPublic(file));
  };
}
`;
}

/** The backend with its page, started as its own process; stopped by the returned function. */
async function startBackend(
  work: string,
  files: (pageUrl: string) => Record<string, string>,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const file = join(work, `server-${port}.ts`);
  writeFileSync(file, backend(url, port, files(url)));
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', file], {
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
  return {
    url,
    stop: async () => {
      if (server.exitCode !== null) return;
      const exited = once(server, 'exit');
      server.kill();
      await exited;
    },
  };
}

/** Signs in from `url` with `signInButton` and returns the backend's session as the page reads it. */
async function signIn(
  url: string,
  signInButton: string,
): Promise<{ page: Page; session: FreedomIdSession }> {
  const page = await run.openUrl(url);
  await page.click(signInButton);
  await logIn(page, run.demo.sandboxUrl);
  await consent(page);
  await page.waitForURL((back) => back.href.startsWith(url));
  // The page hands the code to the backend on its own; poll its session until it holds one.
  const session = await poll(
    async () => (await readSession(page)) ?? undefined,
    'the backend to hold a session after signing in',
  );
  return { page, session };
}

/** What the README's onSignIn returns for the test user (the sandbox puts given_name in the id_token). */
const RETURNED = { user: { sub: DEMO_USER.claims.sub, name: DEMO_USER.claims.given_name } };

describe(
  'the README quick start: backend (### 1) and page (### 2, 2′, 2″)',
  { timeout: 240_000 },
  () => {
    let project = '';
    let work = '';

    before(() => {
      project = mkdtempSync(join(tmpdir(), 'readme-quick-start-'));
      // Inside the checkout, so that `freedomid-web/server` resolves as an installed package would.
      mkdirSync(join(ROOT, '.tmp'), { recursive: true });
      work = mkdtempSync(join(ROOT, '.tmp', 'readme-quick-start-'));
    });

    after(() => {
      for (const dir of [project, work])
        if (dir !== '') rmSync(dir, { recursive: true, force: true });
    });

    it(
      '### 2, the script tag: the page shows the name onSignIn returned',
      { timeout: TEST_TIMEOUT_MS },
      async () => {
        const tag = scriptTag(project);
        assert.match(
          tag,
          /^<script src="\/freedomid\.iife\.js" integrity="sha384-[\w+/]+={0,2}" crossorigin="anonymous" defer><\/script>$/,
        );
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
        writeFileSync(join(work, 'script-tag.html'), html(fragment));
        const backend = await startBackend(work, () => ({
          '/': join(work, 'script-tag.html'),
          '/freedomid.iife.js': join(project, 'public/freedomid.iife.js'),
        }));
        try {
          const { page, session } = await signIn(
            backend.url,
            'freedomid-login >>> button[part="button"]',
          );
          assert.equal(await waitForText(page, '#who', /./), DEMO_USER.claims.given_name);
          assert.deepEqual(
            { url: await page.url(), sub: session.sub, data: session.data },
            { url: backend.url, sub: DEMO_USER.claims.sub, data: RETURNED },
          );
        } finally {
          await backend.stop();
        }
      },
    );

    for (const [name, marker, button, body] of [
      [
        '### 2′, the element in a bundled app',
        "import 'freedomid-web/element'",
        'freedomid-login >>> button[part="button"]',
        '',
      ],
      [
        '### 2″, the JS API with its own button',
        'new FreedomIdClient',
        '#sign-in',
        '<button id="sign-in">Sign in</button>\n',
      ],
    ] as const) {
      it(`${name}: signed in to the exact sub`, { timeout: TEST_TIMEOUT_MS }, async () => {
        const outDir = join(work, name.includes('element') ? 'element' : 'js-api');
        await bundle(marker, outDir, work);
        writeFileSync(
          join(outDir, 'index.html'),
          html(`${body}<script type="module" src="/app.js"></script>\n`),
        );
        const backend = await startBackend(work, () => ({
          '/': join(outDir, 'index.html'),
          '/app.js': join(outDir, 'app.js'),
        }));
        try {
          const { page, session } = await signIn(backend.url, button);
          assert.deepEqual(
            { url: await page.url(), sub: session.sub, data: session.data },
            { url: backend.url, sub: DEMO_USER.claims.sub, data: RETURNED },
          );
        } finally {
          await backend.stop();
        }
      });
    }
  },
);
