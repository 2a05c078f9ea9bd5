import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import {
  createMemorySessionStore,
  type FreedomIdHandler,
  type SessionOptions,
  type SessionStore,
  toNodeListener,
} from '../../src/server/index.js';
import {
  createSigningKey,
  freedomIdHandlers,
  signIdToken,
  TEST_USERS,
} from '../../src/testing/index.js';
import { send, TestBrowser } from './browser.js';
import { head, rawExchange } from './raw-http.js';
import { CLIENT_ID, FREEDOM_ID } from './fixtures.js';
import { refusal, reported, sessionHandler, signIn, useProviderServer } from './session-support.js';
import { STANDARD_ISSUER, standardProvider } from './standard-provider.js';

useProviderServer(...freedomIdHandlers(FREEDOM_ID), ...standardProvider());
const AIGERIM = TEST_USERS[0].claims.sub;
const EVENT = { 'http://schemas.openid.net/event/backchannel-logout': {} };
const REVOKE_SECRET = 'a-shared-revoke-secret';

/** A handler for the standard provider (discovery: JWKS), with a memory store unless `session` says otherwise. */
function standardHandler(
  session: boolean | SessionOptions = { store: createMemorySessionStore() },
) {
  return sessionHandler({
    issuer: STANDARD_ISSUER,
    discovery: true,
    clientAuth: 'client_secret_post',
    session,
  });
}

/** A browser signed in through `handler`. */
async function signedIn(handler: FreedomIdHandler): Promise<TestBrowser> {
  const browser = new TestBrowser();
  const reply = await signIn(handler, browser);
  assert.equal(reply.status, 200);
  return browser;
}

let jtis = 0;
/** Valid logout token claims for Aigerim, overridable. */
function logoutClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  jtis += 1;
  return {
    iss: STANDARD_ISSUER,
    aud: CLIENT_ID,
    iat: now,
    exp: now + 120,
    jti: `jti-${jtis}`,
    sub: AIGERIM,
    events: EVENT,
    ...overrides,
  };
}

function backchannel(
  handler: FreedomIdHandler,
  body: string,
  contentType = 'application/x-www-form-urlencoded',
) {
  return send(new TestBrowser(), handler, 'POST', '/backchannel-logout', {
    headers: { 'content-type': contentType },
    body,
  });
}

