import { readCallbackParams, type CallbackParams } from './callback-params.js';
import type { ResolvedConfig } from './config.js';
import { compact } from './compact.js';
import { FreedomIdError } from './errors.js';
import { nowSeconds, type RequestStore } from './request-store.js';

/** What a successful callback hands over: everything the merchant backend needs to exchange the code. */
export interface CallbackResult {
  /** The authorization code, for the backend to exchange (never in the browser). */
  code: string;
  /** The request's state, as issued by this browser. */
  state: string;
  /** The nonce the id_token's `nonce` claim must equal. */
  nonce: string;
  /** The PKCE verifier, when `pkce` is on. */
  codeVerifier?: string;
  /** The redirect URI of the request; the token exchange must send the same value. */
  redirectUri: string;
  /** The `appState` given to `signIn`, if any. */
  appState?: unknown;
  /** The `returnTo` path given to `signIn`, if any. */
  returnTo?: string;
}

const AGAIN = ' Start the sign-in again.';

/**
 * Validates a callback URL against the stored request, consuming the request, and returns its result.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.12
 * > [!WARNING] A callback is accepted only with a state this browser issued, unexpired and unused; the request is removed before anything else can read it.
 */
export function completeCallback(
  config: ResolvedConfig,
  store: RequestStore,
  url: URL,
): CallbackResult {
  const params = readCallbackParams(url);
  const { state } = params;
  const hasError = params.error !== undefined || params.providerCode !== undefined;
  const request = state ? store.peek(state) : null;
  if (!state || request === null) {
    if (hasError) throw providerError(params, false);
    throw state
      ? new FreedomIdError(
          'state_not_found',
          'No sign-in request matches the callback\'s state. Usual causes: back button or refresh after sign-in (requests are single-use), the callback opened in another tab (use storage: "local") or origin, cleared storage, or a forged link.' +
            AGAIN,
        )
      : new FreedomIdError(
          'state_missing',
          'The callback URL has no "state", so it cannot be matched to a sign-in this site started.' +
            AGAIN,
        );
  }
  if (request.clientId !== config.clientId || request.redirectUri !== config.redirectUri) {
    throw new FreedomIdError(
      'state_not_found',
      `The callback's state belongs to a sign-in of client ${request.clientId} at ${request.redirectUri}: handle it with a client configured the same way.`,
    );
  }
  // Single use: from here on the request is gone, whatever the outcome.
  store.take(state);

  const age = Math.round(nowSeconds() - request.created);
  if (age > config.stateTtlSeconds) {
    throw new FreedomIdError(
      'state_expired',
      `The sign-in request is ${age} s old, over stateTtlSeconds (${config.stateTtlSeconds}).` +
        AGAIN,
    );
  }
  if (params.iss !== undefined && params.iss !== request.authority) {
    throw new FreedomIdError(
      'issuer_mismatch',
      `The callback's issuer "${params.iss}" is not "${request.authority}" (RFC 9207): it may come from another provider.` +
        AGAIN,
    );
  }
  if (hasError) throw providerError(params, true);
  if (!params.code) {
    throw new FreedomIdError(
      'code_missing',
      'The callback has a valid state but no "code": the provider did not complete the sign-in.' +
        AGAIN,
    );
  }

  const { nonce, codeVerifier, redirectUri, appState, returnTo } = request;
  return compact({
    code: params.code,
    state,
    nonce,
    codeVerifier,
    redirectUri,
    appState,
    returnTo,
  });
}

function providerError(params: CallbackParams, verified: boolean): FreedomIdError {
  const { error = 'server_error', errorDescription, errorUri, providerCode } = params;
  return new FreedomIdError(
    'provider_error',
    (error === 'access_denied'
      ? 'The user cancelled the sign-in'
      : 'Freedom ID could not complete the sign-in') +
      ` (error "${error}"${providerCode === undefined ? '' : `, error_code ${providerCode}`}${errorDescription === undefined ? '' : `: ${errorDescription}`}).` +
      (verified
        ? ''
        : ' The callback carried no state this site issued, so it may not come from Freedom ID.'),
    // error_uri is kept only as an https: link: anything else (javascript:, data:) must never reach a page.
    compact({
      error,
      errorDescription,
      errorUri: errorUri?.startsWith('https://') ? errorUri : undefined,
      providerCode,
      verified,
    }),
  );
}
