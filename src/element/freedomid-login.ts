import {
  FreedomIdError,
  isFreedomIdError,
  type CallbackResult,
  type FreedomIdClient,
  type Navigate,
} from '../index.js';
import { emit } from './events.js';
import { CHOICES, MAX_WIDTH, MIN_WIDTH, createClient, oneOf } from './options.js';
import { ATTRIBUTES, defineReflectedProperties, propertyName } from './properties.js';
import { renderShadow, renderState, type Rendered } from './render.js';
import { STRINGS, inheritedLocale, type FreedomIdLoginStrings } from './strings.js';
import { VERSION } from './version.js';

/** Callback URLs an element already took on this page: only one element consumes a callback. */
const claimedCallbacks = new Set<string>();

/**
 * A "Sign in with Freedom ID" button that starts the OpenID Connect sign-in (a redirect, or a
 * popup) and, on the redirect page, validates the callback and hands it to the merchant backend.
 *
 * @tagname freedomid-login
 * @summary Sign in with Freedom ID.
 * @attr client-id - The client id Freedom ID support issued (required).
 * @attr redirect-uri - Where Freedom ID sends the user back. Default: this page's origin and path.
 * @attr scope - Space-separated scopes; `openid` is always included.
 * @attr authority - The provider's issuer. Default `https://passport.freedompay.kz`.
 * @attr pkce - Boolean: adds a PKCE S256 challenge; the backend then sends `code_verifier`.
 * @attr storage - `session` (default) or `local`: where the pending request waits for the callback.
 * @attr backend-url - The callback result is POSTed here and `freedomid-session` carries the reply.
 * @attr params-url - `state` and `nonce` come from here (GET, JSON `{ state, nonce }`) instead of the browser.
 * @attr ux-mode - `redirect` (default) or `popup`: sign in inside a popup and stay on this page.
 * @attr locale - `ru`, `kk` or `en`. Default: the nearest `lang`, then `navigator.language`, then `ru`.
 * @attr theme - `filled` (default), `outline` or `dark`.
 * @attr size - `medium` (default, 40px), `small` (32px) or `large` (48px).
 * @attr shape - `rectangular` (default), `pill`, `circle` or `square`.
 * @attr text - `signin` (default), `signup` or `continue`.
 * @attr type - `standard` (default) or `icon` (the mark only; the full text stays the accessible name).
 * @attr logo-alignment - `left` (default) or `center`.
 * @attr width - Width in px of a standard button, clamped to 200–400. Default: as wide as its text.
 * @attr disabled - Boolean: renders the button disabled.
 * @slot logo - Replaces the built-in mark (e.g. with the official logo as an `<img alt="">`).
 * @csspart button - The native `<button>`.
 * @csspart logo - The box holding the mark or the busy spinner.
 * @csspart label - The text; visually hidden (still announced) when `type="icon"`.
 * @cssproperty --freedomid-login-background - Background colour.
 * @cssproperty --freedomid-login-color - Text colour.
 * @cssproperty --freedomid-login-border - Border shorthand, e.g. `1px solid #747775`.
 * @cssproperty --freedomid-login-radius - Corner radius (overrides `shape`).
 * @cssproperty --freedomid-login-font - Font family.
 * @cssproperty --freedomid-login-font-size - Font size (overrides `size`).
 * @cssproperty --freedomid-login-font-weight - Font weight (500).
 * @cssproperty --freedomid-login-height - Height (overrides `size`).
 * @cssproperty --freedomid-login-padding - Inline padding.
 * @cssproperty --freedomid-login-gap - Space between the mark and the text.
 * @cssproperty --freedomid-login-logo-size - Width and height of the mark.
 * @cssproperty --freedomid-login-focus-ring - Colour of the keyboard focus ring.
 * @event freedomid-redirect - Cancelable; `detail.url` is the authorization URL. Cancel it to stay on the page.
 * @event freedomid-callback - `detail` is the SDK's `CallbackResult`.
 * @event freedomid-session - `detail.response` is the backend's JSON reply (only with `backend-url`).
 * @event freedomid-error - `detail` is `FreedomIdError.toJSON()`: `code`, `message`, and the error's fields.
 */
export class FreedomIdLogin extends HTMLElement {
  /** This build's version. */
  static readonly version: string = VERSION;
  static readonly observedAttributes: readonly string[] = ATTRIBUTES;

