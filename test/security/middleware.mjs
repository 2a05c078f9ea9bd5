// Dev-server middleware for the security suite, added by web-test-runner.config.mjs.
// - Pages under /demo/csp/ and /test/security/csp/ get the strict Content-Security-Policy of
//   issue 5 (`trusted-types lit-html`: the element needs Lit's policy); /test/security/csp/sdk-tt-none/
//   index.html is the SDK alone under `trusted-types 'none'` (its script bundled here).
// - /demo/script-tag.js is the demo pages' outcome display the CSP page loads, bundled here.
// - GET /api/freedomid/params and POST /api/freedomid/callback with one of those pages as
//   redirectUri (its params-url and backend-url) stand in for the merchant backend's handler
//   (only for them: every other test page answers those paths with MSW handlers).
// - /test/security/sri/{genuine,tampered}.iife.js serve dist/freedomid.iife.js byte for byte, and
//   with one byte changed. Both answer here, before the plugins, so nothing rewrites their bytes.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The policy of issue 5, exactly. */
export const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

/** The same policy allowing no Trusted Types policy at all. */
export const STRICT_CSP_NO_POLICY = STRICT_CSP.replace(
  'trusted-types lit-html',
  "trusted-types 'none'",
);

/** The strict-CSP demo page, with its policy. */
const PAGES = {
  '/demo/csp/index.html': STRICT_CSP,
};

const IIFE = 'dist/freedomid.iife.js';

/** The SDK-only page under `trusted-types 'none'`, and its script: the SDK entry bundled with its dependencies. */
const SDK_PAGE = '/test/security/csp/sdk-tt-none/index.html';
const SDK_PAGE_SCRIPT = '/test/security/csp/sdk-tt-none/app.js';

/** The demo pages' shared outcome display, which the CSP page loads from /demo/script-tag.js as `npm start` serves it. */
const DEMO_DISPLAY_SCRIPT = '/demo/script-tag.js';

/** A page script bundled as a merchant's bundler would (esbuild, es2020, dependencies included). */
async function bundle(entry) {
  const result = await build({
    entryPoints: [`${ROOT}${entry}`],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    write: false,
  });
  return result.outputFiles[0].text;
}

/** What the test server fills into the CSP page's placeholders (npm start fills in the sandbox's). */
export const CSP_PAGE_VALUES = {
  '%FREEDOMID_CLIENT_ID%': 'c388f3cd-7722-4040-9bb2-94b0a05093aa',
  '%FREEDOMID_AUTHORITY%': 'https://passport.freedompay.kz',
  '%FREEDOMID_SCOPE%': 'openid',
  '%FREEDOMID_BACKEND_URL%': '/api/freedomid/callback',
};

/** The CSP page with its placeholders filled in. */
export function fillCspPage(html) {
  return html.replace(/%FREEDOMID_[A-Z_]+%/g, (name) => CSP_PAGE_VALUES[name] ?? name);
}
const BACKEND_PATH = '/api/freedomid/callback';
const PARAMS_PATH = '/api/freedomid/params';

/** Whether a URL is one of the strict-CSP pages. */
function isCspPage(url) {
  try {
    const { pathname } = new URL(url);
    return pathname.startsWith('/demo/csp/') || pathname.startsWith('/test/security/csp/');
  } catch {
    return false;
  }
}

/** The request's JSON body, or undefined. */
async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}
const SOURCE_MAP_COMMENT = '//# sourceMappingURL=';

/** The built script tag with one byte changed, inside its trailing source-map comment: still valid JavaScript. */
export function tamper(code) {
  const at = code.lastIndexOf(SOURCE_MAP_COMMENT);
  if (at < 0) throw new Error(`${IIFE} has no ${SOURCE_MAP_COMMENT} comment to alter`);
  const index = at + SOURCE_MAP_COMMENT.length;
  const changed = Buffer.from(code);
  changed[index] ^= 1;
  return changed;
}

/** Koa middleware: the CSP header, the CSP variant page, and the two copies of the script tag. */
export function securityMiddleware() {
  return async (ctx, next) => {
    const { path } = ctx;
    // The pages are answered here, before the dev server's plugins, which would otherwise inject
    // their own <script> (the dev server's web socket) into every HTML page: the page tested is the file.
    if (path === SDK_PAGE || path === SDK_PAGE_SCRIPT) {
      ctx.set('Content-Security-Policy', STRICT_CSP_NO_POLICY);
      ctx.set('Cache-Control', 'no-store');
      ctx.type = path === SDK_PAGE ? 'html' : 'text/javascript';
      ctx.body =
        path === SDK_PAGE
          ? await readFile(`${ROOT}test/security/csp/sdk-page.html`, 'utf8')
          : await bundle('test/security/csp/sdk-page.ts');
      return;
    }
    if (path === DEMO_DISPLAY_SCRIPT) {
      ctx.type = 'text/javascript';
      ctx.body = await bundle('demo/pages/script-tag.ts');
      return;
    }
    const page = PAGES[path];
    if (page !== undefined) {
      ctx.set('Content-Security-Policy', page);
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'html';
      ctx.body = fillCspPage(await readFile(`${ROOT}demo/csp/index.html`, 'utf8'));
      return;
    }
    if (
      path === '/test/security/sri/genuine.iife.js' ||
      path === '/test/security/sri/tampered.iife.js'
    ) {
      let code;
      try {
        code = await readFile(`${ROOT}${IIFE}`);
      } catch {
        ctx.status = 404;
        ctx.body = `${IIFE} is missing: run npm run build first`;
        return;
      }
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'text/javascript';
      ctx.body = path.endsWith('tampered.iife.js') ? tamper(code) : code;
      return;
    }
    if (ctx.method === 'GET' && path === PARAMS_PATH) {
      // What the handler's params route answers, without PKCE (the challenge is optional). Only
      // the CSP pages get here (no Referer check: MSW's worker may pass the request on as its own).
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        state: randomBytes(24).toString('base64url'),
        nonce: randomBytes(24).toString('base64url'),
      };
      return;
    }
    if (ctx.method === 'POST' && path === BACKEND_PATH) {
      // Told apart by the hand-off's own redirectUri, not the Referer: when MSW's service worker
      // passes a request on, its Referer is the worker's URL (/mockServiceWorker.js).
      const body = await readJson(ctx.req);
      if (isCspPage(body?.redirectUri)) {
        const valid = ['code', 'state', 'nonce'].every((field) => typeof body[field] === 'string');
        ctx.status = valid ? 200 : 400;
        ctx.body = valid
          ? { profile: { sub: 'csp-demo-user', name: 'Aigerim' } }
          : { error: 'invalid_request' };
        return;
      }
    }
    await next();
    if (path.startsWith('/demo/csp/') || path.startsWith('/test/security/csp/')) {
      ctx.set('Content-Security-Policy', STRICT_CSP);
    }
  };
}
