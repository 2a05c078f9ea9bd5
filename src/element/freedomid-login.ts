import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { detectEnvironment, isFreedomIdError } from '../index.js';
import type { FreedomIdClient, FreedomIdError } from '../index.js';
import { LOOK, PROPERTIES, SIGN_IN, type PropertyValue as Value } from './attributes.js';
import { emit } from './events.js';
import { navigationOf, popup, redirect, returnPage } from './flows.js';
import { hintStyles, inAppHint } from './in-app-hint.js';
import { LabelFit } from './label-fit.js';
import { mark, spinner } from './logo.js';
import { PageLifecycle } from './page-lifecycle.js';
import { SessionState } from './session-state.js';
import { signedIn, signedInStyles } from './signed-in.js';
import { checkLook, configure, cssWidth } from './options.js';
import { labelsFor, localeOf } from './strings.js';
import { styles } from './styles.js';
import { VERSION } from './version.js';

/**
 * A "Sign in with Freedom ID" button that starts the OpenID Connect sign-in (a redirect, or a
 * popup) and, on the redirect page, validates the callback and hands it to the merchant backend.
 *
 * Each change is applied in Lit's next update; `await el.updateComplete` to see it rendered.
 *
 * @tagname freedomid-login
 * @summary Sign in with Freedom ID.
 * @slot logo - Replaces the built-in mark (e.g. with the official logo as an `<img alt="">`).
 * @csspart button - The native `<button>`.
 * @csspart logo - The box holding the mark or the busy spinner.
 * @csspart label - The text; visually hidden (still announced) when `type="icon"`.
 * @csspart hint - The note under the button in an in-app browser (see `hide-in-app-hint`).
 * @csspart hint-link - Its Android link that opens the page in the default browser.
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
 * @event freedomid-in-app-browser - `detail` is the SDK's `BrowserEnvironment`, once, when the element first renders inside an app's browser or a WebView.
 * @event freedomid-signed-in - With `session-url`: `detail.session` is the backend's session, when it is first read signed in or another user signs in.
 * @event freedomid-signed-out - With `session-url`: the session was read signed out or ended; `detail.logoutUrl` after this element's sign-out when the backend sent one.
 * @csspart signed-in - With `session-url`, while signed in: the box holding `user` and `sign-out`.
 * @csspart user - Who is signed in; `name` holds the session's `data.name`, as text.
 * @csspart name - The user's name.
 * @csspart sign-out - The native sign-out `<button>`.
 */
