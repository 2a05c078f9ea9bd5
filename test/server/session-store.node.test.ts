import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, afterEach, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { createClient } from 'redis';
import {
  createMemorySessionStore,
  createRedisSessionStore,
  FreedomIdServerError,
  type SessionRecord,
  type SessionStore,
} from '../../src/server/index.js';
import { freedomIdHandlers } from '../../src/testing/index.js';
import { TestBrowser } from './browser.js';
import { FREEDOM_ID, rejection, thrown } from './fixtures.js';
import { startRedis, type RedisServer } from './redis-server.js';
import {
  logout,
  readSessionRoute,
  refusal,
  reported,
  SESSION_COOKIE,
  sessionHandler,
  signIn,
} from './session-support.js';

const server = setupServer(...freedomIdHandlers(FREEDOM_ID));
let redis: RedisServer;
let client: ReturnType<typeof createClient>;

before(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  redis = await startRedis();
  client = createClient({ url: redis.url });
  client.on('error', () => undefined);
  await client.connect();
});
afterEach(() => {
  server.resetHandlers();
  reported.length = 0;
});
after(async () => {
  server.close();
  await client.quit();
  await redis.stop();
});

function record(fields: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: randomUUID(),
    sub: randomUUID(),
    tokenIds: [],
    expiresAt: Date.now() + 3_600_000,
    ...fields,
  };
}

const stores: [string, () => SessionStore][] = [
  ['memory', () => createMemorySessionStore()],
  [
    'Redis (a real redis-server)',
    () => createRedisSessionStore(client, { prefix: `t${randomUUID()}:` }),
  ],
];

for (const [name, makeStore] of stores) {
  describe(`SessionStore contract: ${name}`, () => {
    it('gives back what was set, and nothing for an unknown id', async () => {
      const store = makeStore();
      const saved = record({ sid: 'provider-session', tokenIds: ['t1', '42'] });

      await store.set(saved);

      assert.deepEqual(await store.get(saved.id), saved);
      assert.equal(await store.get('unknown'), undefined);
    });

    it('forgets a session past its expiresAt', async () => {
      const store = makeStore();
      const expired = record({ expiresAt: Date.now() - 1000 });

      await store.set(expired);

      assert.equal(await store.get(expired.id), undefined);
    });

    it('deletes one session by id, and an unknown id is no error', async () => {
      const store = makeStore();
      const saved = record();
      await store.set(saved);

      await store.delete(saved.id);
      await store.delete('unknown');

      assert.equal(await store.get(saved.id), undefined);
    });

    const indexes = [
      ['sub', (r: SessionRecord) => r.sub],
      ['sid', () => 'sid-1'],
      ['tokenId', () => 'token-1'],
    ] as const;
    for (const [index, valueOf] of indexes) {
      it(`deleteBy ${index} ends every session it names and no other, answering how many`, async () => {
        const store = makeStore();
        const sub = randomUUID();
        const first = record({ sub, sid: 'sid-1', tokenIds: ['token-1'] });
        const second = record({ sub, sid: 'sid-1', tokenIds: ['token-1', 'token-2'] });
        const other = record({ sid: 'sid-2', tokenIds: ['token-3'] });
        for (const saved of [first, second, other]) await store.set(saved);

        const ended = await store.deleteBy(index, valueOf(first));

        assert.equal(ended, 2);
        assert.equal(await store.get(first.id), undefined);
        assert.equal(await store.get(second.id), undefined);
        assert.deepEqual(await store.get(other.id), other);
        assert.equal(await store.deleteBy(index, valueOf(first)), 0);
      });
    }

    it('useOnce is true the first time only', async () => {
      const store = makeStore();

      assert.equal(await store.useOnce('jti-1', Date.now() + 60_000), true);
      assert.equal(await store.useOnce('jti-1', Date.now() + 60_000), false);
      assert.equal(await store.useOnce('jti-2', Date.now() + 60_000), true);
    });
  });
}

describe('the handler with the Redis store', () => {
  it('keeps the session in Redis; sign-out deletes it there', async () => {
    const store = createRedisSessionStore(client);
    const handler = sessionHandler({ session: { store } });
    const browser = new TestBrowser();
    await signIn(handler, browser);
    const session = await handler.getSession(browser.request('GET', '/'));
    assert.ok(session !== null);
    assert.equal((await store.get(session.id))?.sub, session.sub);

    await logout(handler, browser);

    assert.equal(await store.get(session.id), undefined);
  });

  it('refuses createRedisSessionStore without a client, naming it', () => {
    const error = thrown(() => createRedisSessionStore({} as never));
    assert.deepEqual([error.code, error.field], ['invalid_argument', 'client']);
  });

  describe('when Redis is down', () => {
    let down: RedisServer;
    let stranded: ReturnType<typeof createClient>;
    let stuck: RedisServer;
    let waiting: ReturnType<typeof createClient>;

    before(async () => {
      down = await startRedis();
      stranded = createClient({
        url: down.url,
        disableOfflineQueue: true,
        socket: { reconnectStrategy: false },
      });
      stuck = await startRedis();
      waiting = createClient({ url: stuck.url });
      for (const each of [stranded, waiting]) {
        each.on('error', () => undefined);
        await each.connect();
      }
      await down.stop();
      stuck.pause();
    });
    after(async () => {
      waiting.destroy();
      await stuck.stop();
    });

    for (const [title, makeStore] of [
      ['a client that fails at once', () => createRedisSessionStore(stranded)],
      [
        'a Redis that never answers (the store’s timeoutMs)',
        () => createRedisSessionStore(waiting, { timeoutMs: 300 }),
      ],
    ] as const) {
      it(`${title}: a sign-in answers store_unavailable and sets no session cookie`, async () => {
        const handler = sessionHandler({ session: { store: makeStore() } });
        const browser = new TestBrowser();

        const reply = await signIn(handler, browser);

        assert.deepEqual({ status: reply.status, body: reply.body }, refusal('store_unavailable'));
        assert.equal(browser.jar.has(SESSION_COOKIE), false);
        assert.equal(browser.jar.size, 0, 'the pending cookie is cleared too');
        assert.equal((reported[0] as FreedomIdServerError).code, 'store_unavailable');
      });
    }

    it('GET /session answers store_unavailable, getSession rejects with it, and sign-out clears the cookie and reports it', async () => {
      const memory = createMemorySessionStore();
      const broken = createRedisSessionStore(stranded);
      const browser = new TestBrowser();
      await signIn(sessionHandler({ session: { store: memory } }), browser);
      const handler = sessionHandler({ session: { store: broken } });

      const read = await readSessionRoute(handler, browser);
      const error = await rejection(() => handler.getSession(browser.request('GET', '/')));
      assert.equal(error.code, 'store_unavailable');
      const out = await logout(handler, browser);

      assert.deepEqual({ status: read.status, body: read.body }, refusal('store_unavailable'));
      assert.deepEqual({ status: out.status, body: out.body }, refusal('store_unavailable'));
      assert.equal(browser.jar.has(SESSION_COOKIE), false);
    });
  });
});
