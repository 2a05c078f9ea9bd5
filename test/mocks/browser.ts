// One MSW service worker for every browser test file; handlers are reset after each test.
import { setupWorker } from 'msw/browser';

export const worker = setupWorker();

/*
 * MSW's worker unregisters itself when the last page it mocks for says goodbye (MSW posts
 * CLIENT_CLOSED on `beforeunload`). With two test pages at a time that churns the registration:
 * a page that loads in that moment starts uncontrolled, or registers a new worker whose
 * `clients.claim()` takes over the other running page, and a worker that never received that
 * page's MOCK_ACTIVATE sends its requests on to the dev server (404s, seen on a busy machine).
 * So test pages never post CLIENT_CLOSED and one registration serves the whole run. Added at
 * import, before `worker.start()` adds MSW's listener, so this one runs first.
 */
window.addEventListener('beforeunload', (event) => {
  event.stopImmediatePropagation();
});

let started: Promise<unknown> | undefined;

/** Starts the worker once per page; unhandled requests fail the test loudly. */
export function startWorker(): Promise<unknown> {
  started ??= worker.start({ quiet: true, onUnhandledRequest: 'error' }).then(() => {
    if (navigator.serviceWorker.controller === null) {
      throw new Error(
        'MSW started, but no service worker controls this page: its requests would reach the network unmocked.',
      );
    }
  });
  return started;
}
