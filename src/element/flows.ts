import { SIGN_IN_CANCELLED, type CallbackResult, type FreedomIdClient } from '../index.js';
import { emit } from './events.js';

/**
 * Signs in by redirect: the SDK navigates unless a listener cancelled `freedomid-redirect` (the
 * request then stays stored, so the page may go to the URL itself); resolves true when the page
 * is leaving (the element stays busy).
 */
export async function redirect(target: EventTarget, client: FreedomIdClient): Promise<boolean> {
  const outcome = await client.signIn({
    beforeNavigate: (url) => announce(target, url),
    keepRequest: true,
  });
  return outcome !== SIGN_IN_CANCELLED;
}

/**
 * Signs in inside a popup and hands the result on; the page cancelling `freedomid-redirect` closes
 * the popup and discards the request. Opens the popup before its first `await`, as browsers allow only inside the click.
 */
export async function popup(target: EventTarget, client: FreedomIdClient): Promise<boolean> {
  const result = await client.signInPopup({ beforeNavigate: (url) => announce(target, url) });
  if (result !== SIGN_IN_CANCELLED) await handOff(target, client, result);
  return false;
}

/**
 * On the redirect page: completes the sign-in whose callback the address bar shows (the SDK
 * forwards it to a sign-in popup's opener, or validates it, once per page, and cleans the address
 * bar, so a second element finds nothing) and hands the result on; null when there is no callback.
 */
export function returnPage(target: EventTarget, client: FreedomIdClient): Promise<boolean> | null {
  if (!client.isCallback()) return null;
  return client.completeSignIn().then(async (result) => {
    if (result !== null) await handOff(target, client, result);
    return false;
  });
}

/** How long a click's busy state waits for the navigation before it renders anyway (a slow backend). */
const BUSY_RENDER_DELAY_MS = 50;

/**
 * Resolves once the sign-in `flow` a click started has announced its navigation on `target` (the
 * navigation call follows at once, before any microtask), has settled, or 50 ms passed: the click's
 * busy state renders then, so the provider's page starts loading before the element re-renders.
 */
export function navigationOf(target: EventTarget, flow: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      target.removeEventListener('freedomid-redirect', done);
      clearTimeout(timer);
      resolve();
    };
    target.addEventListener('freedomid-redirect', done);
    const timer = setTimeout(done, BUSY_RENDER_DELAY_MS);
    flow.then(done, done);
  });
}

/** Dispatches the cancelable `freedomid-redirect`; false when a listener cancelled it. */
function announce(target: EventTarget, url: URL): boolean {
  return emit(target, 'freedomid-redirect', { url: url.href }, true);
}

/** Dispatches the result, and with `backend-url` POSTs it and dispatches the backend's reply. */
async function handOff(
  target: EventTarget,
  client: FreedomIdClient,
  result: CallbackResult,
): Promise<void> {
  emit(target, 'freedomid-callback', result);
  if (client.config.backendUrl !== undefined) {
    emit(target, 'freedomid-session', { response: await client.sendToBackend(result) });
  }
}
