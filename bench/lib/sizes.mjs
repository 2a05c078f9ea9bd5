// Size part of the benchmark: the same sign-in job bundled for each library with one esbuild
// configuration, then gzip -9 and brotli 11.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH, JOBS, ROOT, brotli, bundle, gzip, installedVersion } from './common.mjs';

/**
 * What is measured. `needs` is a built file of ours that must exist first; `raw` files are
 * already minified and only compressed. `exchange`: whether the library's callback API can stop
 * before the token exchange (hand the code over) or always exchanges it in the browser.
 */
export const ROWS = [
  {
    name: 'hand-written bound',
    job: 'handwritten.js',
    version: '—',
    exchange: 'hands the code over',
  },
  {
    name: 'freedomid-web SDK (job)',
    job: 'freedomid-sdk.js',
    needs: 'dist/index.js',
    version: 'ours',
    exchange: 'hands the code over',
  },
  {
    name: 'freedomid-web SDK entry',
    entry: join(ROOT, 'dist/index.js'),
    needs: 'dist/index.js',
    version: 'ours',
    exchange: 'whole public entry',
  },
  {
    name: 'freedomid-web element entry',
    entry: join(ROOT, 'dist/element.js'),
    needs: 'dist/element.js',
    version: 'ours',
    exchange: 'SDK + element, with Lit and oidc-client-ts',
  },
  {
    name: 'freedomid-web IIFE (as shipped)',
    raw: join(ROOT, 'dist/freedomid.iife.js'),
    needs: 'dist/freedomid.iife.js',
    version: 'ours',
    exchange: 'not re-bundled',
  },
  {
    name: 'oauth4webapi',
    job: 'oauth4webapi.js',
    pkg: 'oauth4webapi',
    exchange: 'hands the code over',
  },
  {
    name: 'oidc-client-ts OidcClient',
    job: 'oidc-client-ts-oidcclient.js',
    pkg: 'oidc-client-ts',
    exchange: 'hands the code over (readSigninResponseState)',
  },
  {
    name: 'oidc-client-ts UserManager',
    job: 'oidc-client-ts-usermanager.js',
    pkg: 'oidc-client-ts',
    exchange: 'always exchanges',
  },
  { name: 'keycloak-js', job: 'keycloak-js.js', pkg: 'keycloak-js', exchange: 'always exchanges' },
  {
    name: '@auth0/auth0-spa-js',
    job: 'auth0-spa-js.js',
    pkg: '@auth0/auth0-spa-js',
    exchange: 'always exchanges',
  },
  {
    name: '@azure/msal-browser',
    job: 'msal-browser.js',
    pkg: '@azure/msal-browser',
    exchange: 'always exchanges',
  },
  {
    name: 'Lit alone',
    job: 'lit.js',
    pkg: 'lit',
    exchange: 'reference: the runtime the element pays',
  },
];

/** The version of a peer: bench/'s own copy, else the project's (Lit and oidc-client-ts are both). */
const peerVersion = (name) => {
  const own = installedVersion(name, BENCH);
  return own === 'not installed' ? installedVersion(name, ROOT) : own;
};

/**
 * Measures every row; a row whose built file of ours is missing is reported "not built", a peer
 * whose package is installed neither in bench/ nor in the project is `skipped`.
 */
export async function measureSizes() {
  const results = [];
  for (const row of ROWS) {
    const version = row.version ?? peerVersion(row.pkg);
    if (version === 'not installed') {
      results.push({ ...row, version, skipped: true, missing: 'not installed' });
      continue;
    }
    if (row.needs && !existsSync(join(ROOT, row.needs))) {
      results.push({ ...row, version, missing: `not built (${row.needs})` });
      continue;
    }
    try {
      const code = row.raw
        ? readFileSync(row.raw)
        : (await bundle(row.entry ?? join(JOBS, row.job))).code;
      results.push({ ...row, version, min: code.length, gzip: gzip(code), brotli: brotli(code) });
    } catch (error) {
      results.push({
        ...row,
        version,
        missing: `build failed: ${String(error.message).split('\n')[0]}`,
      });
    }
  }
  return results;
}

/** The packages our built browser entries import (none expected); read from esbuild's metafile. */
export async function ourPackageImports() {
  const found = new Set();
  for (const file of ['dist/index.js', 'dist/element.js']) {
    if (!existsSync(join(ROOT, file))) continue;
    const { metafile } = await bundle(join(ROOT, file));
    for (const path of Object.keys(metafile.inputs)) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
      if (name) found.add(`${name} ${installedVersion(name, ROOT)}`);
    }
  }
  return [...found];
}
