import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { FreedomIdError, isFreedomIdError, type FreedomIdClient, type Navigate } from '../index.js';
import { emit } from './events.js';
import { logo, spinner } from './logo.js';
import { CHOICES, MAX_WIDTH, MIN_WIDTH, createClient, type ChoiceAttribute } from './options.js';
import { STRINGS, inheritedLocale, type FreedomIdLoginStrings, type Locale } from './strings.js';
import { styles } from './styles.js';
import { VERSION } from './version.js';

/** Callback URLs an element already took on this page: only one element consumes a callback. */
const claimedCallbacks = new Set<string>();

/** Properties that change the client; a change rebuilds it and re-checks the configuration. */
const CONFIG_PROPERTIES = [
  'clientId',
  'redirectUri',
  'scope',
  'authority',
  'pkce',
  'storage',
  'backendUrl',
  'navigate',
  'locale',
  'theme',
  'size',
  'shape',
  'text',
  'type',
  'logoAlignment',
  'width',
] as const;

/**
 * A "Sign in with Freedom ID" button that starts the OpenID Connect redirect and, on the redirect
 * page, validates the callback and hands it to the merchant backend.
 *
 * @summary Sign in with Freedom ID.
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
export class FreedomIdLogin extends LitElement {
  /** This build's version. */
  static readonly version: string = VERSION;

  static override styles = styles;
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };
  static override properties = {
    clientId: { attribute: 'client-id' },
    redirectUri: { attribute: 'redirect-uri' },
    scope: {},
    authority: {},
    pkce: { type: Boolean },
    storage: {},
    backendUrl: { attribute: 'backend-url' },
    locale: {},
    theme: {},
    size: {},
    shape: {},
    text: {},
    type: {},
    logoAlignment: { attribute: 'logo-alignment' },
    width: { type: Number },
    disabled: { type: Boolean },
    strings: { attribute: false },
    navigate: { attribute: false },
    busy: { state: true },
    configError: { state: true },
  };

  /** The client id Freedom ID support issued (required). */
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
  /** Replaces any of the built-in labels, e.g. `{ signin: 'Log in with Freedom ID' }`; shown as text only. */
  declare strings: Partial<FreedomIdLoginStrings> | undefined;
  /** Performs the redirect (default `location.assign`); replace it for popups or tests. */
  declare navigate: Navigate | undefined;

  declare private busy: boolean;
  declare private configError: FreedomIdError | null;
  private client: FreedomIdClient | null = null;
  private reportedError: FreedomIdError | null = null;

  constructor() {
    super();
    this.clientId = '';
    this.pkce = false;
    this.disabled = false;
    this.busy = false;
    this.configError = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pageshow', this.onPageShow);
    if (document.readyState === 'loading') {
      // Wait for the page's own scripts, so their event listeners hear the callback's events.
      document.addEventListener('DOMContentLoaded', this.handleCallbackSoon, { once: true });
    } else {
      this.handleCallbackSoon();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this.onPageShow);
    document.removeEventListener('DOMContentLoaded', this.handleCallbackSoon);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.client === null || CONFIG_PROPERTIES.some((name) => changed.has(name))) {
      this.configure();
    }
  }

  protected override updated(): void {
    const error = this.configError;
    if (error !== null && error !== this.reportedError) {
      console.error(error.message);
      this.report(error);
    }
    this.reportedError = error;
  }

  protected override render(): TemplateResult {
    const locale = this.resolvedLocale();
    const label = { ...STRINGS[locale], ...this.strings }[this.choice('text')];
    const type = this.choice('type');
    const classes = [
      'button',
      `theme-${this.choice('theme')}`,
      `size-${this.choice('size')}`,
      `shape-${this.choice('shape')}`,
      `type-${type}`,
      `align-${this.choice('logo-alignment')}`,
    ].join(' ');
    const width =
      type === 'standard' && typeof this.width === 'number' && Number.isFinite(this.width)
        ? { width: `${String(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, this.width)))}px` }
        : {};
    return html`<button
      part="button"
      class=${classes}
      type="button"
      lang=${locale}
      style=${styleMap(width)}
      ?disabled=${this.disabled || this.busy || this.configError !== null}
      aria-busy=${this.busy ? 'true' : nothing}
      @click=${this.onClick}
    >
      <span part="logo" class="logo"
        >${this.busy ? spinner : html`<slot name="logo">${logo}</slot>`}</span
      ><span part="label" class="label">${label}</span>
    </button>`;
  }

  /** Builds the client from the current attributes, keeping the error when they are wrong. */
  private configure(): void {
    try {
      this.client = createClient({
        config: {
          clientId: this.clientId,
          redirectUri: this.redirectUri ?? location.origin + location.pathname,
          ...(this.scope === undefined ? {} : { scope: this.scope }),
          ...(this.authority === undefined ? {} : { authority: this.authority }),
          ...(this.storage === undefined ? {} : { storage: this.storage as 'session' | 'local' }),
          ...(this.navigate === undefined ? {} : { navigate: this.navigate }),
          pkce: this.pkce,
        },
        backendUrl: this.backendUrl,
        choices: {
          locale: this.locale,
          theme: this.theme,
          size: this.size,
          shape: this.shape,
          text: this.text,
          type: this.type,
          'logo-alignment': this.logoAlignment,
        },
        width: this.width,
      });
      this.configError = null;
    } catch (error) {
      this.client = null;
      this.configError = isFreedomIdError(error)
        ? error
        : new FreedomIdError('invalid_config', `<freedomid-login>: ${String(error)}`, {
            cause: error,
          });
    }
  }

  /** The value of an enumerated attribute, or its default when unset or wrong (wrong ones are reported). */
  private choice<A extends Exclude<ChoiceAttribute, 'locale' | 'storage'>>(
    attribute: A,
  ): (typeof CHOICES)[A][number] {
    const values: Record<Exclude<ChoiceAttribute, 'locale' | 'storage'>, string | undefined> = {
      theme: this.theme,
      size: this.size,
      shape: this.shape,
      text: this.text,
      type: this.type,
      'logo-alignment': this.logoAlignment,
    };
    const allowed: readonly string[] = CHOICES[attribute];
    const value = values[attribute];
    return (
      value !== undefined && allowed.includes(value) ? value : allowed[0]
    ) as (typeof CHOICES)[A][number];
  }

  private resolvedLocale(): Locale {
    const { locale } = this;
    return locale === 'ru' || locale === 'kk' || locale === 'en' ? locale : inheritedLocale(this);
  }

  private readonly onClick = (): void => {
    void this.signIn();
  };

  /** Starts the sign-in once: announces the URL, then navigates unless a listener cancelled. */
  private async signIn(): Promise<void> {
    const { client } = this;
    if (this.busy || this.disabled || client === null) return;
    this.busy = true;
    try {
      const url = await client.createAuthorizationUrl();
      if (!emit(this, 'freedomid-redirect', { url: url.href }, true)) {
        this.busy = false;
        return;
      }
      await client.config.navigate(url);
    } catch (error) {
      this.busy = false;
      this.report(error);
    }
  }

  private readonly handleCallbackSoon = (): void => {
    void this.updateComplete.then(() => this.handleCallback());
  };

  /** On the redirect page, validates the callback and hands it on; one element per callback. */
  private async handleCallback(): Promise<void> {
    const { client } = this;
    const href = location.href;
    if (!this.isConnected || client === null || claimedCallbacks.has(href)) return;
    if (!client.isCallback(href)) return;
    claimedCallbacks.add(href);
    this.busy = true;
    try {
      const result = await client.handleCallback();
      emit(this, 'freedomid-callback', result);
      if (this.backendUrl !== undefined) {
        const response = await client.sendToBackend(result, this.backendUrl);
        emit(this, 'freedomid-session', { response });
      }
    } catch (error) {
      this.report(error);
    } finally {
      this.busy = false;
    }
  }

  private readonly onPageShow = (event: PageTransitionEvent): void => {
    // Back/forward cache: the page is shown again as it was left, busy; let the user retry.
    if (event.persisted) this.busy = false;
  };

  private report(error: unknown): void {
    if (isFreedomIdError(error)) {
      emit(this, 'freedomid-error', error.toJSON());
    } else {
      console.error(error);
    }
  }
}