  // Accessors over the attributes, defined by defineReflectedProperties below.
  /** The client id Freedom ID support issued (required); `''` when unset. */
  declare clientId: string;
  /** Where Freedom ID sends the user back. Default: this page's origin and path. */
  declare redirectUri: string | undefined;
  /** Space-separated scopes; `openid` is always included. */
  declare scope: string | undefined;
  /** The provider's issuer. Default `https://passport.freedompay.kz`. */
  declare authority: string | undefined;
  /** Adds a PKCE S256 challenge; the backend then sends `code_verifier`. */
  declare pkce: boolean;
  /** `session` (default) or `local`: where the pending request waits for the callback. */
  declare storage: string | undefined;
  /** When set, the callback result is POSTed here and `freedomid-session` carries the reply. */
  declare backendUrl: string | undefined;
  /** When set, each sign-in GETs `{ state, nonce }` from here instead of making them in the browser. */
  declare paramsUrl: string | undefined;
  /** `redirect` (default) or `popup`. */
  declare uxMode: string | undefined;
  /** `ru`, `kk` or `en`. Default: the nearest `lang`, then `navigator.language`, then `ru`. */
  declare locale: string | undefined;
  /** `filled` (default), `outline` or `dark`. */
  declare theme: string | undefined;
  /** `medium` (default, 40px), `small` (32px) or `large` (48px). */
  declare size: string | undefined;
  /** `rectangular` (default), `pill`, `circle` or `square`. */
  declare shape: string | undefined;
  /** `signin` (default), `signup` or `continue`. */
  declare text: string | undefined;
  /** `standard` (default) or `icon` (the mark only; the full text stays the accessible name). */
  declare type: string | undefined;
  /** `left` (default) or `center`: where the mark sits when the button is wider than its content. */
  declare logoAlignment: string | undefined;
  /** Width in px of a standard button, clamped to 200–400. Default: as wide as its text. */
  declare width: number | undefined;
  /** Renders the button disabled. */
  declare disabled: boolean;

  private readonly rendered: Rendered;
  private client: FreedomIdClient | null = null;
  private customStrings: Partial<FreedomIdLoginStrings> | undefined;
  private customNavigate: Navigate | undefined;
  private busy = false;
  /** The client must be rebuilt (and the configuration checked) at the next update. */
  private stale = true;
  private scheduled = false;

  constructor() {
    super();
    this.rendered = renderShadow(this);
  }

  /** Replaces any of the built-in labels, e.g. `{ signin: 'Log in with Freedom ID' }`; shown as text only. */
  get strings(): Partial<FreedomIdLoginStrings> | undefined {
    return this.customStrings;
  }
  set strings(value: Partial<FreedomIdLoginStrings> | undefined) {
    this.customStrings = value;
    this.requestUpdate(false);
  }

  /** Performs the redirect (default `location.assign`); replace it to capture the URL. Not used with `ux-mode="popup"`. */
  get navigate(): Navigate | undefined {
    return this.customNavigate;
  }
  set navigate(value: Navigate | undefined) {
    this.customNavigate = value;
    this.requestUpdate(true);
  }

  connectedCallback(): void {
    this.upgradeProperties();
    window.addEventListener('pageshow', this.onPageShow);
    this.rendered.button.addEventListener('click', this.onClick);
    this.requestUpdate(false);
    if (document.readyState === 'loading') {
      // Wait for the page's own scripts, so their event listeners hear the callback's events.
      document.addEventListener('DOMContentLoaded', this.handleCallbackSoon, { once: true });
    } else {
      this.handleCallbackSoon();
    }
  }

  disconnectedCallback(): void {
    window.removeEventListener('pageshow', this.onPageShow);
    this.rendered.button.removeEventListener('click', this.onClick);
    document.removeEventListener('DOMContentLoaded', this.handleCallbackSoon);
  }

  attributeChangedCallback(name: string, previous: string | null, value: string | null): void {
    if (previous !== value) this.requestUpdate(name !== 'disabled');
  }

  /** Properties set before the element was defined shadow its accessors: re-set them through the accessors. */
  private upgradeProperties(): void {
    const self = this as unknown as Record<string, unknown>;
    for (const property of [...ATTRIBUTES.map(propertyName), 'strings', 'navigate']) {
      if (!Object.prototype.hasOwnProperty.call(this, property)) continue;
      const value = self[property];
      Reflect.deleteProperty(this, property);
      self[property] = value;
    }
  }

