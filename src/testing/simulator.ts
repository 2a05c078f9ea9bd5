import {
  parseAuthorizationRequest,
  refusalReasons,
  type AuthorizationRequest,
} from './authorization-request.js';
import { mintCode } from './code.js';
import { CALLBACK_ERROR_CODE, FREEDOM_ID_ISSUER, trimIssuer } from './freedom-id.js';
import type { TestUser } from './users.js';

/**
 * How the simulated sign-in ends:
 * - `success`: the user signed in and consented: `?code=…&state=…`;
 * - `denied`: the user cancelled: `?error=access_denied&error_description=…&state=…`;
 * - `error_code`: Freedom ID's own error form, as its docs show it: `?error_code=100102`;
 * - `tampered_state`: a valid code with an altered `state`, as a forged or injected callback has.
 */
export type SignInOutcome = 'success' | 'denied' | 'error_code' | 'tampered_state';

/** What the callback URL carries. */
export interface CallbackOptions {
  /** Default `'success'`. */
  outcome?: SignInOutcome;
  /** Who signs in (`success`, `tampered_state`): a test user, or a seeded login or `sub`. Default `'aigerim'`. */
  user?: TestUser | string;
  /** The `error_code` of the `error_code` outcome. Default 100102. */
  errorCode?: number | string;
  /** Adds `iss` (RFC 9207) with the issuer. Default false: Freedom ID does not document it. */
  iss?: boolean;
  /** The code's parameter name; `authorization_code` is Freedom ID's older OAuth flow. Default `'code'`. */
  codeParam?: 'code' | 'authorization_code';
}

/** Options of {@link simulateSignIn}. */
export interface SimulateSignInOptions {
  /** The issuer the sign-in must go to (its `/openid`). Default `https://passport.freedompay.kz`. */
  issuer?: string;
  /** How long {@link SignInFlow.redirected} waits for a redirect, in ms. Default 5000. */
  timeoutMs?: number;
}

/** The `error_description` of a denial: the sandbox's (oidc-provider's) wording. */
export const DENIED_DESCRIPTION = 'End-User aborted interaction';

/**
 * One simulated trip to Freedom ID: captures the authorization URL your page produces (instead
 * of leaving the page), then gives the URL Freedom ID would send the user back to.
 *
 * @example
 * const flow = simulateSignIn();
 * const client = new FreedomIdClient({ clientId, redirectUri, navigate: flow.navigate });
 * await client.signIn();
 * const result = await client.handleCallback(flow.callbackUrl({ user: 'aigerim' }));
 */
export function simulateSignIn(options: SimulateSignInOptions = {}): SignInFlow {
  return new SignInFlow(options);
}

/** The flow {@link simulateSignIn} returns. */
export class SignInFlow {
  private readonly urls: URL[] = [];
  private readonly issuer: string;
  private readonly timeoutMs: number;
  private readonly waiters: ((url: URL) => void)[] = [];

  constructor({ issuer = FREEDOM_ID_ISSUER, timeoutMs = 5000 }: SimulateSignInOptions = {}) {
    this.issuer = trimIssuer(issuer);
    this.timeoutMs = timeoutMs;
  }

  /** Every authorization URL captured, oldest first (a live list). */
  get captured(): readonly URL[] {
    return this.urls;
  }

  /** A `navigate` for the SDK (`new FreedomIdClient({ navigate })`) or the element (`el.navigate`): captures, stays. */
  readonly navigate = (url: URL | string): void => {
    this.capture(url);
  };

  /** Records `url` as the sign-in's authorization URL (e.g. one your own code or a browser driver saw). */
  capture(url: URL | string): AuthorizationRequest {
    const parsed = new URL(url);
    this.urls.push(parsed);
    for (const resolve of this.waiters.splice(0)) resolve(parsed);
    return parseAuthorizationRequest(parsed);
  }

  /**
   * Captures the `freedomid-redirect` events that reach `target` (default `document`) and
   * cancels them, so `<freedomid-login>` stays on the page. Returns a function that stops.
   */
  listen(target?: EventTarget): () => void {
    if (target === undefined && typeof document === 'undefined') {
      throw new Error('simulateSignIn: listen() needs a target outside a browser page.');
    }
    const source = target ?? document;
    const listener = (event: Event) => {
      const detail: unknown = event instanceof CustomEvent ? event.detail : undefined;
      const url =
        typeof detail === 'object' && detail !== null
          ? (detail as { url?: unknown }).url
          : undefined;
      if (typeof url !== 'string') return;
      event.preventDefault();
      this.capture(url);
    };
    source.addEventListener('freedomid-redirect', listener);
    return () => {
      source.removeEventListener('freedomid-redirect', listener);
    };
  }