export class FreedomIdLogin extends LitElement {
  /** This build's version. */
  static readonly version: string = VERSION;
  static override properties: PropertyDeclarations = { ...PROPERTIES, busy: { state: true } };
  static override styles = [styles, hintStyles, signedInStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The client id Freedom ID support issued (required); `''` when unset. */
  declare clientId: Value<'clientId'>;
  /** Where Freedom ID sends the user back. Default: this page's origin and path. */
  declare redirectUri: Value<'redirectUri'>;
  /** Space-separated scopes; `openid` is always included. */
  declare scope: Value<'scope'>;
  /** The provider's issuer. Default `https://passport.freedompay.kz`. */
  declare authority: Value<'authority'>;
  /** The provider's authorization endpoint. Default: the authority's `/openid` (Freedom ID's). */
  declare authorizationEndpoint: Value<'authorizationEndpoint'>;
  /** Adds a PKCE S256 challenge; the backend then sends `code_verifier`. */
  declare pkce: Value<'pkce'>;
  /** `session` (default) or `local`: where the pending request waits for the callback. */
  declare storage: Value<'storage'>;
  /** When set, the callback result is POSTed here and `freedomid-session` carries the reply. */
  declare backendUrl: Value<'backendUrl'>;
  /** When set, each sign-in GETs `{ state, nonce }` from here instead of making them in the browser. */
  declare paramsUrl: Value<'paramsUrl'>;
  /** When set, the element reads the session here (`GET {basePath}/session`) and, while signed in, shows who and a sign-out button (which POSTs to `logout` beside it). */
  declare sessionUrl: Value<'sessionUrl'>;
  /** `redirect` (default) or `popup`. */
  declare uxMode: Value<'uxMode'>;
  /** `intent` (default): on hover, focus or touch, preconnect and ask `params-url` for the next sign-in's values; `off`: no request before the click. */
  declare prepare: Value<'prepare'>;
  /** Performs the redirect (default `location.assign`); replace it to capture the URL. Not used with `ux-mode="popup"`. */
  declare navigate: Value<'navigate'>;
  /** `ru`, `kk` or `en`. Default: the nearest `lang`, then `navigator.language`, then `ru`. */
  declare locale: Value<'locale'>;
  /** `filled` (default), `outline` or `dark`. */
  declare theme: Value<'theme'>;
  /** `medium` (default, 40px), `small` (32px) or `large` (48px). */
  declare size: Value<'size'>;
  /** `rectangular` (default), `pill`, `circle` or `square`. */
  declare shape: Value<'shape'>;
  /** `signin` (default), `signup` or `continue`. */
  declare text: Value<'text'>;
  /** `standard` (default) or `icon` (the mark only; the full text stays the accessible name). */
  declare type: Value<'type'>;
  /** `left` (default) or `center`: where the mark sits when the button is wider than its content. */
  declare logoAlignment: Value<'logoAlignment'>;
  /** Width in px of a standard button, clamped to 200–400. Default: as wide as its text. */
  declare width: Value<'width'>;
  /** Replaces any of the built-in labels, e.g. `{ signin: 'Log in with Freedom ID' }`; shown as text only. */
  declare strings: Value<'strings'>;
  /** Hides the note shown under the button in an in-app browser (the event still fires). */
  declare hideInAppHint: Value<'hideInAppHint'>;
  /** Renders the button disabled. */
  declare disabled: Value<'disabled'>;
  /** A sign-in, or the hand-off of a callback, is running. */
  declare private busy: boolean;

  /** Where the page runs: a normal browser, an app's in-app browser, or a WebView. */
  private readonly environment = detectEnvironment();
  private client: FreedomIdClient | null = null;
  private lookError: FreedomIdError | null = null;
  /** Configuration errors found in this update, reported once it rendered. */
  private readonly found: FreedomIdError[] = [];
  private readonly session = new SessionState(
    this,
    () => this.client,
    (error) => {
      this.report(error);
    },
  );
  /** What the next update waits for: a click's navigation (see `navigationOf`); null: nothing. */
  private navigating: Promise<void> | null = null;
  private readonly fit = new LabelFit(this, () =>
    this.type === 'icon' ? 1 : labelsFor(this).length,
  );

  constructor() {
    super();
    Object.assign(this, {
      clientId: '',
      pkce: false,
      disabled: false,
      hideInAppHint: false,
      busy: false,
    });
    // Back from the back/forward cache the page is as it was left, busy: let the user retry.
    new PageLifecycle(
      this,
      () => void this.handleCallback(),
      () => (this.busy = false),
    );
    for (const intent of ['pointerenter', 'focusin', 'touchstart']) {
      this.addEventListener(intent, this.onIntent, { passive: true });
    }
  }

  /** Resolves once every change is rendered, the choice of a label that fits included. */
  protected override async getUpdateComplete(): Promise<boolean> {
    for (;;) {
      while (!(await super.getUpdateComplete()));
      const { pending } = this.fit;
      if (pending === null) return true;
      await pending; // the label is measured with every element updated in the same turn
    }
  }

  /** An update a click scheduled renders after the click's navigation call, not before it. */
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- ReactiveElement's own signature.
  protected override scheduleUpdate(): void | Promise<unknown> {
    const { navigating } = this;
    this.navigating = null;
    if (navigating === null) return super.scheduleUpdate();
    return navigating.then(() => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const keys = [...changed.keys()];
    if (!this.hasUpdated || keys.some((key) => key in SIGN_IN)) {
      const client = configure(this);
      this.client = isFreedomIdError(client) ? null : client;
      if (isFreedomIdError(client)) this.found.push(client);
    }
    if (!this.hasUpdated || keys.some((key) => key in LOOK)) {
      this.fit.reset();
      this.lookError = checkLook(this);
      if (this.lookError !== null) this.found.push(this.lookError);
    }
  }

  protected override render(): unknown {
    const { session } = this.session;
    if (session !== null) {
      return signedIn(
        session,
        localeOf(this),
        this.session.busy,
        this.disabled,
        this.strings,
        () => {
          void this.session.signOut();
        },
      );
    }
    const labels = labelsFor(this);
    const label = labels[Math.min(this.fit.index, labels.length - 1)];
    const unusable = this.disabled || this.client === null || this.lookError !== null;
    const hint = this.hideInAppHint ? nothing : inAppHint(this.environment, localeOf(this));
    return html`<button
        part="button"
        type="button"
        lang=${localeOf(this)}
        aria-label=${label === labels[0] ? nothing : labels[0]}
        aria-busy=${this.busy ? 'true' : nothing}
        ?disabled=${this.busy || unusable}
        @click=${this.onClick}
      >
        <span part="logo">${this.busy ? spinner : html`<slot name="logo">${mark}</slot>`}</span
        ><span part="label">${label}</span></button
      >${hint}`;
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    // Through CSSOM, before the label is measured: a strict CSP blocks a style attribute.
    const button = this.renderRoot.querySelector('button');
    if (button !== null) button.style.width = this.type === 'icon' ? '' : cssWidth(this.width);
  }

  protected override firstUpdated(): void {
    if (this.environment.kind !== 'browser')
      emit(this, 'freedomid-in-app-browser', this.environment);
  }

  protected override updated(): void {
    for (const error of this.found.splice(0)) {
      console.error(error.message);
      this.report(error);
    }
  }

  private readonly onClick = (): void => {
    // A click right after a property or attribute change acts on the new configuration.
    if (this.isUpdatePending) this.performUpdate();
    const { client } = this;
    if (this.busy || this.disabled || client === null || this.lookError !== null) return;
    const flow = this.uxMode === 'popup' ? popup(this, client) : redirect(this, client);
    this.navigating = navigationOf(this, flow);
    void this.whileBusy(flow);
  };

  /** The user may be about to click: get the sign-in ready (the SDK skips it with `prepare="off"`). */
  private readonly onIntent = (): void => {
    if (!this.busy && !this.disabled) this.client?.prepare();
  };

  /** On the redirect page, validates the callback (or forwards it to a popup's opener) and hands it on. */
  private async handleCallback(): Promise<void> {
    await this.updateComplete; // The client reflects every attribute.
    const flow = this.isConnected && this.client !== null ? returnPage(this, this.client) : null;
    if (flow !== null) await this.whileBusy(flow);
  }

  /** Busy until `flow` settles (true: the page is leaving, stay busy); reports its error. */
  private async whileBusy(flow: Promise<boolean>): Promise<void> {
    this.busy = true;
    try {
      this.busy = await flow;
    } catch (error) {
      this.busy = false;
      this.report(error);
    }
  }

  private report(error: unknown): void {
    if (isFreedomIdError(error)) emit(this, 'freedomid-error', error.toJSON());
    else console.error(error);
  }
}
