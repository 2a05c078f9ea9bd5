// Speed part of the benchmark: headless Chromium (playwright-core), pages served from memory on
// 127.0.0.1. Ours and the hand-written bound run in the same browser, interleaved in rounds, so
// both see the same machine load. Every loop is bounded.
/* global document, location, requestAnimationFrame, window -- the inPage* functions run in the browser page */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { BENCH, JOBS, ROOT, bundle } from './common.mjs';
import { undefinedRule } from '../../scripts/undefined-rule.mjs';
import { serve } from './server.mjs';

export const CLIENT_ID = 'c388f3cd-7722-4040-9bb2-94b0a05093aa';
const AUTHORITY = 'https://passport.freedompay.kz';
const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const PLAN = {
  clicks: 240, // per implementation, in rounds of 30 alternating implementations
  clickRound: 30,
  paramsClicks: 60, // per row of the /params table, in rounds of 20 alternating rows
  paramsRound: 20,
  paramsDelayMs: 150, // how long the bench's /params takes to answer
  warmup: 20,
  callbacks: 240,
  staleCounts: [0, 100, 1000],
  staleIterations: 30,
  buttonCounts: [1, 10, 100],
  renderIterations: 30,
  clsLoads: 5,
  clsSettleMs: 800,
};

const PARAMS_PATH = '/api/freedomid/params';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body><main id="app"></main></body></html>`;

/** The checkout-like page on which CLS is observed; `button` is the sign-in markup. */
function clsPage(button, script, css = '') {
  const text =
    'Order summary, delivery address and payment options of a typical checkout page. '.repeat(6);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>checkout</title>
<script>
  window.__cls = 0; window.__shifts = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) { window.__cls += entry.value; window.__shifts++; }
  }).observe({ type: 'layout-shift', buffered: true });
</script>${css ? `<style>\n${css}\n</style>` : ''}</head>
<body style="font: 16px sans-serif; max-width: 640px; margin: 24px auto">
<h1>Checkout</h1><p>${text}</p>
${button}
<p>${text}</p><p>${text}</p>
${script}
</body></html>`;
}

const ELEMENT_MARKUP = `<freedomid-login client-id="${CLIENT_ID}" redirect-uri="/callback-placeholder"></freedomid-login>`;

/** Builds the browser files; the element is null when dist/element.js is not built yet. */
async function browserFiles() {
  const files = new Map();
  files.set('/bench.html', PAGE);
  files.set('/handwritten.js', (await bundle(join(JOBS, 'handwritten.js'))).code);
  files.set('/sdk.js', (await bundle(join(JOBS, 'freedomid-sdk.js'))).code);
  files.set('/lit-floor.js', (await bundle(join(BENCH, 'lib', 'lit-floor.js'))).code);
  // The backend-bound values, after a round trip's worth of delay (new random ones each time).
  files.set(PARAMS_PATH, (request, response) => {
    const value = () => randomBytes(32).toString('base64url');
    setTimeout(() => {
      response
        .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        .end(JSON.stringify({ state: value(), nonce: value() }));
    }, PLAN.paramsDelayMs);
  });
  let element = false;
  if (existsSync(join(ROOT, 'dist/element.js'))) {
    files.set('/element.js', (await bundle(join(JOBS, 'freedomid-element.js'))).code);
    element = true;
  }
  const handwrittenButton =
    '<button id="signin" type="button" style="display:block;width:240px;height:44px;font:inherit">Sign in with Freedom ID</button>';
  const attach = `<script type="module">import { signIn } from '/handwritten.js'; document.getElementById('signin').addEventListener('click', () => signIn());</script>`;
  files.set('/cls-handwritten.html', clsPage(handwrittenButton, attach));
  if (element) {
    const early = `<script type="module" src="/element.js"></script>`;
    const late = `<script type="module">await new Promise((done) => setTimeout(done, 300)); await import('/element.js');</script>`;
    const rule = undefinedRule();
    files.set('/cls-element-module.html', clsPage(ELEMENT_MARKUP, early));
    files.set('/cls-element-module-rule.html', clsPage(ELEMENT_MARKUP, early, rule));
    files.set('/cls-element-late.html', clsPage(ELEMENT_MARKUP, late));
    files.set('/cls-element-late-rule.html', clsPage(ELEMENT_MARKUP, late, rule));
  }
  return { files, element };
}