  /** The latest authorization URL; throws when none was captured yet. */
  get authorizationUrl(): URL {
    const latest = this.urls.at(-1);
    if (latest === undefined) {
      throw new Error(
        'simulateSignIn: no sign-in was captured yet. Pass flow.navigate as the navigate of the SDK client or the element, or call flow.listen() before the click, and await flow.redirected().',
      );
    }
    return latest;
  }

  /** The latest authorization URL's parameters. */
  get request(): AuthorizationRequest {
    return parseAuthorizationRequest(this.authorizationUrl);
  }

  /** The latest authorization URL at once if there is one, else the next; rejects after `timeoutMs`. */
  redirected({ timeoutMs = this.timeoutMs }: { timeoutMs?: number } = {}): Promise<URL> {
    const latest = this.urls.at(-1);
    if (latest !== undefined) return Promise.resolve(latest);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`simulateSignIn: no redirect to Freedom ID within ${timeoutMs} ms.`));
      }, timeoutMs);
      const waiter = (url: URL) => {
        clearTimeout(timer);
        resolve(url);
      };
      this.waiters.push(waiter);
    });
  }

  /**
   * The URL Freedom ID would send the user back to for the latest captured sign-in: its
   * `redirect_uri` with the outcome's parameters appended. A `success` code is minted for the
   * request's client, redirect URI, nonce, scope and PKCE challenge, so the kit's token handler
   * redeems it once. Throws when Freedom ID would refuse the request itself.
   */
  callbackUrl({
    outcome = 'success',
    user,
    errorCode = CALLBACK_ERROR_CODE,
    iss = false,
    codeParam = 'code',
  }: CallbackOptions = {}): string {
    const request = this.request;
    const reasons = refusalReasons(request, this.issuer);
    if (reasons.length > 0) {
      throw new Error(
        `simulateSignIn: Freedom ID would refuse this sign-in request, and never come back: ${reasons.join('; ')}.`,
      );
    }
    const issued: Record<string, string> = iss ? { iss: this.issuer } : {};
    switch (outcome) {
      case 'success':
      case 'tampered_state':
        return buildCallbackUrl(request.redirectUri, {
          [codeParam]: mintCode({
            clientId: request.clientId,
            redirectUri: request.redirectUri,
            nonce: request.nonce,
            scope: request.scope,
            ...(user === undefined ? {} : { user }),
            ...(request.codeChallenge === undefined
              ? {}
              : { codeChallenge: request.codeChallenge }),
          }),
          state: outcome === 'success' ? request.state : tamper(request.state),
          ...issued,
        });
      case 'denied':
        return buildCallbackUrl(request.redirectUri, {
          error: 'access_denied',
          error_description: DENIED_DESCRIPTION,
          state: request.state,
          ...issued,
        });
      case 'error_code':
        return buildCallbackUrl(request.redirectUri, { error_code: String(errorCode) });
      default:
        throw new TypeError(`simulateSignIn: unknown outcome "${String(outcome)}".`);
    }
  }

  /**
   * In a browser test: puts {@link callbackUrl} in the address bar (`history.replaceState`), as
   * if Freedom ID had just redirected the user there; then run your redirect page's code (mount
   * the element, call `handleCallback()`). The redirect URI must be on the test page's origin.
   * Returns the callback URL.
   */
  arrive(options?: CallbackOptions): string {
    if (typeof history === 'undefined' || typeof location === 'undefined') {
      throw new Error('simulateSignIn: arrive() needs a browser page; in Node, use callbackUrl().');
    }
    const href = this.callbackUrl(options);
    if (new URL(href).origin !== location.origin) {
      throw new Error(
        `simulateSignIn: the redirect URI ${this.request.redirectUri} is not on this page's origin (${location.origin}): a test page can only pretend to be a redirect page of its own origin.`,
      );
    }
    history.replaceState(history.state, '', href);
    return href;
  }
}

/**
 * The URL Freedom ID sends the user back to: `redirectUri` with `params` appended to its query
 * (a query it already has is kept).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
 */
export function buildCallbackUrl(redirectUri: string, params: Record<string, string>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) url.searchParams.append(name, value);
  return url.href;
}

/** `state` with its last character changed: what an altered callback carries. */
function tamper(state: string): string {
  const last = state.at(-1);
  return `${state.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`;
}
