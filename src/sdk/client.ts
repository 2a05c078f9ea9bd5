import {
  createAuthorizationRequest,
  type AuthorizationRequest,
  type NavigatingSignInOptions,
  type PopupSignInOptions,
  type SignInOptions,
} from './authorize.js';
import { sendToBackend, type SendToBackendOptions } from './backend.js';
import { completeCallback, type CallbackResult } from './callback.js';
import { hasCallbackParams } from './callback-params.js';
import { resolveConfig, type FreedomIdConfig, type ResolvedConfig } from './config.js';
import { isEmbeddedBrowser, pageLeaving } from './environment.js';
import { FreedomIdError } from './errors.js';
import { assignPopup, currentHref } from './navigator.js';
import { openSignInPopup, postToOpener, waitForPopupCallback } from './popup.js';
import { RequestStore } from './request-store.js';
import { callbackHref, settleCallback, wasHandled } from './return-page.js';

/**
 * Signs users in with Freedom ID (or another OpenID provider): builds the authorization redirect,
 * then validates the callback and hands the code to the merchant backend. The browser never exchanges tokens.
 *
 * @example
 * const client = new FreedomIdClient({ clientId, redirectUri: 'https://shop.example/login' });
 * await client.signIn();
 */
export class FreedomIdClient {
  /** The validated configuration, with every default filled in. */
  readonly config: ResolvedConfig;
  private readonly store: RequestStore;

  /** Checks `config` at once; throws `invalid_config` whose `field` names the option to fix. */
  constructor(config: FreedomIdConfig) {
    this.config = resolveConfig(config);
    this.store = new RequestStore(this.config.storage);
  }

  /** Stores a new sign-in request and returns the URL that starts it at the provider. */
  async createAuthorizationUrl(options?: SignInOptions): Promise<URL> {
    return (await this.createRequest(options)).url;
  }

  /**
   * Stores a new sign-in request and navigates to the provider with `navigate`; when `beforeNavigate`
   * returns false, nothing navigates and the request is discarded.
   */
  async signIn({ beforeNavigate, ...options }: NavigatingSignInOptions = {}): Promise<void> {
    const { url, state } = await this.createRequest(options);
    if (beforeNavigate?.(url) === false) {
      this.discard(state);
      return;
    }
    await this.config.navigate(url);
  }

  /**
   * Signs in inside a popup and resolves with the callback result, leaving this page as it is.
   * Call it directly in a click handler: the popup opens before the first `await`, as browsers require.
   * In an app's in-app browser or WebView, where popups never return, it redirects this page with
   * `navigate` instead (the returned promise then never settles: the page is leaving).
   */
  async signInPopup({
    beforeNavigate,
    ...options
  }: PopupSignInOptions = {}): Promise<CallbackResult> {
    if (isEmbeddedBrowser()) {
      const outcome = { leaving: true };
      await this.signIn({
        ...options,
        beforeNavigate: (url) => (outcome.leaving = beforeNavigate?.(url) !== false),
      });
      if (outcome.leaving) return pageLeaving();
      throw new FreedomIdError(
        'popup_closed',
        'beforeNavigate cancelled the sign-in before this page left for the provider.',
      );
    }
    const popup = openSignInPopup();
    try {
      const { url, state } = await this.createRequest(options);
      if (beforeNavigate?.(url) === false) {
        this.discard(state);
        throw new FreedomIdError(
          'popup_closed',
          `beforeNavigate cancelled the sign-in before the popup left for ${this.config.providerName}.`,
        );
      }
      assignPopup(popup, url);
      const href = await waitForPopupCallback(popup, state, this.config.popupTimeoutMs);
      return await completeCallback(this.config, this.store, new URL(href));
    } finally {
      popup.close();
    }
  }

  /**
   * The one call for the redirect page: when `href` (default: this page) is a callback, forwards it to
   * the page that opened this sign-in popup when that page holds its state, else validates it; either
   * way once per callback per page, and the address bar is cleaned. Resolves with the result, or null
   * when `href` is no callback or was forwarded; a second call for the same callback rejects with
   * `state_not_found`.
   */
  completeSignIn(href?: string): Promise<CallbackResult | null> {
    return new Promise((resolve) => {
      const url = this.callbackUrl(href);
      if (url === null) {
        resolve(null);
        return;
      }
      if (wasHandled(url)) {
        throw new FreedomIdError(
          'state_not_found',
          'This page has already handled this callback: a sign-in request is used once. Start the sign-in again.',
        );
      }
      settleCallback(url);
      resolve(this.forward(url) ? null : completeCallback(this.config, this.store, url));
    });
  }

  /**
   * On the redirect page inside a sign-in popup: hands the callback to the page that opened the
   * popup (which validates it and closes the popup) and returns true; returns false on any other page.
   */
  forwardPopupCallback(href: string = currentHref()): boolean {
    const url = this.callbackUrl(href);
    if (url === null || !this.forward(url)) return false;
    settleCallback(url);
    return true;
  }

  /** Whether `href` (default: the current page) is a callback to this client's redirect URI. */
  isCallback(href: string = currentHref()): boolean {
    return this.callbackUrl(href) !== null;
  }

  /**
   * Validates the callback at `href` (default: the current page) and returns its result.
   * When it reads the current page, it also removes the callback parameters from the address bar,
   * whatever the outcome, so a refresh or a shared link cannot replay it.
   */
  handleCallback(href?: string): Promise<CallbackResult> {
    return new Promise((resolve) => {
      // A second handler on a page already cleaned reads the callback it carried, so it is told
      // the request was used (state_not_found), not that the callback had no state.
      const url = parseHref(callbackHref(href));
      if (url === null) {
        throw new FreedomIdError(
          'invalid_argument',
          `handleCallback got "${String(href)}", not an absolute URL: pass location.href.`,
        );
      }
      settleCallback(url);
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

  /** Creates and stores a request, returning its URL and its state. */
  private createRequest(options: SignInOptions = {}): Promise<AuthorizationRequest> {
    return createAuthorizationRequest(this.config, this.store, options);
  }

  /** Discards the stored request for `state` (a sign-in cancelled before it left). */
  private discard(state: string): void {
    this.store.take(state, () => undefined);
  }

  /** The callback at `href` (default: this page, or the callback it carried) when it is one to this client's redirect URI, else null. */
  private callbackUrl(href: string | undefined): URL | null {
    const url = parseHref(callbackHref(href));
    const redirect = new URL(this.config.redirectUri);
    return url !== null &&
      url.origin === redirect.origin &&
      url.pathname === redirect.pathname &&
      hasCallbackParams(url)
      ? url
      : null;
  }

  /** Posts the callback to this popup's opener when the opener holds its state; throws `opener_lost` in a popup cut off from it. */
  private forward(url: URL): boolean {
    const state = url.searchParams.get('state');
    return state !== null && postToOpener(url.href, (opener) => this.holds(opener, state));
  }

  /** Whether `opener` keeps the pending request for `state` (in its sessionStorage, or the shared store). */
  private holds(opener: Window, state: string): boolean {
    const { storage } = this.config;
    try {
      return new RequestStore(storage === 'session' ? opener.sessionStorage : storage).has(state);
    } catch {
      return false;
    }
  }
}

function parseHref(href: string): URL | null {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}