// ---- functions run inside the page (self-contained: serialized by playwright) ----

async function inPageClicks({ module, kind, count, warmup, clientId }) {
  const job = kind === 'element' ? null : await import(module);
  if (kind === 'element') await import(module);
  let resolveNavigation = () => {};
  const navigated = () => resolveNavigation(performance.now());
  let target;
  let host;
  const errors = [];
  if (kind === 'element') {
    host = document.createElement('freedomid-login');
    host.setAttribute('client-id', clientId);
    host.setAttribute('redirect-uri', `${location.origin}/callback`);
    host.setAttribute('pkce', '');
    host.navigate = navigated; // fallback: the element's navigate property
    host.addEventListener('freedomid-error', (event) => {
      errors.push(event.detail.message);
    });
    host.addEventListener('freedomid-redirect', (event) => {
      event.preventDefault();
      navigated();
    });
    document.body.append(host);
    await host.updateComplete; // Lit renders the button (and makes the SDK client) in its first update

    target = host.shadowRoot?.querySelector('button') ?? host;
    if (target === host) throw new Error('<freedomid-login> rendered no button in its shadow root');
  } else {
    host = target = document.createElement('button');
    target.textContent = 'Sign in with Freedom ID';
    target.addEventListener('click', () => void job.signIn(navigated));
    document.body.append(target);
  }
  const times = [];
  for (let index = 0; index < warmup + count; index++) {
    sessionStorage.clear();
    const done = new Promise((resolve, reject) => {
      resolveNavigation = resolve;
      setTimeout(() => reject(new Error(`no navigation within 2 s ${errors.join('; ')}`)), 2000);
    });
    const start = performance.now();
    target.click();
    const end = await done;
    if (index >= warmup) times.push(end - start);
    if (kind === 'element') {
      // Untimed: let the element leave its busy state (a disabled button ignores clicks); it does
      // so when the cancelled freedomid-redirect returns. Its busy state renders after the
      // navigation call: first that update, then a few microtasks, then frames, bounded.
      await host.updateComplete;
      for (let wait = 0; target.disabled; wait++) {
        if (wait >= 100)
          throw new Error('<freedomid-login> stayed busy after a cancelled redirect');
        await (wait < 10
          ? Promise.resolve()
          : new Promise((resolve) => requestAnimationFrame(resolve)));
      }
      target = host.shadowRoot?.querySelector('button') ?? host;
    }
  }
  host.remove();
  sessionStorage.clear();
  return times;
}