  /** Batches changes: one update per task, after the attributes a script sets together. */
  private requestUpdate(reconfigure: boolean): void {
    if (reconfigure) this.stale = true;
    if (this.scheduled || !this.isConnected) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.update();
    });
  }

  private update(): void {
    this.scheduled = false;
    if (!this.isConnected) return;
    const error = this.stale ? this.configure() : null;
    const { button, label } = this.rendered;
    const locale = oneOf(CHOICES.locale, this.locale) ?? inheritedLocale(this);
    label.textContent = { ...STRINGS[locale], ...this.customStrings }[
      oneOf(CHOICES.text, this.text) ?? 'signin'
    ];
    button.lang = locale;
    const { width } = this;
    button.style.width =
      this.type !== 'icon' && width !== undefined && Number.isFinite(width)
        ? `${String(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)))}px`
        : '';
    this.setBusy(this.busy);
    if (error !== null) {
      console.error(error.message);
      this.report(error);
    }
  }

  /** Builds the client from the current attributes; returns the configuration error, if any. */
  private configure(): FreedomIdError | null {
    this.stale = false;
    try {
      this.client = createClient(
        (name) => this.getAttribute(name) ?? undefined,
        this.customNavigate,
      );
      return null;
    } catch (error) {
      this.client = null;
      return isFreedomIdError(error)
        ? error
        : new FreedomIdError('invalid_config', `<freedomid-login>: ${String(error)}`, {
            cause: error,
          });
    }
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    renderState(this.rendered, busy, this.disabled || this.client === null);
  }

  private readonly onClick = (): void => {
    // A click right after a property or attribute change acts on the new configuration.
    if (this.scheduled) this.update();
    const { client } = this;
    if (this.busy || this.disabled || client === null) return;
    this.setBusy(true);
    void (this.uxMode === 'popup' ? this.popup(client) : this.redirect(client));
  };

  /** Announces the authorization URL, then leaves for it unless a listener cancelled. */
  private async redirect(client: FreedomIdClient): Promise<void> {
    try {
      const url = await client.createAuthorizationUrl();
      if (emit(this, 'freedomid-redirect', { url: url.href }, true)) {
        await client.config.navigate(url);
        return; // The page is leaving: stay busy.
      }
      this.setBusy(false);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Signs in inside a popup; the page cancelling `freedomid-redirect` is not an error. */
  private async popup(client: FreedomIdClient): Promise<void> {
    const outcome = { cancelled: false };
    try {
      // No await before this call: browsers open a popup only inside the click.
      const result = await client.signInPopup({
        beforeNavigate: (url) => {
          outcome.cancelled = !emit(this, 'freedomid-redirect', { url: url.href }, true);
          return !outcome.cancelled;
        },
      });
      await this.handOff(client, result);
      this.setBusy(false);
    } catch (error) {
      if (outcome.cancelled) this.setBusy(false);
      else this.fail(error);
    }
  }

  /** Dispatches the result, and with `backend-url` POSTs it and dispatches the backend's reply. */
  private async handOff(client: FreedomIdClient, result: CallbackResult): Promise<void> {
    emit(this, 'freedomid-callback', result);
    const { backendUrl } = this;
    if (backendUrl !== undefined) {
      emit(this, 'freedomid-session', { response: await client.sendToBackend(result, backendUrl) });
    }
  }

  private readonly handleCallbackSoon = (): void => {
    // After the update queued on connection, so the client reflects every attribute.
    queueMicrotask(() => {
      void this.handleCallback();
    });
  };

  /**
   * On the redirect page: inside a sign-in popup, forwards the callback to the opener (which
   * validates it and closes the popup); otherwise validates it and hands it on. One element per callback.
   */
  private async handleCallback(): Promise<void> {
    const { client } = this;
    const href = location.href;
    if (!this.isConnected || client === null || claimedCallbacks.has(href)) return;
    if (!client.isCallback(href)) return;
    claimedCallbacks.add(href);
    this.setBusy(true);
    try {
      if (!client.forwardPopupCallback(href)) {
        await this.handOff(client, await client.handleCallback());
      }
      this.setBusy(false);
    } catch (error) {
      this.fail(error);
    }
  }

  private readonly onPageShow = (event: PageTransitionEvent): void => {
    // Back/forward cache: the page is shown again as it was left, busy; let the user retry.
    if (event.persisted) this.setBusy(false);
  };

  /** Makes the button ready again, then reports `error`. */
  private fail(error: unknown): void {
    this.setBusy(false);
    this.report(error);
  }

  private report(error: unknown): void {
    if (isFreedomIdError(error)) {
      emit(this, 'freedomid-error', error.toJSON());
    } else {
      console.error(error);
    }
  }
}

defineReflectedProperties(FreedomIdLogin.prototype);
