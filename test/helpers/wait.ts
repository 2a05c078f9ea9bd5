// Browser tests wait for a condition, never for a fixed time, and the limit only cuts off a hang:
// @open-wc/testing's own default of 1 s failed tests on a busy machine (npm run test:busy).
import { waitUntil as waitUntilWithin } from '@open-wc/testing';

/** How long a test waits for a condition before it fails. */
export const WAIT_MS = 30_000;

/** `waitUntil` from @open-wc/testing with a generous default limit (`WAIT_MS`). */
export function waitUntil(
  predicate: () => unknown,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return waitUntilWithin(predicate, message, { timeout: WAIT_MS, ...options });
}
