/** The only module that reads or changes the page's address. */

/** Sends the whole page to `url` (the default `navigate`). */
export function assignLocation(url: URL): void {
  window.location.assign(url.href);
}

/** The page's current address. */
export function currentHref(): string {
  return window.location.href;
}

/** The page's origin, against which `returnTo` is checked. */
export function currentOrigin(): string {
  return window.location.origin;
}

/** Replaces the address bar's URL without a reload or a new history entry. */
export function replaceAddress(url: URL): void {
  window.history.replaceState(window.history.state, '', url.href);
}
