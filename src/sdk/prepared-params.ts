import type { AuthParams, AuthParamsSupplier } from './auth-params.js';

/**
 * How long prepared values may wait for a click: well under the lifetime of the cookie that
 * binds them at the backend (the server's `pendingTtlSeconds`: 600 s by default, 60 s at least).
 */
export const PREPARED_MAX_AGE_MS = 30_000;

/** Backend-bound sign-in values asked for ahead of the click; see {@link preparedParams}. */
export interface PreparedParams {
  /** Asks the supplier for a set now, unless a fresh one is held or on its way. */
  prepare: () => void;
  /** The supplier a sign-in uses: the held set when it is fresh and arrived, else a new request. */
  take: AuthParamsSupplier;
  /** Drops the held set, e.g. once a sign-in finished: its cookie may be gone at the backend. */
  clear: () => void;
}

/**
 * Holds at most one set of values from `supplier`, asked for ahead of the click so the click need
 * not wait a round trip; each set is used at most once and only while younger than {@link PREPARED_MAX_AGE_MS}.
 */
export function preparedParams(
  supplier: AuthParamsSupplier,
  now: () => number = () => Date.now(),
): PreparedParams {
  let held: Promise<AuthParams | null> | undefined;
  let at = 0;
  const fresh = (since: number) => now() - since < PREPARED_MAX_AGE_MS;
  return {
    prepare() {
      if (held && fresh(at)) return;
      at = now();
      // A failed preparation only means the click asks again.
      held = new Promise<AuthParams>((resolve) => {
        resolve(supplier());
      }).catch(() => null);
    },
    async take() {
      const [prepared, since] = [held, at];
      held = undefined;
      const values = fresh(since) ? await prepared : undefined;
      return values && fresh(since) ? values : supplier();
    },
    clear() {
      held = undefined;
    },
  };
}
