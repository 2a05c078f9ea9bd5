import { completeCallback, type CallbackResult } from './callback.js';
import { hasCallbackParams, withoutCallbackParams } from './callback-params.js';
import type { ResolvedConfig } from './config.js';
import { FreedomIdError } from './errors.js';
import { currentHref, replaceAddress } from './navigator.js';
import { isAnotherClients } from './pending-request.js';
import { postToOpener } from './popup.js';
import { RequestStore } from './request-store.js';

/** A callback this page handled: the page's address once cleaned of it (null: not the page's), and the client that handled it. */
interface Handled {
  address: string | null;
  owner: string;
}

/** Every callback this page has handled, by its URL. */
const handled = new Map<string, Handled>();

/**
 * The one step for the redirect page: when `href` (default: this page) is a callback to this
 * client's redirect URI, forwards it to the sign-in popup's opener that holds its state, else
 * validates it; either way once per callback per page, with the address bar cleaned. Resolves
 * null when `href` is no callback, was forwarded, or is another client's: its state names a request
 * of another client id or redirect URI in this client's storage, or another client on this page
 * handled it (the URL is then left alone, for its owner).
 */
export async function completeSignIn(
  config: ResolvedConfig,
  store: RequestStore,
  href?: string,
): Promise<CallbackResult | null> {
  const url = callbackUrl(config, href);
  if (url === null) return null;
  const owner = ownerOf(config);
  const earlier = handled.get(url.href);
  if (earlier !== undefined) {
    if (earlier.owner !== owner) return null;
    throw new FreedomIdError(
      'state_not_found',
      'This page has already handled this callback: a sign-in request is used once. Start the sign-in again.',
    );
  }
  if (isOthers(config, store, url)) return null;
  settleCallback(url, owner);
  return forward(config, url) ? null : completeCallback(config, store, url);
}

/**
 * Validates the callback at `href` (default: this page, or the callback it carried before it was
 * cleaned) and cleans the address bar when `href` is the page's, whatever the outcome.
 */
export async function handleCallback(
  config: ResolvedConfig,
  store: RequestStore,
  href?: string,
): Promise<CallbackResult> {
  // A second handler on a page already cleaned reads the callback it carried, so it is told
  // the request was used (state_not_found), not that the callback had no state.
  const url = parseHref(callbackHref(href));
  if (url === null) {
    throw new FreedomIdError(
      'invalid_argument',
      `handleCallback got "${String(href)}", not an absolute URL: pass location.href.`,
    );
  }
  settleCallback(url, ownerOf(config));
  return completeCallback(config, store, url);
}

/**
 * On the redirect page inside a sign-in popup: hands the callback at `href` to the page that opened
 * the popup when that page holds its state, and returns true; false on any other page.
 */
export function forwardPopupCallback(config: ResolvedConfig, href = currentHref()): boolean {
  const url = callbackUrl(config, href);
  if (url === null || !forward(config, url)) return false;
  settleCallback(url, ownerOf(config));
  return true;
}

/** The callback at `href` (default: this page, or the callback it carried) when it is one to this client's redirect URI, else null. */
export function callbackUrl(config: ResolvedConfig, href?: string): URL | null {
  const text = callbackHref(href);
  // No query, no callback parameter: the page of every button that is not a callback parses nothing.
  const url = text.includes('?') ? parseHref(text) : null;
  if (url === null || !hasCallbackParams(url)) return null;
  const redirect = new URL(config.redirectUri);
  return url.origin === redirect.origin && url.pathname === redirect.pathname ? url : null;
}

/** The callback `href` names; by default the page's, or, once the page was cleaned, the callback it carried. */
function callbackHref(href: string | undefined): string {
  if (href !== undefined) return href;
  const current = currentHref();
  for (const [callback, { address }] of handled) if (address === current) return callback;
  return current;
}

/**
 * Records that this page handles the callback at `url` and, when it is the page's address, removes
 * the callback parameters from the address bar, so a refresh or a shared link cannot replay it.
 */
function settleCallback(url: URL, owner: string): void {
  if (url.href === currentHref()) {
    replaceAddress(withoutCallbackParams(url));
    handled.set(url.href, { address: currentHref(), owner });
  } else if (!handled.has(url.href)) {
    handled.set(url.href, { address: null, owner });
  }
}

/** Who handles callbacks for `config`: a stored request belongs to one client id and redirect URI. */
function ownerOf({ clientId, redirectUri }: ResolvedConfig): string {
  return `${clientId} ${redirectUri}`;
}

/**
 * Whether the callback's state names a request of another client id or redirect URI in this
 * client's storage: that client handles it. Reads only; a storage that cannot be read says no,
 * and the validation then reports it.
 */
function isOthers(config: ResolvedConfig, store: RequestStore, url: URL): boolean {
  const state = url.searchParams.get('state');
  try {
    const stored = state === null ? null : store.peek(state);
    return stored !== null && isAnotherClients(stored, config.clientId, config.redirectUri);
  } catch {
    return false;
  }
}

/** Posts the callback to this popup's opener when the opener holds its state; throws `opener_lost` in a popup cut off from it. */
function forward(config: ResolvedConfig, url: URL): boolean {
  const state = url.searchParams.get('state');
  return state !== null && postToOpener(url.href, (opener) => holds(config, opener, state));
}

/** Whether `opener` keeps the pending request for `state` (in its sessionStorage, or the shared store). */
function holds({ storage }: ResolvedConfig, opener: Window, state: string): boolean {
  try {
    return new RequestStore(storage === 'session' ? opener.sessionStorage : storage).has(state);
  } catch {
    return false;
  }
}

function parseHref(href: string): URL | null {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}
