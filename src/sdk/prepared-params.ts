import type { AuthParams, AuthParamsSupplier } from './auth-params.js';

/**
 * How long prepared values may wait for a click: well under the lifetime of the cookie that
 * binds them at the backend (the server's `pendingTtlSeconds`: 600 s by default, 60 s at least).
 */
export const PREPARED_MAX_AGE_MS = 30_000;

/** One set of backend-bound values, asked for at `at` (ms); null once the request failed. */
interface Held {
  values: Promise<AuthParams | null>;
  at: number;
}

/**
 * Backend-bound sign-in values asked for ahead of the click, so the click need not wait a round
 * trip: at most one set held, each used at most once and only while younger than {@link PREPARED_MAX_AGE_MS}.
 */
export class PreparedParams {
  private held: Held | null = null;

  constructor(
    private readonly supplier: AuthParamsSupplier,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Asks the supplier for a set now, unless a fresh one is held or on its way. */
  prepare(): void {
    if (this.held !== null && this.isFresh(this.held)) return;
    const values = new Promise<AuthParams>((resolve) => {
      resolve(this.supplier());
    }).catch(() => null); // A failed preparation only means the click asks again.
    this.held = { values, at: this.now() };
  }

  /** The supplier a sign-in uses: the held set when it is fresh and arrived, else a new request. */
  readonly take: AuthParamsSupplier = async () => {
    const held = this.held;
    this.held = null;
    if (held !== null && this.isFresh(held)) {
      const values = await held.values;
      if (values !== null && this.isFresh(held)) return values;
    }
    return this.supplier();
  };

  /** Drops the held set, e.g. once a sign-in finished: its cookie may be gone at the backend. */
  clear(): void {
    this.held = null;
  }

  private isFresh(held: Held): boolean {
    return this.now() - held.at < PREPARED_MAX_AGE_MS;
  }
}
