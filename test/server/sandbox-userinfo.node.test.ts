// The userinfo profile from both sandbox shapes, in Node: the handler signs in with
// `userinfoEndpoint` (Freedom ID's shape) or discovery's `userinfo_endpoint` (the standard shape),
// and `onSignIn` receives the profile under the standard claim names.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  claimsForScope,
  ROUTES,
  startSandbox,
  STANDARD_ROUTES,
  type Sandbox,
} from '../../demo/sandbox/index.js';
import { createFreedomIdHandler, type FreedomIdHandler } from '../../src/server/index.js';
import { TEST_USERS } from '../../src/testing/index.js';
import { TestBrowser, type ParamsReply } from './browser.js';
import { authorizeAtSandbox, handOff } from './sandbox-trip.js';

const CLIENT_ID = 'c388f3cd-7722-4040-9bb2-94b0a05093aa';
const CLIENT_SECRET = 'the-sandbox-client-secret';
const REDIRECT_URI = 'http://127.0.0.1:9/login';
const PAGE = { origin: new URL(REDIRECT_URI).origin };
const SCOPE = 'openid read.profile read.email read.phone';
const USER = TEST_USERS[0];
const clients = [
  { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI] },
];
let freedom: Sandbox;
let standard: Sandbox;

/** The trip from an authorization request at `endpoint` back to the redirect URI, as the first test user. */
function authorize(endpoint: URL, params: ParamsReply): Promise<URL> {
  return authorizeAtSandbox(endpoint, params, {
    clientId: CLIENT_ID,
    redirectUri: REDIRECT_URI,
    scope: SCOPE,
    login: USER.login,
  });
}

/** Signs in through `handler` at `authorization`; returns the claims `onSignIn` received. */
async function signIn(
  authorization: URL,
  options: Omit<Parameters<typeof createFreedomIdHandler>[0], 'onSignIn'>,
): Promise<Record<string, unknown>> {
  let received: Record<string, unknown> | undefined;
  const handler: FreedomIdHandler = createFreedomIdHandler({
    ...options,
    onSignIn: (claims) => {
      received = { ...claims };
      return {};
    },
  });
  const browser = new TestBrowser();
  const { body: params } = await browser.params(handler);
  const callback = await authorize(authorization, params);
  const reply = await browser.callback(handler, handOff(callback, REDIRECT_URI), PAGE);
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  assert.ok(received !== undefined);
  return received;
}

/** The standard-named claims the scope releases for the user, `sub` included. */
const EXPECTED = claimsForScope(USER, SCOPE);

function standardNamed(claims: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(EXPECTED).map((name) => [name, claims[name]]));
}

const common = {
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  redirectUri: REDIRECT_URI,
  cookieSecret: 'the-sandbox-test-cookie-secret-32-bytes',
  onError: () => undefined,
};

before(async () => {
  freedom = await startSandbox({ clients });
  standard = await startSandbox({ clients, shape: 'standard' });
});
after(async () => {
  await Promise.all([freedom.close(), standard.close()]);
});

describe('the userinfo profile from the sandbox', () => {
  it("Freedom ID's shape answers Freedom ID's field names, which reach onSignIn under the standard ones", async () => {
    const claims = await signIn(new URL(ROUTES.authorization, freedom.url), {
      ...common,
      issuer: freedom.url,
      jwksUri: `${freedom.url}${ROUTES.jwks}`,
      userinfoEndpoint: `${freedom.url}${ROUTES.userinfo}`,
    });

    assert.deepEqual(standardNamed(claims), EXPECTED);
    // The raw fields are kept: only Freedom ID's userinfo reply carries them.
    assert.deepEqual(
      {
        firstname: claims.firstname,
        lastname: claims.lastname,
        patronymic: claims.patronymic,
        date_of_birth: claims.date_of_birth,
        phone: claims.phone,
        email: claims.email,
        gender: claims.gender,
      },
      {
        firstname: USER.claims.given_name,
        lastname: USER.claims.family_name,
        patronymic: USER.claims.middle_name,
        date_of_birth: USER.claims.birthdate,
        phone: USER.claims.phone_number,
        email: USER.claims.email,
        gender: USER.claims.gender,
      },
    );
  });

  it('the standard shape answers the standard names, its userinfo_endpoint found by discovery', async () => {
    const claims = await signIn(new URL(STANDARD_ROUTES.authorization.slice(1), standard.url), {
      ...common,
      issuer: standard.url,
      discovery: true,
      clientAuth: 'client_secret_post',
    });

    assert.deepEqual(standardNamed(claims), EXPECTED);
    assert.equal(claims.firstname, undefined, 'no Freedom ID field names from a standard provider');
  });
});
