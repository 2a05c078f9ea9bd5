import { expect } from '@open-wc/testing';
import {
  freedomIdHandlers,
  mintCode,
  TEST_USERS,
  type FreedomIdFailure,
  type FreedomIdHandlersOptions,
} from '../../src/testing/index.js';
import { startWorker, worker } from '../mocks/browser.js';

const CLIENT_ID = 'c388f3cd-7722-4040-9bb2-94b0a05093aa';
const CLIENT_SECRET = 's3cr3t';
const ISSUER = 'https://passport.freedompay.kz';
const TOKEN_ENDPOINT = `${ISSUER}/api/v1/oidc/token`;
const JWKS_URI = `${ISSUER}/api/v1/oidc/jwks`;
const REDIRECT_URI = 'https://shop.example/login';
const NONCE = 'the-nonce-of-this-sign-in';
const FREEDOM_ID: FreedomIdHandlersOptions = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
const INVALID_CODE = { error: { message: 'Invalid authorization_code', code: 100101 } };

function code(scope = 'openid read.email'): string {
  return mintCode({ clientId: CLIENT_ID, redirectUri: REDIRECT_URI, nonce: NONCE, scope });
}

/** POSTs a token request the way Freedom ID documents it (JSON body, HTTP Basic). */
async function exchange(
  fields: Record<string, string>,
  { endpoint = TOKEN_ENDPOINT, secret = CLIENT_SECRET, form = false } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      authorization: `Basic ${btoa(`${CLIENT_ID}:${secret}`)}`,
      'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
    },
    body: form ? new URLSearchParams(fields).toString() : JSON.stringify(fields),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function redeem(theCode: string, endpoint?: string) {
  return exchange(
    { code: theCode, redirect_uri: REDIRECT_URI, grant_type: 'authorization_code' },
    { endpoint },
  );
}

function base64UrlBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

function payloadOf(jwt: string): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(base64UrlBytes(jwt.split('.')[1]))) as Record<
    string,
    unknown
  >;
}

