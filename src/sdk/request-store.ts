import type { StateStore } from 'oidc-client-ts';
import { FreedomIdError } from './errors.js';

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
 *
 * Implements oidc-client-ts's `StateStore` so its stale-state sweep runs over it, but reads and
 * deletes in one synchronous step: two callback handlers racing in one page cannot both take
 * the same state.
 * > [!WARNING] `take` is the single-use guarantee of the state (RFC 6749 §10.12); keep it synchronous.
 */
export class RequestStore implements StateStore {
  private readonly option: StorageOption;

  constructor(option: StorageOption) {
    this.option = option;
  }

  /** Returns the entry for `state` without removing it, or null. */
  peek(state: string): string | null {
    return this.use('read the sign-in request', (storage) =>
      storage.getItem(STORAGE_PREFIX + state),
    );
  }

  /** Removes and returns the entry for `state`, or null when it is not (or no longer) there. */
  take(state: string): string | null {
    return this.use('read the sign-in request', (storage) => {
      const key = STORAGE_PREFIX + state;
      const value = storage.getItem(key);
      if (value !== null) storage.removeItem(key);
      return value;
    });
  }

  set(state: string, value: string): Promise<void> {
    return settle(() => {
      this.use('save the sign-in request', (storage) => {
        storage.setItem(STORAGE_PREFIX + state, value);
      });
    });
  }

  get(state: string): Promise<string | null> {
    return settle(() => this.peek(state));
  }

  remove(state: string): Promise<string | null> {
    return settle(() => this.take(state));
  }

  getAllKeys(): Promise<string[]> {
    return settle(() =>
      this.use('list the sign-in requests', (storage) => {
        const keys: string[] = [];
        for (let index = 0; index < storage.length; index++) {
          const key = storage.key(index);
          if (key?.startsWith(STORAGE_PREFIX)) keys.push(key.slice(STORAGE_PREFIX.length));
        }
        return keys;
      }),
    );
  }

  private use<T>(action: string, run: (storage: StorageLike) => T): T {
    try {
      return run(this.resolve());
    } catch (cause) {
      throw new FreedomIdError(
        'storage_unavailable',
        `Could not ${action}: ${describeStorage(this.option)} is full, blocked or disabled (${String(cause)}). ` +
          'Allow site storage in the browser, free some space, or pass a working `storage` option.',
        { cause },
      );
    }
  }

  private resolve(): StorageLike {
    if (this.option === 'session') return window.sessionStorage;
    if (this.option === 'local') return window.localStorage;
    return this.option;
  }
}

/** Runs `run` now and returns its outcome as a promise, for the async `StateStore` interface. */
function settle<T>(run: () => T): Promise<T> {
  return new Promise((resolve) => {
    resolve(run());
  });
}

function describeStorage(option: StorageOption): string {
  return option === 'session'
    ? 'sessionStorage'
    : option === 'local'
      ? 'localStorage'
      : 'the custom storage';
}

/** Whether `value` has the Storage methods the SDK needs. */
export function isStorageLike(value: unknown): value is StorageLike {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return ['key', 'getItem', 'setItem', 'removeItem'].every(
    (name) => typeof candidate[name] === 'function',
  );
}
