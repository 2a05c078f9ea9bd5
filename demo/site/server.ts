import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { NodeListener } from '../../src/server/index.js';
import { BASE_PATH, createBackend, STANDARD_BASE_PATH, type BackendConfig } from './backend.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The callback endpoint the demo pages hand the code to (their `backend-url`). */
export const BACKEND_PATH = `${BASE_PATH}/callback`;

/** The endpoint the demo pages get state, nonce and PKCE challenge from (their `params-url`). */
export const PARAMS_PATH = `${BASE_PATH}/params`;

/** The demo pages; each is its own redirect URI. */
export const PAGES = ['script-tag', 'element', 'js-api', 'popup'] as const;

/** The policy demo/csp/ is served with: no inline script or style, Trusted Types enforced. */
const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

/** The strict-CSP page, a redirect URI of its own beside the pages'. */
export const CSP_PAGE = '/demo/csp/index.html';

/** Page scripts bundled from demo/pages/<name>.ts on request: the sign-in pages' and the gallery's. */
const SCRIPTS: readonly string[] = [...PAGES, 'gallery'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

/** What the pages are told (through placeholders) and what the backend uses. */
export interface SiteConfig extends BackendConfig {
  /** The pages' `authority`, and the backend's expected issuer. */
  issuer: string;
  scope: string;
  /** A second backend at `STANDARD_BASE_PATH`, for the sandbox's standard shape. */
  standard?: BackendConfig;
}

/** A listening site whose configuration is set once the sandbox is up. */
export interface Site {
  readonly url: string;
  configure(config: SiteConfig): void;
  close(): Promise<void>;
}

/**
 * Starts the demo merchant site on 127.0.0.1: the root page, the demo pages (their scripts
 * bundled by esbuild from `demo/pages/`), the built `dist/` and the backend endpoint.
 */
export async function startSite(port = 0): Promise<Site> {
  let config: SiteConfig | undefined;
  let backend: NodeListener | undefined;
  let standardBackend: NodeListener | undefined;
  const bundles = new Map<string, Promise<string>>();
  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal error: see the server log.');
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (config === undefined || backend === undefined) {
      res.writeHead(503).end();
      return;
    }
    if (path.startsWith(`${BASE_PATH}/`)) {
      backend(req, res);
      return;
    }
    if (standardBackend !== undefined && path.startsWith(`${STANDARD_BASE_PATH}/`)) {
      standardBackend(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const page = /^\/demo\/([\w-]+)\.js$/.exec(path)?.[1];
    if (page !== undefined && SCRIPTS.includes(page)) {
      let bundle = bundles.get(page);
      if (bundle === undefined) {
        bundle = bundlePage(page);
        bundles.set(page, bundle);
      }
      send(res, 200, '.js', await bundle);
      return;
    }
    const file = path === '/' ? 'index.html' : normalize(path.slice(1));
    // The one file of src/ a page links: the rule that reserves the element's box (the gallery's).
    const allowed = ['index.html', 'src/element/undefined-rule.css'];
    if (!/^(demo|dist)\//.test(file) && !allowed.includes(file)) {
      res.writeHead(404).end();
      return;
    }
    let content: Buffer;
    try {
      content = await readFile(join(ROOT, file));
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: ${path}`);
      return;
    }
    const type = extname(file);
    // The strict-CSP page gets the policy of issue 5 / README "Content-Security-Policy".
    if (file.startsWith('demo/csp/')) res.setHeader('content-security-policy', STRICT_CSP);
    send(res, 200, type, type === '.html' ? fillIn(content.toString('utf8'), config) : content);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    configure(next) {
      // The scope is the pages' (it goes into the authorization URL); the backend has no such option.
      const backendConfig: BackendConfig & Partial<SiteConfig> = { ...next };
      delete backendConfig.scope;
      delete backendConfig.standard;
      backend = createBackend(backendConfig);
      standardBackend =
        next.standard === undefined
          ? undefined
          : createBackend({ basePath: STANDARD_BASE_PATH, ...next.standard });
      config = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}

/** Fills the pages' placeholders; the client secret is never among them. */
function fillIn(html: string, config: SiteConfig): string {
  const values: Record<string, string> = {
    '%FREEDOMID_CLIENT_ID%': config.clientId,
    '%FREEDOMID_AUTHORITY%': config.issuer,
    '%FREEDOMID_SCOPE%': config.scope,
    '%FREEDOMID_BACKEND_URL%': BACKEND_PATH,
    '%FREEDOMID_PARAMS_URL%': PARAMS_PATH,
  };
  return html.replace(/%FREEDOMID_[A-Z_]+%/g, (name) => escapeAttribute(values[name] ?? name));
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** Bundles `demo/pages/<page>.ts` (which import the package's source) as a merchant's bundler would. */
async function bundlePage(page: string): Promise<string> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [`demo/pages/${page}.ts`],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    define: { __FREEDOMID_VERSION__: JSON.stringify('demo') },
    logLevel: 'silent',
  });
  return result.outputFiles.map((file) => file.text).join('\n');
}

function send(res: ServerResponse, status: number, ext: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  res.end(body);
}
