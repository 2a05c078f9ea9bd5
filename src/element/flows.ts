import type { CallbackResult, FreedomIdClient } from '../index.js';
import { emit } from './events.js';

/** The element as the flows see it: where their events go, and where the backend is. */
export interface FlowTarget extends EventTarget {
  readonly backendUrl: string | undefined;
}

/**
 * Announces the authorization URL, then leaves for it unless a listener cancelled; resolves true
 * when the page is leaving (the element stays busy).
 */
export async function redirect(target: FlowTarget, client: FreedomIdClient): Promise<boolean> {
  const url = await client.createAuthorizationUrl();
  if (!emit(target, 'freedomid-redirect', { url: url.href }, true)) return false;
  await client.config.navigate(url);
  return true;
}

/**
 * Signs in inside a popup and hands the result on; the page cancelling `freedomid-redirect` is not
 * an error. Opens the popup before its first `await`, as browsers allow only inside the click.
 */
export async function popup(target: FlowTarget, client: FreedomIdClient): Promise<boolean> {
  const outcome = { cancelled: false };
  try {
    const result = await client.signInPopup({
      beforeNavigate: (url) => {
        outcome.cancelled = !emit(target, 'freedomid-redirect', { url: url.href }, true);
        return !outcome.cancelled;
      },
    });
    await handOff(target, client, result);
  } catch (error) {
    if (!outcome.cancelled) throw error;
  }
  return false;
}

/**
 * On the redirect page: completes the sign-in whose callback the address bar shows (the SDK
 * forwards it to a sign-in popup's opener, or validates it, once per page, and cleans the address
 * bar, so a second element finds nothing) and hands the result on; null when there is no callback.
 */
export function returnPage(target: FlowTarget, client: FreedomIdClient): Promise<boolean> | null {
  const href = location.href;
  if (!client.isCallback(href)) return null;
  return client.completeSignIn(href).then(async (result) => {
    if (result !== null) await handOff(target, client, result);
    return false;
  });
}

/** Dispatches the result, and with `backend-url` POSTs it and dispatches the backend's reply. */
async function handOff(
  target: FlowTarget,
  client: FreedomIdClient,
  result: CallbackResult,
): Promise<void> {
  emit(target, 'freedomid-callback', result);
  const { backendUrl } = target;
  if (backendUrl !== undefined) {
    emit(target, 'freedomid-session', { response: await client.sendToBackend(result, backendUrl) });
  }
}