/** Whether `jwt`'s RS256 signature verifies against the key the JWKS publishes under its kid. */
async function verifiesAgainstJwks(jwt: string, jwksUri = JWKS_URI): Promise<boolean> {
  const [header, payload, signature] = jwt.split('.');
  const { kid } = JSON.parse(new TextDecoder().decode(base64UrlBytes(header))) as { kid: string };
  const { keys } = (await (await fetch(jwksUri)).json()) as { keys: JsonWebKey[] };
  const jwk = keys.find((key) => (key as { kid?: string }).kid === kid);
  if (jwk === undefined) return false;
  const key = await crypto.subtle.importKey(
    'jwk',
    jwk,
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  return crypto.subtle.verify(
    'RSASSA-PKCS1-v1_5',
    key,
    base64UrlBytes(signature),
    new TextEncoder().encode(`${header}.${payload}`),
  );
}

describe('freedomIdHandlers (msw/browser)', () => {
  before(() => startWorker());
  afterEach(() => {
    worker.resetHandlers();
  });

  describe('when a kit code is redeemed as Freedom ID documents', () => {
    it('answers Freedom ID’s token reply with an id_token for the sign-in’s nonce, verifiable with the JWKS', async () => {
      worker.use(...freedomIdHandlers(FREEDOM_ID));

      const { status, body } = await redeem(code());

      expect(status).to.equal(200);
      expect(Object.keys(body).sort()).to.deep.equal([
        'access_token',
        'expires_in',
        'id_token',
        'refresh_token',
        'token_type',
      ]);
      expect(body.access_token).to.match(/^[A-Za-z0-9]{128}$/);
      expect([body.expires_in, body.token_type]).to.deep.equal([3600, 'Bearer']);
      const claims = payloadOf(body.id_token as string);
      const { exp, iat, ...stable } = claims as { exp: number; iat: number };
      expect(exp - iat).to.equal(3600);
      expect(stable).to.deep.equal({
        iss: ISSUER,
        aud: CLIENT_ID,
        nonce: NONCE,
        sub: TEST_USERS[0].claims.sub,
        email: TEST_USERS[0].claims.email,
        email_verified: true,
      });
      expect(await verifiesAgainstJwks(body.id_token as string)).to.equal(true);
    });

    it('redeems a code once, then answers the invalid-code envelope', async () => {
      worker.use(...freedomIdHandlers(FREEDOM_ID));
      const once = code();
      await redeem(once);

      expect(await redeem(once)).to.deep.equal({ status: 400, body: INVALID_CODE });
    });

    it('serves another issuer’s endpoints, and puts that issuer in iss', async () => {
      const issuer = 'http://127.0.0.1:9400';
      worker.use(...freedomIdHandlers({ ...FREEDOM_ID, issuer: `${issuer}/` }));

      const { body } = await redeem(code(), `${issuer}/api/v1/oidc/token`);

      expect(payloadOf(body.id_token as string).iss).to.equal(issuer);
      expect(
        await verifiesAgainstJwks(body.id_token as string, `${issuer}/api/v1/oidc/jwks`),
      ).to.equal(true);
    });

    it('merges idTokenClaims over the claims, undefined removing one', async () => {
      worker.use(
        ...freedomIdHandlers({ ...FREEDOM_ID, idTokenClaims: { nonce: undefined, aud: 'x' } }),
      );

      const claims = payloadOf((await redeem(code())).body.id_token as string);

      expect([claims.aud, 'nonce' in claims]).to.deep.equal(['x', false]);
    });
  });

  describe('when the request is not what Freedom ID expects', () => {
    it('answers HTTP 401 to a wrong client secret', async () => {
      worker.use(...freedomIdHandlers(FREEDOM_ID));

      const reply = await exchange(
        { code: code(), redirect_uri: REDIRECT_URI, grant_type: 'authorization_code' },
        { secret: 'wrong' },
      );

      expect(reply).to.deep.equal({
        status: 401,
        body: { error: { message: 'invalid_client: client authentication failed' } },
      });
    });

    it('answers the validation envelope to a form-encoded body (Freedom ID takes JSON)', async () => {
      worker.use(...freedomIdHandlers(FREEDOM_ID));

      const reply = await exchange(
        { code: code(), redirect_uri: REDIRECT_URI, grant_type: 'authorization_code' },
        { form: true },
      );

      expect(reply.status).to.equal(400);
      expect(reply.body).to.deep.equal({
        error: {
          message: 'The given data was invalid.',
          errors: {
            code: ['The code field is required (JSON body).'],
            redirect_uri: ['The redirect_uri field is required (JSON body).'],
            grant_type: ['The grant_type field is required (JSON body).'],
          },
        },
      });
    });

    it('answers the invalid-code envelope to a code minted for another redirect URI', async () => {
      worker.use(...freedomIdHandlers(FREEDOM_ID));
      const other = mintCode({
        clientId: CLIENT_ID,
        redirectUri: 'https://shop.example/other',
        nonce: NONCE,
      });

      expect(await redeem(other)).to.deep.equal({ status: 400, body: INVALID_CODE });
    });
  });

  describe('when failWith is set', () => {
    const cases: { failWith: FreedomIdFailure; status: number; body: unknown }[] = [
      { failWith: 'invalid_code', status: 400, body: INVALID_CODE },
      { failWith: 'http200_error', status: 200, body: INVALID_CODE },
      { failWith: 'server_error', status: 500, body: { error: { message: 'Server Error' } } },
    ];
    for (const { failWith, status, body } of cases) {
      it(`${failWith}: HTTP ${status} with ${JSON.stringify(body)}`, async () => {
        worker.use(...freedomIdHandlers({ ...FREEDOM_ID, failWith }));

        expect(await redeem(code())).to.deep.equal({ status, body });
      });
    }

    it('network_error: the request fails', async () => {
      worker.use(...freedomIdHandlers({ ...FREEDOM_ID, failWith: 'network_error' }));

      let failure: unknown;
      await redeem(code()).catch((error: unknown) => (failure = error));

      expect(failure).to.be.instanceOf(TypeError);
    });

    it('slow: the normal reply, after delayMs', async () => {
      worker.use(...freedomIdHandlers({ ...FREEDOM_ID, failWith: 'slow', delayMs: 300 }));
      const started = performance.now();

      const { status } = await redeem(code());

      expect(status).to.equal(200);
      expect(performance.now() - started).to.be.at.least(290);
    });

    it('forged_signature: an id_token the JWKS does not verify, under the published kid', async () => {
      worker.use(...freedomIdHandlers({ ...FREEDOM_ID, failWith: 'forged_signature' }));

      const { body } = await redeem(code());

      expect(await verifiesAgainstJwks(body.id_token as string)).to.equal(false);
      expect(payloadOf(body.id_token as string).nonce).to.equal(NONCE);
    });
  });

  describe('when an option is wrong', () => {
    const cases: { title: string; options: FreedomIdHandlersOptions; message: string }[] = [
      {
        title: 'no clientSecret',
        options: { clientId: 'c', clientSecret: '' },
        message: 'pass clientSecret',
      },
      {
        title: 'an unknown failWith',
        options: { ...FREEDOM_ID, failWith: 'down' as FreedomIdFailure },
        message: 'failWith "down" is not one of',
      },
      { title: 'a negative delayMs', options: { ...FREEDOM_ID, delayMs: -1 }, message: 'delayMs' },
      {
        title: 'a relative tokenEndpoint',
        options: { ...FREEDOM_ID, tokenEndpoint: '/token' },
        message: 'tokenEndpoint "/token" is not an absolute URL',
      },
    ];
    for (const { title, options, message } of cases) {
      it(`throws a TypeError for ${title}`, () => {
        expect(() => freedomIdHandlers(options)).to.throw(TypeError, message);
      });
    }
  });
});