async function inPageParamsClicks({ module, kind, prepare, count, warmup, clientId, paramsPath }) {
  const job = kind === 'element' ? null : await import(module);
  if (kind === 'element') await import(module);
  let resolveNavigation = () => {};
  const navigated = () => resolveNavigation(performance.now());
  const errors = [];
  let host;
  let target;
  let intent;
  if (kind === 'element') {
    host = document.createElement('freedomid-login');
    host.setAttribute('client-id', clientId);
    host.setAttribute('redirect-uri', `${location.origin}/callback`);
    host.setAttribute('params-url', paramsPath);
    if (!prepare) host.setAttribute('prepare', 'off');
    host.addEventListener('freedomid-error', (event) => errors.push(event.detail.message));
    host.addEventListener('freedomid-redirect', (event) => {
      event.preventDefault();
      navigated();
    });
    document.body.append(host);
    await host.updateComplete;
    target = host.shadowRoot.querySelector('button');
    intent = () => host.dispatchEvent(new Event('pointerenter'));
  } else {
    host = target = document.createElement('button');
    target.textContent = 'Sign in with Freedom ID';
    target.addEventListener(
      'click',
      () =>
        void job
          .signInWithParams(navigated, paramsPath, prepare)
          .catch((error) => errors.push(String(error))),
    );
    document.body.append(target);
    intent = () => job.paramsClient(paramsPath, prepare).prepare();
  }
  const paramsUrl = new URL(paramsPath, location.href).href;
  const answered = () => performance.getEntriesByName(paramsUrl).length > 0;
  const times = [];
  for (let index = 0; index < warmup + count; index++) {
    sessionStorage.clear();
    performance.clearResourceTimings();
    // Untimed: the user shows intent, and clicks once the prepared request has answered (hover
    // to click is longer than the round trip); with preparation off, nothing is asked.
    intent();
    if (prepare) {
      for (let wait = 0; !answered(); wait++) {
        if (wait >= 200) throw new Error(`no prepared /params within 2 s ${errors.join('; ')}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const done = new Promise((resolve, reject) => {
      resolveNavigation = resolve;
      setTimeout(() => reject(new Error(`no navigation within 2 s ${errors.join('; ')}`)), 2000);
    });
    const start = performance.now();
    target.click();
    const end = await done;
    if (index >= warmup) times.push(end - start);
    if (kind === 'element') {
      await host.updateComplete; // the busy state renders after the navigation call
      for (let wait = 0; target.disabled; wait++) {
        if (wait >= 100)
          throw new Error('<freedomid-login> stayed busy after a cancelled redirect');
        await (wait < 10
          ? Promise.resolve()
          : new Promise((resolve) => requestAnimationFrame(resolve)));
      }
    }
  }
  host.remove();
  sessionStorage.clear();
  return times;
}

async function inPageCallbacks({ module, count, warmup, stale, authority, clientId }) {
  const job = await import(module);
  const fill = (n) => {
    const created = Math.floor(Date.now() / 1000) - 3600;
    for (let index = 0; index < n; index++) {
      const state = `stale${index}`;
      // The shape the SDK stores (src/sdk/request-store.ts `StoredRequest`), an hour old.
      sessionStorage.setItem(
        `freedomid.${state}`,
        JSON.stringify({
          state,
          nonce: state,
          codeVerifier: state,
          clientId,
          redirectUri: `${location.origin}/callback`,
          authority,
          created,
        }),
      );
    }
  };
  const create = [];
  const callback = [];
  for (let index = 0; index < warmup + count; index++) {
    sessionStorage.clear();
    fill(stale);
    let start = performance.now();
    const url = await job.createAuthorizationUrl();
    const created = performance.now() - start;
    fill(stale); // the sweep removed them: handleCallback sees the same N
    const href = `${location.origin}/callback?code=bench-code&state=${url.searchParams.get('state')}&iss=${encodeURIComponent(authority)}`;
    start = performance.now();
    const result = await job.handleCallback(href);
    const handled = performance.now() - start;
    if (result.code !== 'bench-code') throw new Error('callback did not hand the code over');
    if (index >= warmup) {
      create.push(created);
      callback.push(handled);
    }
  }
  sessionStorage.clear();
  return { create, callback };
}

async function inPageRender({ module, kind, counts, iterations, clientId }) {
  if (module) await import(module);
  const one = {
    element: `<freedomid-login client-id="${clientId}" redirect-uri="${location.origin}/callback"></freedomid-login>`,
    'lit-floor': '<bench-lit-floor></bench-lit-floor>',
    button: '<button type="button">Sign in with Freedom ID</button>',
  }[kind];
  const markup = (n) => one.repeat(n);
  const out = {};
  for (const n of counts) {
    out[n] = [];
    for (let index = 0; index < iterations + 3; index++) {
      const host = document.createElement('div');
      document.body.append(host);
      const start = performance.now();
      host.innerHTML = markup(n); // defined elements upgrade (and build their shadow DOM) here
      if (kind !== 'button') {
        // Lit renders each element in its first update, a microtask after the upgrade.
        await Promise.all([...host.children].map((child) => child.updateComplete));
      } else {
        for (const child of host.children) child.addEventListener('click', () => {});
        await Promise.resolve();
      }
      void host.getBoundingClientRect().height; // style and layout included
      const time = performance.now() - start;
      host.remove();
      if (index >= 3) out[n].push(time);
    }
  }
  return out;
}

// ---- driver ----

export async function measureSpeed(log = () => {}) {
  const { files, element } = await browserFiles();
  const server = await serve(files);
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: CHROME_ARGS,
  });
  const results = { element, chromium: browser.version() };
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/bench.html`);
    results.isolated = await page.evaluate(() => globalThis.crossOriginIsolated);
    const impls = [
      { name: 'hand-written bound', module: '/handwritten.js', kind: 'job' },
      { name: 'freedomid-web SDK', module: '/sdk.js', kind: 'job' },
    ];
    const clickImpls = element
      ? [...impls, { name: 'freedomid-web element', module: '/element.js', kind: 'element' }]
      : impls;

    log('speed: click → navigation');
    results.clicks = Object.fromEntries(clickImpls.map((impl) => [impl.name, []]));
    for (let round = 0; round < PLAN.clicks / PLAN.clickRound; round++) {
      for (const impl of clickImpls) {
        const times = await page.evaluate(inPageClicks, {
          module: impl.module,
          kind: impl.kind,
          count: PLAN.clickRound,
          warmup: round === 0 ? PLAN.warmup : 2,
          clientId: CLIENT_ID,
        });
        results.clicks[impl.name].push(...times);
      }
    }

    log(`speed: click → navigation with a /params that answers after ${PLAN.paramsDelayMs} ms`);
    const paramsRows = [
      { name: 'hand-written bound (no backend)', module: '/handwritten.js', kind: 'bound' },
      { name: 'SDK, preparation on', module: '/sdk.js', kind: 'job', prepare: true },
      { name: 'SDK, preparation off', module: '/sdk.js', kind: 'job', prepare: false },
    ];
    if (element) {
      paramsRows.push(
        { name: 'element, preparation on', module: '/element.js', kind: 'element', prepare: true },
        {
          name: 'element, preparation off',
          module: '/element.js',
          kind: 'element',
          prepare: false,
        },
      );
    }
    results.paramsClicks = Object.fromEntries(paramsRows.map((row) => [row.name, []]));
    for (let round = 0; round < PLAN.paramsClicks / PLAN.paramsRound; round++) {
      for (const row of paramsRows) {
        const warmup = round === 0 ? 3 : 1;
        const times =
          row.kind === 'bound'
            ? await page.evaluate(inPageClicks, {
                module: row.module,
                kind: 'job',
                count: PLAN.paramsRound,
                warmup,
                clientId: CLIENT_ID,
              })
            : await page.evaluate(inPageParamsClicks, {
                module: row.module,
                kind: row.kind,
                prepare: row.prepare,
                count: PLAN.paramsRound,
                warmup,
                clientId: CLIENT_ID,
                paramsPath: PARAMS_PATH,
              });
        results.paramsClicks[row.name].push(...times);
      }
    }

    log('speed: handleCallback and stale sweeps');
    results.callbacks = {};
    for (const stale of PLAN.staleCounts) {
      for (const impl of impls) {
        const count = stale === 0 ? PLAN.callbacks : PLAN.staleIterations;
        const times = await page.evaluate(inPageCallbacks, {
          module: impl.module,
          count,
          warmup: 5,
          stale,
          authority: AUTHORITY,
          clientId: CLIENT_ID,
        });
        results.callbacks[`${impl.name}|${stale}`] = times;
      }
    }

    log('speed: render of 1, 10, 100 buttons');
    results.render = {};
    results.render['hand-written bound (<button>)'] = await page.evaluate(inPageRender, {
      module: null,
      kind: 'button',
      counts: PLAN.buttonCounts,
      iterations: PLAN.renderIterations,
      clientId: CLIENT_ID,
    });
    results.render['Lit floor: a trivial LitElement'] = await page.evaluate(inPageRender, {
      module: '/lit-floor.js',
      kind: 'lit-floor',
      counts: PLAN.buttonCounts,
      iterations: PLAN.renderIterations,
      clientId: CLIENT_ID,
    });
    if (element) {
      results.render['freedomid-web <freedomid-login>'] = await page.evaluate(inPageRender, {
        module: '/element.js',
        kind: 'element',
        counts: PLAN.buttonCounts,
        iterations: PLAN.renderIterations,
        clientId: CLIENT_ID,
      });
    }
    await page.close();

    log('speed: layout shift while the element upgrades');
    results.cls = {};
    const clsPages = [['hand-written bound (static <button>)', '/cls-handwritten.html']];
    if (element) {
      clsPages.push(
        ['element, module script, no :not(:defined) rule', '/cls-element-module.html'],
        ['element, module script, documented rule', '/cls-element-module-rule.html'],
        ['element, script 300 ms late, no :not(:defined) rule', '/cls-element-late.html'],
        ['element, script 300 ms late, documented rule', '/cls-element-late-rule.html'],
      );
    }
    for (const [name, path] of clsPages) {
      const values = [];
      for (let load = 0; load < PLAN.clsLoads; load++) {
        const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
        const clsTab = await context.newPage();
        await clsTab.goto(server.origin + path, { waitUntil: 'load' });
        await clsTab.waitForTimeout(PLAN.clsSettleMs);
        values.push(await clsTab.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts })));
        await context.close();
      }
      results.cls[name] = values;
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}
