import {
  SIGN_IN_CANCELLED,
  createAuthorizationRequest,
  type NavigatingSignInOptions,
  type PopupSignInOptions,
  type SignInCancelled,
  type SignInOptions,
} from './authorize.js';
import { sendToBackend, type SendToBackendOptions } from './backend.js';
import { completeCallback, type CallbackResult } from './callback.js';
import { resolveConfig, type FreedomIdConfig, type ResolvedConfig } from './config.js';
import { isEmbeddedBrowser, pageLeaving } from './environment.js';
import { FreedomIdError } from './errors.js';
import { assignPopup, currentHref } from './navigator.js';
import { openSignInPopup, waitForPopupCallback } from './popup.js';
import { preconnect } from './preconnect.js';
import { preparedParams, type PreparedParams } from './prepared-params.js';
import { RequestStore } from './request-store.js';
import { postLogout, readSession, type FreedomIdSession, type SignOutResult } from './session.js';
import { announceSession, watchSession, type SessionChange } from './session-channel.js';
import {
  callbackUrl,
  completeSignIn,
  forwardPopupCallback,
  handleCallback,
} from './return-page.js';

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
  /** Backend-bound values asked for ahead of the click; null without `authParams`/`paramsUrl`. */
  private readonly prepared: PreparedParams | null;
  /** The configuration sign-ins use: its `authParams` takes a prepared set first. */
  private readonly signInConfig: ResolvedConfig;

  /** Checks `config` at once; throws `invalid_config` whose `field` names the option to fix. */
  constructor(config: FreedomIdConfig) {
    this.config = resolveConfig(config);
    this.store = new RequestStore(this.config.storage);
    const { authParams } = this.config;
    this.prepared = authParams === undefined ? null : preparedParams(authParams);
    this.signInConfig =
      this.prepared === null ? this.config : { ...this.config, authParams: this.prepared.take };
  }

  /**
   * Gets the next sign-in ready before the click, when the user shows intent (hover, focus, touch):
   * preconnects to the provider and, with `paramsUrl` (or `authParams`), asks for one set of values,
   * which one sign-in uses if it starts within 30 s. Does nothing with `prepare: false`.
   */
  prepare(): void {
    if (!this.config.prepare) return;
    preconnect(this.config.authorizationEndpoint);
    this.prepared?.prepare();
  }

  /** Stores a new sign-in request and returns the URL that starts it at the provider. */
  async createAuthorizationUrl(options?: SignInOptions): Promise<URL> {
    return (await createAuthorizationRequest(this.signInConfig, this.store, options)).url;
  }

  /**
   * Stores a new sign-in request and navigates to the provider with `navigate`; resolves
   * `'cancelled'` when `beforeNavigate` returned false (nothing navigated), else undefined.
   */
  async signIn({ beforeNavigate, keepRequest, ...options }: NavigatingSignInOptions = {}): Promise<
    SignInCancelled | undefined
  > {
    const { url, state } = await createAuthorizationRequest(this.signInConfig, this.store, options);
    if (beforeNavigate?.(url) === false) return this.cancel(state, keepRequest);
    await this.config.navigate(url);
    return undefined;
  }

  /**
   * Signs in inside a popup and resolves with the callback result, leaving this page as it is; with
   * `beforeNavigate`, resolves `'cancelled'` when it returned false (the popup closes).
   * Call it directly in a click handler: the popup opens before the first `await`, as browsers require.
   * In an app's in-app browser or WebView, where popups never return, it redirects this page with
   * `navigate` instead (the returned promise then never settles: the page is leaving).
   */
  signInPopup(
    options?: PopupSignInOptions & { beforeNavigate?: undefined },
  ): Promise<CallbackResult>;
  signInPopup(options: PopupSignInOptions): Promise<CallbackResult | SignInCancelled>;
  async signInPopup({ beforeNavigate, keepRequest, ...options }: PopupSignInOptions = {}): Promise<
    CallbackResult | SignInCancelled
  > {
    if (isEmbeddedBrowser()) {
      return (await this.signIn({ beforeNavigate, keepRequest, ...options })) ?? pageLeaving();
    }
    const popup = openSignInPopup();
    try {
      const { url, state } = await createAuthorizationRequest(
        this.signInConfig,
        this.store,
        options,
      );
      if (beforeNavigate?.(url) === false) return this.cancel(state, keepRequest);
      assignPopup(popup, url);
      const href = await waitForPopupCallback(popup, state, this.config.popupTimeoutMs);
      return await completeCallback(this.config, this.store, new URL(href));
    } finally {
      this.prepared?.clear();
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
    return this.finishing(completeSignIn(this.config, this.store, href));
  }

  /**
   * On the redirect page inside a sign-in popup: hands the callback to the page that opened the
   * popup (which validates it and closes the popup) and returns true; returns false on any other page.
   */
  forwardPopupCallback(href?: string): boolean {
    return forwardPopupCallback(this.config, href);
  }

  /** Whether `href` (default: the current page) is a callback to this client's redirect URI. */
  isCallback(href?: string): boolean {
    return callbackUrl(this.config, href ?? currentHref()) !== null;
  }

  /**
   * Validates the callback at `href` (default: the current page) and returns its result.
   * When it reads the current page, it also removes the callback parameters from the address bar,
   * whatever the outcome, so a refresh or a shared link cannot replay it.
   */
  handleCallback(href?: string): Promise<CallbackResult> {
    return this.finishing(handleCallback(this.config, this.store, href));
  }

  /**
   * POSTs `result` as JSON to `backendUrl` (default: the configured `backendUrl`) and returns the
   * backend's JSON reply; with neither, rejects with `invalid_argument`.
   */
  async sendToBackend(
    result: CallbackResult,
    backendUrl: string | URL | undefined = this.config.backendUrl,
    options?: SendToBackendOptions,
  ): Promise<unknown> {
    if (backendUrl === undefined) {
      throw new FreedomIdError(
        'invalid_argument',
        'sendToBackend has no URL: pass one, or set backendUrl.',
      );
    }
    const reply = await sendToBackend(result, backendUrl, options);
    const { sessionUrl } = this.config;
    if (sessionUrl !== undefined) announceSession(sessionUrl, 'signed-in');
    return reply;
  }

  /** GETs `sessionUrl` (cookies sent same-origin) and resolves with the session, or null when signed out. */
  async getSession(): Promise<FreedomIdSession | null> {
    return readSession(this.session());
  }

  /**
   * POSTs `{}` to `logout` beside `sessionUrl` (`new URL('logout', sessionUrl)`, the handler's
   * route), which ends the session, then tells this origin's pages (`onSessionChange`).
   */
  async signOut(): Promise<SignOutResult> {
    const url = this.session();
    const result = await postLogout(new URL('logout', url));
    announceSession(url, 'signed-out');
    return result;
  }

  /**
   * Calls `listener` when a sign-in (`sendToBackend`) or `signOut()` for the same `sessionUrl`
   * changes the session in any page of this origin, this one included (BroadcastChannel); returns
   * the function that stops listening.
   */
  onSessionChange(listener: (change: SessionChange) => void): () => void {
    return watchSession(this.session(), listener);
  }

  /** The configured `sessionUrl`, or `invalid_argument` when there is none. */
  private session(): URL {
    const { sessionUrl } = this.config;
    if (sessionUrl === undefined) {
      throw new FreedomIdError(
        'invalid_argument',
        'This needs the session route: set sessionUrl, e.g. /api/freedomid/session.',
      );
    }
    return sessionUrl;
  }

  /** Drops any prepared set once `signIn` settles: none is held across a finished sign-in. */
  private finishing<T>(signIn: Promise<T>): Promise<T> {
    return signIn.finally(() => this.prepared?.clear());
  }

  /** Ends a sign-in `beforeNavigate` cancelled: its stored request is discarded unless `keepRequest`. */
  private cancel(state: string, keepRequest: boolean | undefined): SignInCancelled {
    if (keepRequest !== true) this.store.take(state, () => undefined);
    return SIGN_IN_CANCELLED;
  }
}
