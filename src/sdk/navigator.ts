// The only module of the SDK and the element that touches `location`, `history` or `window.open`
// (the testing kit's simulator, a separate entry, sets the address bar of a test page itself).
import { randomToken } from './random.js';

/** Sends the whole page to `url` (the default `navigate`). */
export function assignLocation(url: URL): void {
  location.assign(url.href);
}

/** The page's current address. */
export function currentHref(): string {
  return location.href;
}

/** The page's origin and path without query or hash: the default redirect URI. */
export function currentPage(): string {
  return location.origin + location.pathname;
}

/** The page's origin, against which `returnTo` is checked. */
export function currentOrigin(): string {
  return location.origin;
}

/** Replaces the address bar's URL without a reload or a new history entry. */
export function replaceAddress(url: URL): void {
  history.replaceState(history.state, '', url.href);
}

/** How the sign-in popup's window name starts, so its redirect page can tell it is one. */
export const POPUP_NAME_PREFIX = 'freedomid-signin';

/**
 * Opens an empty popup window now (inside the click), or returns null when the browser blocks it.
 * > [!WARNING] A fresh unguessable name each time (128 bits): a window another page named in advance is never reused as the popup.
 */
export function openPopup(): Window | null {
  return window.open('', `${POPUP_NAME_PREFIX}-${randomToken(16)}`, 'popup,width=480,height=680');
}

/** Sends the popup to `url`, replacing its blank page. */
export function assignPopup(popup: Window, url: URL): void {
  popup.location.replace(url.href);
}

/** This window's opener when it is a window of the same origin, else null (none, closed, or cross-origin). */
export function sameOriginOpener(): Window | null {
  const opener = window.opener as Window | null;
  if (opener === null || opener.closed) return null;
  try {
    return opener.location.origin === location.origin ? opener : null;
  } catch {
    return null;
  }
}

/** Whether this window was opened by the SDK as its sign-in popup (its name has the SDK's prefix). */
export function isNamedPopup(): boolean {
  return window.name.startsWith(POPUP_NAME_PREFIX);
}
