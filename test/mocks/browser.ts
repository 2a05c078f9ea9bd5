// One MSW service worker for every browser test file; handlers are reset after each test.
import { setupWorker } from 'msw/browser';

export const worker = setupWorker();

let started: Promise<unknown> | undefined;

/** Starts the worker once per page; unhandled requests fail the test loudly. */
export function startWorker(): Promise<unknown> {
  started ??= worker.start({ quiet: true, onUnhandledRequest: 'error' });
  return started;
}
