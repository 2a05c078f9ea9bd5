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

/**
 * Makes sure MSW's worker controls this page before MSW starts. A page that loaded while another
 * test page was registering the worker is not controlled, and MSW would reload it (an interrupted
 * test, seen on a busy machine); the active worker claims it instead (web-test-runner.config.mjs).
 */
async function controlledByWorker(): Promise<void> {
  const { serviceWorker } = navigator;
  const controlled = () => serviceWorker.controller !== null;
  if (controlled()) return;
  const changed = new Promise((resolve) => {
    serviceWorker.addEventListener('controllerchange', resolve, { once: true });
  });
  await serviceWorker.register('/mockServiceWorker.js');
  const { active } = await serviceWorker.ready;
  if (controlled()) return;
  active?.postMessage('freedomid-test:claim');
  await changed;
}

/** Starts the worker once per page; unhandled requests fail the test loudly. */
export function startWorker(): Promise<unknown> {
  started ??= controlledByWorker()
    .then(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }))
    .then(() => {
      if (navigator.serviceWorker.controller === null) {
        throw new Error(
          'MSW started, but no service worker controls this page: its requests would reach the network unmocked.',
        );
      }
    });
  return started;
}
