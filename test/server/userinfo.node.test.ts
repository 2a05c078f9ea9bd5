import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { type IdTokenClaims } from '../../src/server/index.js';
import { freedomIdHandlers, TEST_USERS } from '../../src/testing/index.js';
import { TestBrowser } from './browser.js';
import { FREEDOM_ID } from './fixtures.js';
import { refusal, reported, sessionHandler, signIn, useProviderServer } from './session-support.js';
import { STANDARD_ISSUER, standardProvider } from './standard-provider.js';

const server = useProviderServer(...freedomIdHandlers(FREEDOM_ID), ...standardProvider());
const AIGERIM = TEST_USERS[0].claims.sub;
const USERINFO = 'https://passport.freedompay.kz/api/v1/oidc/userinfo';
const FREEDOM_PROFILE = {
  sub: AIGERIM,
  firstname: 'Айгерим',
  lastname: 'Сапарова',
  patronymic: 'Нурлановна',
  date_of_birth: '1990-05-17',
  phone: '+77011234567',
  email: 'aigerim@example.kz',
  gender: 'female',
  country: 'KZ',
  nationality: 'KZ',
  identifier: '900517450123',
};

/** Signs in with a userinfo endpoint answering `reply`; resolves the reply and the claims onSignIn got. */
async function signInWithProfile(reply: () => Response, options = {}) {
  const seen: { authorization: string | null }[] = [];
  let claims: IdTokenClaims | undefined;
  server.use(
    http.get(USERINFO, ({ request }) => {
      seen.push({ authorization: request.headers.get('authorization') });
      return reply();
    }),
  );
  const handler = sessionHandler({
    session: false,
    userinfoEndpoint: USERINFO,
    onSignIn: (validated) => {
      claims = validated;
      return {};
    },
    ...options,
  });
  // Scope openid only: the kit's id_token then carries no profile, as Freedom ID's does not.
  const result = await signIn(handler, new TestBrowser(), 'aigerim', 'openid');
  return { result, claims, seen };
}

describe('userinfoEndpoint: the profile after the id_token checks', () => {
  it('asks with the access token, and gives onSignIn Freedom ID’s fields under the standard names too', async () => {
    const { result, claims, seen } = await signInWithProfile(() =>
      HttpResponse.json(FREEDOM_PROFILE),
    );

    assert.equal(result.status, 200);
    assert.match(seen[0]?.authorization ?? '', /^Bearer [A-Za-z0-9]{128}$/);
    assert.ok(claims !== undefined);
    const { iss, aud, exp, iat, nonce, ...rest } = claims;
    assert.deepEqual(
      [iss, typeof aud, typeof exp, typeof iat, typeof nonce],
      ['https://passport.freedompay.kz', 'string', 'number', 'number', 'string'],
    );
    assert.deepEqual(
      Object.fromEntries(
        [
          'given_name',
          'family_name',
          'middle_name',
          'birthdate',
          'phone_number',
          'email',
          'gender',
          'country',
          'nationality',
          'identifier',
          'firstname',
          'date_of_birth',
        ].map((name) => [name, rest[name]]),
      ),
      {
        given_name: 'Айгерим',
        family_name: 'Сапарова',
        middle_name: 'Нурлановна',
        birthdate: '1990-05-17',
        phone_number: '+77011234567',
        email: 'aigerim@example.kz',
        gender: 'female',
        country: 'KZ',
        nationality: 'KZ',
        identifier: '900517450123',
        firstname: 'Айгерим',
        date_of_birth: '1990-05-17',
      },
    );
    assert.equal(rest.sub, AIGERIM);
  });

  it('makes no userinfo call without the option (Freedom ID’s default)', async () => {
    const { result, seen } = await signInWithProfile(() => HttpResponse.json(FREEDOM_PROFILE), {
      userinfoEndpoint: undefined,
    });

    assert.equal(result.status, 200);
    assert.deepEqual(seen, []);
  });

  it('uses discovery’s userinfo_endpoint for a standard provider', async () => {
    const standardUserinfo = 'https://idp.example/oauth2/userinfo';
    server.use(
      ...standardProvider({ metadata: { userinfo_endpoint: standardUserinfo } }),
      http.get(standardUserinfo, () => HttpResponse.json({ sub: AIGERIM, given_name: 'Aigerim' })),
    );
    let claims: IdTokenClaims | undefined;
    const handler = sessionHandler({
      issuer: STANDARD_ISSUER,
      discovery: true,
      clientAuth: 'client_secret_post',
      onSignIn: (validated) => {
        claims = validated;
        return {};
      },
    });

    const result = await signIn(handler, new TestBrowser());

    assert.equal(result.status, 200);
    assert.equal(claims?.given_name, 'Aigerim');
  });

  describe('refuses a profile it cannot trust with userinfo_invalid, starting no session', () => {
    const cases: { title: string; reply: () => Response }[] = [
      {
        title: 'another sub (OIDC Core §5.3.2)',
        reply: () => HttpResponse.json({ ...FREEDOM_PROFILE, sub: 'someone-else' }),
      },
      { title: 'no sub', reply: () => HttpResponse.json({ firstname: 'Айгерим' }) },
      {
        title: 'not JSON',
        reply: () => new HttpResponse('<html>', { headers: { 'content-type': 'text/html' } }),
      },
      { title: 'a JSON array', reply: () => HttpResponse.json([FREEDOM_PROFILE]) },
      {
        title: 'over 64 KiB',
        reply: () => HttpResponse.json({ ...FREEDOM_PROFILE, pad: 'x'.repeat(70_000) }),
      },
      {
        title: 'HTTP 401',
        reply: () => HttpResponse.json({ error: 'invalid_token' }, { status: 401 }),
      },
      {
        title: 'Freedom ID’s error envelope with HTTP 200',
        reply: () => HttpResponse.json({ error: { message: 'no', code: 100101 } }),
      },
    ];
    for (const { title, reply } of cases) {
      it(title, async () => {
        const { result, claims } = await signInWithProfile(reply, { session: true });

        assert.deepEqual({ status: result.status, body: result.body }, refusal('userinfo_invalid'));
        assert.equal(claims, undefined, 'onSignIn is not called');
        assert.deepEqual(
          result.response.headers
            .getSetCookie()
            .filter((cookie) => cookie.includes('freedomid_session')),
          [],
        );
        assert.equal((reported[0] as { field?: string }).field, 'userinfoEndpoint');
      });
    }
  });
});
