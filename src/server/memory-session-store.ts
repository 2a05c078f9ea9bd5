import {
  indexKeys,
  type SessionIndex,
  type SessionRecord,
  type SessionStore,
} from './session-store.js';

/** Expired entries are swept after this many writes. */
const SWEEP_EVERY = 256;

/**
 * A {@link SessionStore} in this process's memory: for development, tests and a single-process
 * server. Sessions do not survive a restart and are not shared between processes.
 */
export function createMemorySessionStore(): SessionStore {
  const sessions = new Map<string, SessionRecord>();
  const indexes = new Map<string, Set<string>>();
  const used = new Map<string, number>();
  let writes = 0;

  const live = (record: SessionRecord | undefined, now: number) =>
    record !== undefined && record.expiresAt > now ? record : undefined;

  function sweep(now: number): void {
    for (const [id, record] of sessions) if (record.expiresAt <= now) remove(id);
    for (const [key, expiresAt] of used) if (expiresAt <= now) used.delete(key);
  }

  function remove(id: string): void {
    const record = sessions.get(id);
    if (record === undefined) return;
    sessions.delete(id);
    for (const [index, value] of indexKeys(record)) {
      const ids = indexes.get(`${index}:${value}`);
      ids?.delete(id);
      if (ids?.size === 0) indexes.delete(`${index}:${value}`);
    }
  }

  return {
    set(record) {
      if ((writes += 1) % SWEEP_EVERY === 0) sweep(Date.now());
      remove(record.id);
      const copy = { ...record, tokenIds: [...record.tokenIds] };
      sessions.set(record.id, copy);
      for (const [index, value] of indexKeys(copy)) {
        const key = `${index}:${value}`;
        indexes.set(key, (indexes.get(key) ?? new Set()).add(record.id));
      }
      return Promise.resolve();
    },
    get(id) {
      const record = live(sessions.get(id), Date.now());
      return Promise.resolve(record === undefined ? undefined : { ...record });
    },
    delete(id) {
      remove(id);
      return Promise.resolve();
    },
    deleteBy(index: SessionIndex, value: string) {
      const ids = [...(indexes.get(`${index}:${value}`) ?? [])];
      const now = Date.now();
      const ended = ids.filter((id) => live(sessions.get(id), now) !== undefined).length;
      for (const id of ids) remove(id);
      return Promise.resolve(ended);
    },
    useOnce(key, expiresAt) {
      const now = Date.now();
      const seen = used.get(key);
      if (seen !== undefined && seen > now) return Promise.resolve(false);
      used.set(key, expiresAt);
      return Promise.resolve(true);
    },
  };
}
