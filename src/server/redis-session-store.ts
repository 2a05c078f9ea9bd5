import { invalid } from './option-checks.js';
import { isRecord, parseJson } from './read-reply.js';
import {
  indexKeys,
  type SessionIndex,
  type SessionRecord,
  type SessionStore,
} from './session-store.js';

/**
 * What the Redis store needs of a client: one raw command. node-redis (`redis` on npm) clients
 * have it as is; for ioredis pass `{ sendCommand: (args) => client.call(...args) }`.
 */
export interface RedisCommandSender {
  sendCommand(args: string[]): Promise<unknown>;
}

/** Settings of {@link createRedisSessionStore}. */
export interface RedisSessionStoreOptions {
  /** Prefix of every key the store writes. Default `freedomid:`. */
  prefix?: string;
  /** Milliseconds a command may take before it fails (`store_unavailable`). Default 2000. */
  timeoutMs?: number;
}

/** Saves the session and adds it to each index, atomically; an index lives as long as its longest session. */
const SET_SCRIPT = `
redis.call('SET', KEYS[1], ARGV[1], 'PXAT', ARGV[2])
for i = 2, #KEYS do
  redis.call('SADD', KEYS[i], ARGV[3])
  if redis.call('PEXPIRETIME', KEYS[i]) < tonumber(ARGV[2]) then
    redis.call('PEXPIREAT', KEYS[i], ARGV[2])
  end
end
return 1`;

/** Deletes every session an index names, and the index; answers how many sessions there were. */
const DELETE_BY_SCRIPT = `
local ended = 0
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  ended = ended + redis.call('DEL', ARGV[1] .. id)
end
redis.call('DEL', KEYS[1])
return ended`;

/**
 * A {@link SessionStore} in Redis ≥ 7 (one instance, or keys of one hash slot): each write is one
 * Lua script, so a session is saved whole or not at all, and expires with its absolute lifetime.
 * @see https://redis.io/docs/latest/develop/interact/programmability/eval-intro/
 */
export function createRedisSessionStore(
  client: RedisCommandSender,
  options: RedisSessionStoreOptions = {},
): SessionStore {
  if (typeof (client as Partial<RedisCommandSender> | null)?.sendCommand !== 'function') {
    throw invalid(
      'client',
      'createRedisSessionStore needs a connected Redis client with sendCommand (the `redis` package: await createClient({ url }).connect()).',
    );
  }
  const { prefix = 'freedomid:', timeoutMs = 2000 } = options;
  if (typeof prefix !== 'string' || typeof timeoutMs !== 'number' || !(timeoutMs > 0)) {
    throw invalid(
      'timeoutMs',
      'prefix must be a string and timeoutMs a positive number of milliseconds.',
    );
  }
  const sessionKey = (id: string) => `${prefix}session:${id}`;
  const indexKey = (index: SessionIndex, value: string) => `${prefix}${index}:${value}`;
  const send = (args: string[]) => withTimeout(client.sendCommand(args), timeoutMs);

  return {
    async set(record) {
      const keys = [sessionKey(record.id), ...indexKeys(record).map(([i, v]) => indexKey(i, v))];
      const json = JSON.stringify({ ...record, tokenIds: [...record.tokenIds] });
      const args = [String(keys.length), ...keys, json, String(record.expiresAt), record.id];
      await send(['EVAL', SET_SCRIPT, ...args]);
    },
    async get(id) {
      const reply = await send(['GET', sessionKey(id)]);
      return typeof reply === 'string' ? recordOf(parseJson(reply)) : undefined;
    },
    async delete(id) {
      await send(['DEL', sessionKey(id)]);
    },
    async deleteBy(index, value) {
      const reply = await send([
        'EVAL',
        DELETE_BY_SCRIPT,
        '1',
        indexKey(index, value),
        sessionKey(''),
      ]);
      return Number(reply);
    },
    async useOnce(key, expiresAt) {
      const reply = await send([
        'SET',
        `${prefix}used:${key}`,
        '1',
        'PXAT',
        String(expiresAt),
        'NX',
      ]);
      return reply === 'OK';
    },
  };
}

/** A stored record read back, or undefined when it is not one (written by something else). */
function recordOf(value: unknown): SessionRecord | undefined {
  if (!isRecord(value)) return undefined;
  const { id, sub, sid, tokenIds, expiresAt } = value;
  if (
    typeof id !== 'string' ||
    typeof sub !== 'string' ||
    (sid !== undefined && typeof sid !== 'string') ||
    !Array.isArray(tokenIds) ||
    !tokenIds.every((item) => typeof item === 'string') ||
    typeof expiresAt !== 'number'
  ) {
    return undefined;
  }
  return { id, sub, ...(sid === undefined ? {} : { sid }), tokenIds, expiresAt };
}

/** `promise`, or a rejection after `ms`: a client queueing commands while Redis is down must not hang a sign-in. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`Redis did not answer within ${ms} ms`));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => {
    clearTimeout(timer);
  });
}
