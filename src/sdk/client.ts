import {
  createAuthorizationRequest,
  type PopupSignInOptions,
  type SignInOptions,
} from './authorize.js';
import { sendToBackend, type SendToBackendOptions } from './backend.js';
import { completeCallback, type CallbackResult } from './callback.js';
import { hasCallbackParams, withoutCallbackParams } from './callback-params.js';
import { resolveConfig, type FreedomIdConfig, type ResolvedConfig } from './config.js';
import { FreedomIdError } from './errors.js';
import { assignPopup, currentHref, replaceAddress } from './navigator.js';
import { openSignInPopup, postToOpener, waitForPopupCallback } from './popup.js';
import { RequestStore } from './request-store.js';

/** The callback this page's address last carried, and the address left once it was cleaned. */
let cleaned: [callback: string, clean: string] | undefined;

/**
 * Signs users in with Freedom ID: builds the authorization redirect, then validates the callback
 * and hands the code to the merchant backend. The browser never exchanges tokens.
 *
 * @example
 * const client = new FreedomIdClient({ clientId, redirectUri: 'https://shop.example/login' });
 * await client.signIn();
 */
export class FreedomIdClient {
  /** The validated configuration, with every default filled in. */
  readonly config: ResolvedConfig;
  private readonly store: RequestStore;

  /** Checks `config` at once; throws `invalid_config` naming the field to fix. */
  constructor(config: FreedomIdConfig) {
    this.config = resolveConfig(config);
    this.store = new RequestStore(this.config.storage);
  }

  /** Stores a new sign-in request and returns the URL that starts it at Freedom ID. */
  createAuthorizationUrl(options?: SignInOptions): Promise<URL> {
    return createAuthorizationRequest(this.config, this.store, options);
  }

  /** Stores a new sign-in request and navigates to Freedom ID with `navigate`. */
  async signIn(options?: SignInOptions): Promise<void> {
    await this.config.navigate(await this.createAuthorizationUrl(options));
  }

  /**
   * Signs in inside a popup and resolves with the callback result, leaving this page as it is.
   * Call it directly in a click handler: the popup opens before the first `await`, as browsers require.
   */
  async signInPopup({
    beforeNavigate,
    ...options
  }: PopupSignInOptions = {}): Promise<CallbackResult> {
    const popup = openSignInPopup();
    try {
      const url = await this.createAuthorizationUrl(options);
      if (beforeNavigate?.(url) === false) {
        this.store.take(url.searchParams.get('state') ?? '');
        throw new FreedomIdError(
          'popup_closed',
          'beforeNavigate cancelled the sign-in before the popup left for Freedom ID.',
        );
      }
      assignPopup(popup, url);
      const href = await waitForPopupCallback(
        popup,
        url.searchParams.get('state') ?? '',
        this.config.popupTimeoutMs,
      );
      return completeCallback(this.config, this.store, new URL(href));
    } finally {
      popup.close();
    }
  }

  /**
   * On the redirect page inside a sign-in popup: hands the callback to the page that opened the
   * popup (which validates it and closes the popup) and returns true; returns false on any other page.
   */
  forwardPopupCallback(href: string = currentHref()): boolean {
    const state = this.isCallback(href) ? new URL(href).searchParams.get('state') : null;
    if (state === null || !postToOpener(href, (opener) => this.holds(opener, state))) return false;
    if (href === currentHref()) replaceAddress(withoutCallbackParams(new URL(href)));
    return true;
  }

  /** Whether `opener` keeps the pending request for `state` (in its sessionStorage, or the shared store). */
  private holds(opener: Window, state: string): boolean {
    const { storage } = this.config;
    try {
      return (
        new RequestStore(storage === 'session' ? opener.sessionStorage : storage).peek(state) !==
        null
      );
    } catch {
      return false;
    }
  }

  /** Whether `href` (default: the current page) is a callback to this client's redirect URI. */
  isCallback(href: string = currentHref()): boolean {
    const url = parseHref(href);
    const redirect = new URL(this.config.redirectUri);
    return (
      url !== null &&
      url.origin === redirect.origin &&
      url.pathname === redirect.pathname &&
      hasCallbackParams(url)
    );
  }

  /**
   * Validates the callback at `href` (default: the current page) and returns its result.
   * When it reads the current page, it also removes the callback parameters from the address bar,
   * whatever the outcome, so a refresh or a shared link cannot replay it.
   */
  handleCallback(href?: string): Promise<CallbackResult> {
    return new Promise((resolve) => {
      const current = currentHref();
      // A second handler on a page already cleaned reads the callback it carried, so it is told
      // the request was used (state_not_found), not that the callback had no state.
      const url = parseHref(href ?? (current === cleaned?.[1] ? cleaned[0] : current));
      if (url === null) {
        throw new FreedomIdError(
          'invalid_argument',
          `handleCallback got "${String(href)}", not an absolute URL: pass location.href.`,
        );
      }
      if (href === undefined || href === current) {
        replaceAddress(withoutCallbackParams(url));
        cleaned = [url.href, currentHref()];
      }
      resolve(completeCallback(this.config, this.store, url));
    });
  }

  /** POSTs `result` to the merchant backend as JSON and returns its JSON reply. */
  sendToBackend(
    result: CallbackResult,
    backendUrl: string | URL,
    options?: SendToBackendOptions,
  ): Promise<unknown> {
    return sendToBackend(result, backendUrl, options);
  }
}

function parseHref(href: string): URL | null {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}
