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

/** What the SDK remembers about one sign-in between the redirect and the callback. */
export interface StoredRequest {
  state: string;
  nonce: string;
  codeVerifier?: string;
  clientId: string;
  redirectUri: string;
  authority: string;
  /** Creation time, in seconds since the epoch. */
  created: number;
  appState?: unknown;
  returnTo?: string;
}

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

  /** Saves `request` under its state. */
  save(request: StoredRequest): void {
    this.use((storage) => {
      storage.setItem(STORAGE_PREFIX + request.state, JSON.stringify(request));
    });
  }

  /** Returns the request stored for `state` without removing it; null when there is none or it is unreadable. */
  peek(state: string): StoredRequest | null {
    return parseRequest(this.use((storage) => storage.getItem(STORAGE_PREFIX + state)));
  }

  /** Removes the entry for `state`; false when it was not (or no longer) there. */
  take(state: string): boolean {
    return this.use((storage) => {
      const key = STORAGE_PREFIX + state;
      const present = storage.getItem(key) !== null;
      storage.removeItem(key);
      return present;
    });
  }

  /** Removes every entry created more than `ttlSeconds` ago, or unreadable. */
  sweep(ttlSeconds: number): void {
    this.use((storage) => {
      const cutoff = nowSeconds() - ttlSeconds;
      const stale: string[] = [];
      for (let index = 0; index < storage.length; index++) {
        const key = storage.key(index);
        if (!key?.startsWith(STORAGE_PREFIX)) continue;
        const request = parseRequest(storage.getItem(key));
        if (request === null || request.created < cutoff) stale.push(key);
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

function parseRequest(stored: string | null): StoredRequest | null {
  if (stored === null) return null;
  try {
    const request = JSON.parse(stored) as Partial<StoredRequest> | null;
    return typeof request?.created === 'number' ? (request as StoredRequest) : null;
  } catch {
    return null;
  }
}

/** Whether `value` has the Storage methods the SDK needs. */
export function isStorageLike(value: unknown): value is StorageLike {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return ['key', 'getItem', 'setItem', 'removeItem'].every(
    (name) => typeof candidate[name] === 'function',
  );
}
