// The sandbox as a merchant's own code meets it: the standards-shaped provider's discovery
// document and token endpoint, the redirect URIs each provider accepts, and a start that prints
// no warning (only oidc-provider's two notices that say nothing to act on are dropped).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import { startSandbox } from '../../demo/sandbox/index.js';
import { NO_DISCOVERY } from '../../demo/sandbox/freedom-id-shape.js';
import { DROPPED_WARNINGS, isDroppedWarning } from '../../demo/sandbox/quiet-notices.js';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../demo/start-demo.js';
import { exchangeCode } from '../../src/server/index.js';
import { rejection } from '../helpers/server.js';
import {
  authorizationUrl as requestUrl,
  consent,
  DEMO_USER,
  logIn,
  useDemo,
  useMerchantStub,
  TEST_TIMEOUT_MS,
} from './harness.js';

const MERCHANT = 'http://127.0.0.1:8089/signed-in';

const run = useDemo();
const stub = useMerchantStub();

/** An authorization request to `endpoint` for the demo client, back to `redirectUri`. */
function authorizationUrl(endpoint: string, redirectUri = MERCHANT): string {
  return requestUrl(endpoint, redirectUri, { scope: 'openid read.profile' });
}

describe('the standards-shaped sandbox provider', () => {
  it('publishes a discovery document for its issuer, which ends in /', async () => {
    const issuer = run.demo.standardUrl;
    const origin = issuer.slice(0, -1);

    const response = await fetch(`${issuer}.well-known/openid-configuration`);

    assert.equal(response.status, 200);
    const document = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(
      {
        issuer: document.issuer,
        authorization_endpoint: document.authorization_endpoint,
        token_endpoint: document.token_endpoint,
        jwks_uri: document.jwks_uri,
        userinfo_endpoint: document.userinfo_endpoint,
        response_types_supported: document.response_types_supported,
        code_challenge_methods_supported: document.code_challenge_methods_supported,
        id_token_signing_alg_values_supported: document.id_token_signing_alg_values_supported,
        authorization_response_iss_parameter_supported:
          document.authorization_response_iss_parameter_supported,
      },
      {
        issuer: `${origin}/`,
        authorization_endpoint: `${origin}/authorize`,
        token_endpoint: `${origin}/token`,
        jwks_uri: `${origin}/jwks`,
        userinfo_endpoint: `${origin}/userinfo`,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
        id_token_signing_alg_values_supported: ['RS256'],
        authorization_response_iss_parameter_supported: true,
      },
    );
    assert.ok(
      (document.token_endpoint_auth_methods_supported as string[]).includes('client_secret_post'),
    );
  });

  it(
    'signs in at /authorize and exchanges the code form-encoded with client_secret_post',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const issuer = run.demo.standardUrl;
      const merchant = stub.url();
      const page = await run.openUrl(authorizationUrl(`${issuer}authorize`, merchant));
      await logIn(page, issuer.slice(0, -1));
      await consent(page);
      const callback = await page.waitForURL((url) => url.href.startsWith(merchant));
      assert.equal(callback.searchParams.get('iss'), issuer);
      const form = {
        grant_type: 'authorization_code',
        code: callback.searchParams.get('code') ?? '',
        redirect_uri: merchant,
      };

      const basic = await fetch(`${issuer}token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${btoa(`${DEMO_CLIENT_ID}:${DEMO_CLIENT_SECRET}`)}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams(form),
      });
      const posted = await fetch(`${issuer}token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          ...form,
          client_id: DEMO_CLIENT_ID,
          client_secret: DEMO_CLIENT_SECRET,
        }),
      });

      assert.equal(basic.status, 401, 'the client is registered for client_secret_post only');
      assert.equal(((await basic.json()) as { error: string }).error, 'invalid_client');
      assert.equal(posted.status, 200);
      const tokens = (await posted.json()) as { id_token: string };
      const claims = decodeJwt(tokens.id_token);
      assert.deepEqual(
        { iss: claims.iss, aud: claims.aud, sub: claims.sub, nonce: claims.nonce },
        { iss: issuer, aud: DEMO_CLIENT_ID, sub: DEMO_USER.claims.sub, nonce: 'nonce-1' },
      );
    },
  );
});

