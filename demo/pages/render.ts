// Shows the demo's outcome on the page: the profile the backend returned, or an error in words
// for the person signing in (the developer detail goes to the console). Everything from the
// provider or the backend is set with textContent, never as HTML.
import type { FreedomIdErrorCode } from '../../src/index.js';

/** Reads a `<meta name="freedomid-…">` value the demo server filled in. */
export function meta(name: string): string {
  const element = document.querySelector<HTMLMetaElement>(`meta[name="freedomid-${name}"]`);
  if (element === null) throw new Error(`This page lacks <meta name="freedomid-${name}">.`);
  return element.content;
}

/** What the person signing in is told, by error code; any other code gets {@link FALLBACK}. */
const MESSAGES: Partial<Record<FreedomIdErrorCode, string>> = {
  popup_closed: 'The sign-in window was closed before you finished. Try again.',
  popup_blocked:
    'Your browser blocked the sign-in window. Allow pop-ups for this site and try again.',
  state_not_found: 'This sign-in has already been used or was started elsewhere. Sign in again.',
  state_expired: 'This sign-in took too long and expired. Sign in again.',
  network_error: 'We could not reach the server. Check your connection and try again.',
  timeout: 'The server took too long to answer. Try again in a moment.',
  storage_unavailable:
    'Your browser does not let this page keep the sign-in in progress. Allow site data and try again.',
};
const CANCELLED = 'You cancelled the sign-in. You can try again at any time.';
const FALLBACK = 'Signing in did not work. Try again.';

function messageFor(code: string, providerError: unknown): string {
  if (code === 'provider_error' && providerError === 'access_denied') return CANCELLED;
  return MESSAGES[code as FreedomIdErrorCode] ?? FALLBACK;
}

/** Claims a person reads as dates (seconds since 1970, OIDC Core §2). */
const TIMES = new Set(['exp', 'iat', 'auth_time', 'nbf']);
/** Claims that only matter to the protocol, which the backend has already checked. */
const HIDDEN = new Set(['nonce', 'at_hash', 'c_hash']);

/** A claim's value as text: a date for the time claims, JSON for other non-strings. */
function claimText(claim: string, value: unknown): string {
  if (TIMES.has(claim) && typeof value === 'number') {
    return `${new Date(value * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Renders the backend's `{ profile }` reply as a list of claims in `#profile`, and who signed in. */
export function showProfile(reply: unknown): void {
  const profile = isRecord(reply) && isRecord(reply.profile) ? reply.profile : {};
  hideError();
  const list = document.querySelector('#profile');
  list?.replaceChildren(
    ...Object.entries(profile)
      .filter(([claim]) => !HIDDEN.has(claim))
      .flatMap(([claim, value]) => {
        const term = document.createElement('dt');
        term.textContent = claim;
        const detail = document.createElement('dd');
        detail.dataset.claim = claim;
        detail.textContent = claimText(claim, value);
        return [term, detail];
      }),
  );
  const name = typeof profile.name === 'string' ? profile.name : String(profile.sub);
  setStatus(`Signed in as ${name}.`);
}

/**
 * Tells the user in words that signing in failed, forgetting an earlier sign-in's profile; the
 * error's code (and the backend's, if any) stay in `data-error-code` / `data-backend-code`.
 */
export function showError(error: unknown): void {
  const detail = isRecord(error) ? error : {};
  const code = typeof detail.code === 'string' ? detail.code : 'unexpected';
  const message = typeof detail.message === 'string' ? detail.message : String(error);
  console.error(`Sign-in failed (${code}): ${message}`, error);
  // The backend handler's `{ error: code, message }`, as the SDK's backend_error carries it.
  const backendCode = typeof detail.backendError === 'string' ? detail.backendError : undefined;
  clearProfile();
  const box = document.querySelector<HTMLElement>('#error');
  if (box === null) return;
  box.textContent = messageFor(code, detail.error);
  box.dataset.errorCode = code;
  if (backendCode === undefined) delete box.dataset.backendCode;
  else box.dataset.backendCode = backendCode;
  box.hidden = false;
}

function hideError(): void {
  const box = document.querySelector<HTMLElement>('#error');
  if (box === null) return;
  box.hidden = true;
  box.textContent = '';
  delete box.dataset.errorCode;
  delete box.dataset.backendCode;
}

function setStatus(text: string): void {
  const status = document.querySelector('#status');
  if (status !== null) status.textContent = text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Forgets the shown profile: the user signed out (here, in another tab, or at the provider). */
function clearProfile(): void {
  setStatus('');
  document.querySelector('#profile')?.replaceChildren();
}

/**
 * Shows what the page's `<freedomid-login>` reports: the backend's profile, or the error; with
 * `session-url`, the session's profile (the demo's `onSignIn` keeps `{ name, profile }`) until sign-out.
 */
export function showOutcomesOf(element: HTMLElement | null): void {
  element?.addEventListener('freedomid-session', (event) => {
    showProfile(event.detail.response);
  });
  element?.addEventListener('freedomid-signed-in', (event) => {
    showProfile(event.detail.session.data);
  });
  element?.addEventListener('freedomid-signed-out', clearProfile);
  element?.addEventListener('freedomid-error', (event) => {
    showError(event.detail);
  });
}
