import { withoutCallbackParams } from './callback-params.js';
import { currentHref, replaceAddress } from './navigator.js';

/** Every callback this page has handled, mapped to the page's address once cleaned of it (null: not the page's). */
const handled = new Map<string, string | null>();

/** The callback `href` names; by default the page's, or, once the page was cleaned, the callback it carried. */
export function callbackHref(href: string | undefined): string {
  if (href !== undefined) return href;
  const current = currentHref();
  for (const [callback, address] of handled) if (address === current) return callback;
  return current;
}

/** Whether this page has already handled the callback at `url`. */
export function wasHandled(url: URL): boolean {
  return handled.has(url.href);
}

/**
 * Records that this page handles the callback at `url` and, when it is the page's address, removes
 * the callback parameters from the address bar, so a refresh or a shared link cannot replay it.
 */
export function settleCallback(url: URL): void {
  if (url.href === currentHref()) {
    replaceAddress(withoutCallbackParams(url));
    handled.set(url.href, currentHref());
  } else if (!handled.has(url.href)) {
    handled.set(url.href, null);
  }
}