function revoke(handler: FreedomIdHandler, body: string, headers: Record<string, string> = {}) {
  return send(new TestBrowser(), handler, 'POST', '/revoke', {
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

function pick(reply: { status: number; body: unknown }) {
  return { status: reply.status, body: reply.body };
}

describe('POST {basePath}/backchannel-logout (OIDC Back-Channel Logout 1.0)', () => {
  it('ends the sessions of the token’s sub and answers {}, with no-store', async () => {
    const handler = standardHandler();
    const first = await signedIn(handler);
    const second = await signedIn(handler);

    const reply = await backchannel(handler, `logout_token=${await signIdToken(logoutClaims())}`);

    assert.deepEqual(pick(reply), { status: 200, body: {} });
    assert.equal(reply.response.headers.get('cache-control'), 'no-store');
    assert.equal(await handler.getSession(first.request('GET', '/')), null);
    assert.equal(await handler.getSession(second.request('GET', '/')), null);
  });

  it('with a sid, ends only the sessions of that provider session', async () => {
    const store = createMemorySessionStore();
    const handler = standardHandler({ store });
    const expiresAt = Date.now() + 60_000;
    await store.set({ id: 'one', sub: AIGERIM, sid: 'sid-1', tokenIds: [], expiresAt });
    await store.set({ id: 'two', sub: AIGERIM, sid: 'sid-2', tokenIds: [], expiresAt });

    const reply = await backchannel(
      handler,
      `logout_token=${await signIdToken(logoutClaims({ sid: 'sid-1' }))}`,
    );

    assert.deepEqual(pick(reply), { status: 200, body: {} });
    assert.equal(await store.get('one'), undefined);
    assert.notEqual(await store.get('two'), undefined);
  });

  it('answers the same when no session matches (no oracle)', async () => {
    const reply = await backchannel(
      standardHandler(),
      `logout_token=${await signIdToken(logoutClaims({ sub: 'nobody' }))}`,
    );

    assert.deepEqual(pick(reply), { status: 200, body: {} });
  });

  it('refuses a replayed token (same jti): invalid_logout_token', async () => {
    const handler = standardHandler();
    const token = await signIdToken(logoutClaims());

    const first = await backchannel(handler, `logout_token=${token}`);
    const again = await backchannel(handler, `logout_token=${token}`);

    assert.equal(first.status, 200);
    assert.deepEqual(pick(again), refusal('invalid_logout_token'));
  });

  describe('refuses a token that cannot be trusted with invalid_logout_token, ending nothing', () => {
    const unsigned = (claims: Record<string, unknown>) =>
      `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    const cases: { title: string; token: () => Promise<string> }[] = [
      {
        title: 'forged (another key)',
        token: async () => signIdToken(logoutClaims(), await createSigningKey()),
      },
      { title: 'unsigned (alg none)', token: () => Promise.resolve(unsigned(logoutClaims())) },
      {
        title: 'expired',
        token: () => signIdToken(logoutClaims({ iat: 1_000_000, exp: 1_000_100 })),
      },
      {
        title: 'for another audience',
        token: () => signIdToken(logoutClaims({ aud: 'another-client' })),
      },
      {
        title: 'from another issuer',
        token: () => signIdToken(logoutClaims({ iss: 'https://idp.example' })),
      },
      {
        title: 'carrying a nonce (an id_token)',
        token: () => signIdToken(logoutClaims({ nonce: 'n' })),
      },
      { title: 'without the logout event', token: () => signIdToken(logoutClaims({ events: {} })) },
      { title: 'without jti', token: () => signIdToken(logoutClaims({ jti: undefined })) },
      { title: 'without exp', token: () => signIdToken(logoutClaims({ exp: undefined })) },
      {
        title: 'issued in the future',
        token: () => signIdToken(logoutClaims({ iat: Math.floor(Date.now() / 1000) + 3600 })),
      },
      {
        title: 'naming neither sid nor sub',
        token: () => signIdToken(logoutClaims({ sub: undefined })),
      },
      { title: 'not a JWT', token: () => Promise.resolve('not-a-jwt') },
    ];
    for (const { title, token } of cases) {
      it(title, async () => {
        const handler = standardHandler();
        const browser = await signedIn(handler);

        const reply = await backchannel(handler, `logout_token=${await token()}`);

        assert.deepEqual(pick(reply), refusal('invalid_logout_token'));
        assert.notEqual(await handler.getSession(browser.request('GET', '/')), null);
      });
    }

    it('two logout_token fields', async () => {
      const token = await signIdToken(logoutClaims());
      assert.deepEqual(
        pick(await backchannel(standardHandler(), `logout_token=${token}&logout_token=${token}`)),
        refusal('invalid_logout_token'),
      );
    });

    it('a body over 16 KB', async () => {
      assert.deepEqual(
        pick(await backchannel(standardHandler(), `logout_token=${'a'.repeat(17_000)}`)),
        refusal('invalid_logout_token'),
      );
    });

    it('a JSON body: unsupported_media_type', async () => {
      const token = await signIdToken(logoutClaims());
      assert.deepEqual(
        pick(
          await backchannel(
            standardHandler(),
            JSON.stringify({ logout_token: token }),
            'application/json',
          ),
        ),
        refusal('unsupported_media_type'),
      );
    });
  });

  it('refuses without a store: store_required', async () => {
    const reply = await backchannel(
      standardHandler(true),
      `logout_token=${await signIdToken(logoutClaims())}`,
    );

    assert.deepEqual(pick(reply), refusal('store_required'));
  });

  it('without the provider’s keys (Freedom ID, no jwksUri): configuration_error naming jwksUri', async () => {
    const handler = sessionHandler({ session: { store: createMemorySessionStore() } });

    const reply = await backchannel(handler, `logout_token=${await signIdToken(logoutClaims())}`);

    assert.deepEqual(pick(reply), refusal('configuration_error'));
    assert.equal((reported[0] as { field?: string }).field, 'jwksUri');
  });
});

describe('POST {basePath}/revoke (Freedom ID’s revoke_uri)', () => {
  /** A Freedom ID handler with a store, a browser signed in, and its session bound to token id `T-1` (as a reply's `id` would). */
  async function boundSession(session: SessionOptions = {}) {
    const store: SessionStore = createMemorySessionStore();
    const handler = sessionHandler({ session: { store, ...session } });
    const browser = await signedIn(handler);
    const id = (await handler.getSession(browser.request('GET', '/')))?.id ?? '';
    const record = await store.get(id);
    assert.ok(record !== undefined);
    await store.set({ ...record, tokenIds: ['T-1'] });
    return { handler, browser, store };
  }

  it('ends the sessions bound to the id and answers {}', async () => {
    const { handler, browser } = await boundSession();

    const reply = await revoke(handler, '{"id": "T-1"}');

    assert.deepEqual(pick(reply), { status: 200, body: {} });
    assert.equal(await handler.getSession(browser.request('GET', '/')), null);
  });

  it('answers the same for an unknown id, or a numeric one, ending nothing else', async () => {
    const { handler, browser } = await boundSession();

    assert.deepEqual(pick(await revoke(handler, '{"id": "T-2"}')), { status: 200, body: {} });
    assert.deepEqual(pick(await revoke(handler, '{"id": 12}')), { status: 200, body: {} });
    assert.notEqual(await handler.getSession(browser.request('GET', '/')), null);
  });

  describe('refuses a body that is not {"id"}: invalid_revoke_request', () => {
    for (const [title, body] of [
      ['not JSON', 'id=T-1'],
      ['an array', '["T-1"]'],
      ['no id', '{}'],
      ['an empty id', '{"id": ""}'],
      ['an object id', '{"id": {"$ne": 1}}'],
      ['over 4 KB', JSON.stringify({ id: 'T'.repeat(5000) })],
    ] as const) {
      it(title, async () => {
        const { handler, browser } = await boundSession();

        assert.deepEqual(pick(await revoke(handler, body)), refusal('invalid_revoke_request'));
        assert.notEqual(await handler.getSession(browser.request('GET', '/')), null);
      });
    }
  });

  it('with revokeHeader, refuses a call without it or with another value: forbidden_caller', async () => {
    const { handler, browser } = await boundSession({
      revokeHeader: { name: 'X-Revoke-Secret', value: REVOKE_SECRET },
    });

    const none = await revoke(handler, '{"id": "T-1"}');
    const wrong = await revoke(handler, '{"id": "T-1"}', {
      'x-revoke-secret': `${REVOKE_SECRET}!`,
    });
    assert.notEqual(await handler.getSession(browser.request('GET', '/')), null);
    const right = await revoke(handler, '{"id": "T-1"}', { 'x-revoke-secret': REVOKE_SECRET });

    assert.deepEqual(pick(none), refusal('forbidden_caller'));
    assert.deepEqual(pick(wrong), refusal('forbidden_caller'));
    assert.deepEqual(pick(right), { status: 200, body: {} });
    assert.equal(await handler.getSession(browser.request('GET', '/')), null);
  });

  it('with revokeAllowFrom, refuses an address not listed, and an unknown one: forbidden_caller', async () => {
    const allowed = await boundSession({
      revokeAllowFrom: ['203.0.113.7'],
      clientAddress: () => '203.0.113.7',
    });
    const other = await boundSession({
      revokeAllowFrom: ['203.0.113.7'],
      clientAddress: () => '198.51.100.1',
    });
    const unknown = await boundSession({ revokeAllowFrom: ['203.0.113.7'] });

    assert.deepEqual(
      pick(await revoke(other.handler, '{"id": "T-1"}')),
      refusal('forbidden_caller'),
    );
    assert.deepEqual(
      pick(await revoke(unknown.handler, '{"id": "T-1"}')),
      refusal('forbidden_caller'),
    );
    assert.deepEqual(pick(await revoke(allowed.handler, '{"id": "T-1"}')), {
      status: 200,
      body: {},
    });
  });

  it('under toNodeListener, revokeAllowFrom reads the socket’s address', async () => {
    for (const [allow, status] of [
      ['127.0.0.1', 200],
      ['203.0.113.7', 403],
    ] as const) {
      const { handler } = await boundSession({ revokeAllowFrom: [allow] });
      const listening = createServer(toNodeListener(handler)).listen(0, '127.0.0.1');
      await once(listening, 'listening');
      const { port } = listening.address() as AddressInfo;
      const body = '{"id": "T-1"}';
      const reply = await rawExchange(port, [
        head('POST /api/freedomid/revoke HTTP/1.1', [
          'Content-Type: application/json',
          `Content-Length: ${body.length}`,
          'Connection: close',
        ]) + body,
      ]);
      listening.close();

      assert.deepEqual(reply.statuses, [status], allow);
    }
  });

  it('refuses without a store: store_required', async () => {
    assert.deepEqual(
      pick(await revoke(sessionHandler(), '{"id": "T-1"}')),
      refusal('store_required'),
    );
  });
});
