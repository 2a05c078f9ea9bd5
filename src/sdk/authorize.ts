import { obtainAuthParams } from './auth-params.js';
import type { ResolvedConfig } from './config.js';
import { FreedomIdError, invalidConfig } from './errors.js';
import { createRecord } from './pending-request.js';
import type { RequestStore } from './request-store.js';
import { sameOriginPath } from './return-to.js';

/** What a merchant may attach to one sign-in. */
export interface SignInOptions {
  /** Any JSON value, kept in the browser and handed back by `handleCallback` (never sent to the provider). */
  appState?: unknown;
  /** A same-origin path to go to after sign-in; handed back by `handleCallback`. */
  returnTo?: string;
  /** Extra authorization parameters (e.g. `ui_locales`); they may not override the protocol's own. */
  extraParams?: Record<string, string>;
}

/** What a merchant may attach to a sign-in that leaves for the provider (`signIn`, `signInPopup`). */
export interface NavigatingSignInOptions extends SignInOptions {
  /**
   * Called with the authorization URL before the page (or the popup) goes there; return false to
   * cancel: nothing navigates (a popup closes) and the sign-in resolves {@link SIGN_IN_CANCELLED}.
   */
  beforeNavigate?: (url: URL) => boolean | undefined;
  /**
   * When `beforeNavigate` cancels, keep the stored request, so the page may still go to the URL
   * itself (within `stateTtlSeconds`); by default it is discarded.
   */
  keepRequest?: boolean;
}

/** What a merchant may attach to one popup sign-in. */
export type PopupSignInOptions = NavigatingSignInOptions;

/** What a sign-in resolves to when `beforeNavigate` cancelled it: not an error, nothing navigated. */
export const SIGN_IN_CANCELLED = 'cancelled';

/** The type of {@link SIGN_IN_CANCELLED}. */
export type SignInCancelled = typeof SIGN_IN_CANCELLED;

/** A stored sign-in request: the URL that starts it at the provider, and its state. */
export interface AuthorizationRequest {
  url: URL;
  state: string;
}

/**
 * Creates and stores a sign-in request, and returns the provider's authorization URL for it.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest
 * > [!WARNING] state and nonce are 256 bits from Web Crypto (or checked values from `authParams`); the stored entry is the only proof the callback is ours.
 */
export async function createAuthorizationRequest(
  config: ResolvedConfig,
  store: RequestStore,
  options: SignInOptions = {},
): Promise<AuthorizationRequest> {
  const extraParams = checkExtraParams(options.extraParams);
  const appState = options.appState === undefined ? undefined : checkAppState(options.appState);
  const returnTo = options.returnTo === undefined ? undefined : sameOriginPath(options.returnTo);

  store.sweep(config.stateTtlSeconds);
  const { state, nonce, codeChallenge } = await obtainAuthParams(config.authParams);
  if (store.has(state)) {
    throw invalidConfig(
      'authParams',
      'authParams returned a state already in use: return a new random one for each request.',
    );
  }
  // A challenge made by the backend keeps its verifier there: the browser then holds none.
  const record = await createRecord({
    state,
    nonce,
    pkce: config.pkce && codeChallenge === undefined,
    clientId: config.clientId,
    redirectUri: config.redirectUri,
    authority: config.authority,
    scope: config.scope,
    appState,
    returnTo,
  });
  const challenge = codeChallenge ?? record.code_challenge;
  const url = new URL(config.authorizationEndpoint);
  const params: [string, string][] = [
    ['scope', config.scope],
    ['state', state],
    ['response_type', 'code'],
    ['client_id', config.clientId],
    ['redirect_uri', config.redirectUri],
    ['nonce', nonce],
  ];
  if (challenge !== undefined) {
    params.push(['code_challenge', challenge], ['code_challenge_method', 'S256']);
  }
  for (const [name, value] of [...params, ...extraParams]) url.searchParams.append(name, value);
  store.save(record);
  return { url, state };
}

/** Parameters the SDK sets itself; `extraParams` may not (PKCE's included even when it is off). */
const OWNED_PARAMS = [
  'scope',
  'state',
  'response_type',
  'client_id',
  'redirect_uri',
  'nonce',
  'code_challenge',
  'code_challenge_method',
];

function checkExtraParams(extraParams: unknown = {}): [string, string][] {
  const entries: [string, unknown][] =
    typeof extraParams === 'object' && extraParams !== null
      ? Object.entries(extraParams)
      : [['', extraParams]];
  for (const [name, value] of entries) {
    if (OWNED_PARAMS.includes(name) || typeof value !== 'string') {
      throw new FreedomIdError(
        'invalid_argument',
        `extraParams${name && `.${name}`} is not allowed: pass an object of string values, e.g. { ui_locales: "kk" }, without the SDK's own ${OWNED_PARAMS.join(', ')}.`,
      );
    }
  }
  return entries as [string, string][];
}

function checkAppState(appState: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(appState)) as unknown;
  } catch (cause) {
    throw new FreedomIdError(
      'invalid_argument',
      'appState must be JSON-serializable (no functions, cycles or BigInt).',
      { cause },
    );
  }
}