describe('the Freedom-ID-shaped sandbox provider', () => {
  it('publishes no discovery document, as Freedom ID publishes none', async () => {
    const response = await fetch(`${run.demo.sandboxUrl}/.well-known/openid-configuration`);

    assert.equal(response.status, 404);
    assert.deepEqual(await response.json(), { error: { message: NO_DISCOVERY } });
  });

  it('so a backend with discovery on fails in the sandbox, as it would in production', async () => {
    const error = await rejection(() =>
      exchangeCode({
        code: 'any',
        redirectUri: MERCHANT,
        clientId: DEMO_CLIENT_ID,
        clientSecret: DEMO_CLIENT_SECRET,
        nonce: 'any',
        issuer: run.demo.sandboxUrl,
        discovery: true,
      }),
    );
    assert.deepEqual(
      [error.code, error.message],
      [
        'invalid_response',
        `Freedom ID's discovery document ${run.demo.sandboxUrl}/.well-known/openid-configuration answered HTTP 404 without a JSON object: check issuer, or turn discovery off and set tokenEndpoint.`,
      ],
    );
  });
});

describe('the redirect URIs the sandbox accepts', () => {
  const cases = [
    ['http://127.0.0.1:8089/signed-in', 303],
    ['http://localhost:3000/', 303],
    ['http://[::1]:4200/callback?tab=1', 303],
    ['http://127.0.0.1/', 303],
    ['https://localhost:3000/', 400],
    ['http://127.0.0.1.example.test/', 400],
    ['http://192.168.0.10:8080/', 400],
    ['https://shop.example.test/login', 400],
  ] as const;
  for (const [redirectUri, status] of cases) {
    it(`answers ${redirectUri} with ${status} on both providers`, async () => {
      for (const endpoint of [
        `${run.demo.sandboxUrl}/openid`,
        `${run.demo.standardUrl}authorize`,
      ]) {
        const response = await fetch(authorizationUrl(endpoint, redirectUri), {
          redirect: 'manual',
        });
        assert.equal(response.status, status, endpoint);
        if (status === 303)
          assert.match(response.headers.get('location') ?? '', /^\/interaction\//);
      }
    });
  }

  it('accepts a registered non-loopback redirect URI (npm start -- --redirect-uri)', async () => {
    const sandbox = await startSandbox({
      clients: [
        {
          clientId: DEMO_CLIENT_ID,
          clientSecret: DEMO_CLIENT_SECRET,
          redirectUris: ['https://shop.example.test/login'],
        },
      ],
    });
    try {
      const response = await fetch(
        authorizationUrl(`${sandbox.url}/openid`, 'https://shop.example.test/login'),
        { redirect: 'manual' },
      );
      assert.equal(response.status, 303);
    } finally {
      await sandbox.close();
    }
  });
});

describe('the sandbox’s console', () => {
  it('prints nothing while the demo starts, serves a JSON token request and stops', async () => {
    const script = `
      const { startDemo, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } = await import('./demo/start-demo.ts');
      const demo = await startDemo();
      await fetch(demo.sandboxUrl + '/api/v1/oidc/token', {
        method: 'POST',
        headers: {
          authorization: 'Basic ' + btoa(DEMO_CLIENT_ID + ':' + DEMO_CLIENT_SECRET),
          'content-type': 'application/json',
        },
        body: JSON.stringify({ grant_type: 'authorization_code', code: 'x', redirect_uri: demo.pages.element }),
      });
      await fetch(demo.standardUrl + '.well-known/openid-configuration');
      await demo.close();`;

    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', script],
      { cwd: new URL('../../', import.meta.url) },
    );

    assert.equal(stderr, '');
    assert.equal(stdout, '');
  });

  const warnings: [string, unknown[], boolean][] = [
    ['the runtime notice', [DROPPED_WARNINGS[0]], true],
    ['the runtime notice in terminal colours', [`\x1b[31;1m${DROPPED_WARNINGS[0]}\x1b[0m`], true],
    [
      'the in-memory adapter notice',
      [
        'oidc-provider WARNING: a quick start development-only in-memory adapter is used, you MUST change it in order to not lose all stateful provider data upon restart and to be able to share these between processes',
      ],
      true,
    ],
    [
      'the development keys notice',
      ['oidc-provider WARNING: quick start development-only signing keys are used'],
      false,
    ],
    ['an unrelated warning', ['Deprecated: something'], false],
    ['the runtime notice with more arguments', [DROPPED_WARNINGS[0], 'more'], false],
    ['a non-string', [new Error(DROPPED_WARNINGS[0])], false],
  ];
  for (const [name, args, dropped] of warnings) {
    it(`${dropped ? 'drops' : 'keeps'} ${name}`, () => {
      assert.equal(isDroppedWarning(args), dropped);
    });
  }
});
