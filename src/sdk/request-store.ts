import type { SigninState } from 'oidc-client-ts';
import { FreedomIdError } from './errors.js';
import { createdOf } from './pending-request.js';

/** The part of the Web Storage interface the SDK uses; `sessionStorage`, `localStorage` or your own. */
export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Where pending sign-in requests are kept: `'session'` (default), `'local'`, or a Storage-like object. */
export type StorageOption = 'session' | 'local' | StorageLike;

/** Prefix of every key the SDK writes, followed by the request's `state`. */
export const STORAGE_PREFIX = 'freedomid.';

/**
 * Keeps one entry per pending sign-in request, keyed by its `state`, in Web Storage.
 * > [!WARNING] `take` reads and deletes in one synchronous step: it is the single-use guarantee of the state (RFC 6749 §10.12).
 */
export class RequestStore {
  private readonly option: StorageOption;

  constructor(option: StorageOption) {
    this.option = option;
  }

  /** Saves `record` (oidc-client-ts's storage string) under its state. */
  save(record: SigninState): void {
    this.use((storage) => {
      storage.setItem(STORAGE_PREFIX + record.id, record.toStorageString());
    });
  }

  /** Whether a request is pending for `state`; reads only. */
  has(state: string): boolean {
    return this.peek(state) !== null;
  }

  /** The stored entry for `state` (null when there is none), left in place. */
  peek(state: string): string | null {
    return this.use((storage) => storage.getItem(STORAGE_PREFIX + state));
  }

  /**
   * Reads and deletes the entry for `state` in one synchronous step and returns it (null when there is
   * none); `claim` sees it first and throws to leave it in place, e.g. for another client's request.
   * > [!WARNING] No `await` between the read and the delete: two handlers in one page never both take it (oidc-client-ts's `WebStorageStateStore.remove` awaits there, so it is not used).
   */
  take(state: string, claim: (stored: string) => void): string | null {
    const key = STORAGE_PREFIX + state;
    const stored = this.use((storage) => storage.getItem(key));
    if (stored === null) return null;
    claim(stored);
    this.use((storage) => {
      storage.removeItem(key);
    });
    return stored;
  }

  /** Removes every entry created more than `ttlSeconds` ago, dated in the future, or unreadable. */
  sweep(ttlSeconds: number): void {
    this.use((storage) => {
      const now = nowSeconds();
      const stale: string[] = [];
      for (let index = 0; index < storage.length; index++) {
        const key = storage.key(index);
        if (!key?.startsWith(STORAGE_PREFIX)) continue;
        const created = createdOf(storage.getItem(key) ?? '');
        if (created === null || !isFresh(created, now, ttlSeconds)) stale.push(key);
      }
      for (const key of stale) storage.removeItem(key);
    });
  }

  private use<T>(run: (storage: StorageLike) => T): T {
    try {
      return run(
        this.option === 'session'
          ? sessionStorage
          : this.option === 'local'
            ? localStorage
            : this.option,
      );
    } catch (cause) {
      throw new FreedomIdError(
        'storage_unavailable',
        `Could not keep the sign-in request: ${typeof this.option === 'string' ? `${this.option}Storage` : 'the custom storage'} is full, blocked or disabled (${String(cause)}). Allow site storage, or pass another \`storage\`.`,
        { cause },
      );
    }
  }
}

/** Seconds since the epoch. */
export function nowSeconds(): number {
  return Date.now() / 1000;
}

/** How far in the future a created time may lie (a clock corrected backwards) before it counts as forged. */
export const CLOCK_SKEW_SECONDS = 60;

/** Whether a request created at `created` is within its TTL at `now`: not older than `ttlSeconds`, and not from the future. */
export function isFresh(created: number, now: number, ttlSeconds: number): boolean {
  return now - created <= ttlSeconds && created - now <= CLOCK_SKEW_SECONDS;
}

/** Whether `value` has the Storage methods the SDK needs. */
export function isStorageLike(value: unknown): value is StorageLike {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return ['key', 'getItem', 'setItem', 'removeItem'].every(
    (name) => typeof candidate[name] === 'function',
  );
}
