import { SigninResponse } from 'oidc-client-ts';
import { readCallbackParams, responseQuery, type CallbackParams } from './callback-params.js';
import type { ResolvedConfig } from './config.js';
import { compact } from './compact.js';
import { FreedomIdError } from './errors.js';
import { checkOwner, readRecord } from './pending-request.js';
import { isFresh, nowSeconds, type RequestStore } from './request-store.js';

/** What a successful callback hands over: everything the merchant backend needs to exchange the code. */
export interface CallbackResult {
  /** The authorization code, for the backend to exchange (never in the browser). */
  code: string;
  /** The request's state, as issued by this browser. */
  state: string;
  /** The nonce the id_token's `nonce` claim must equal. */
  nonce: string;
  /** The PKCE verifier, when `pkce` is on and the browser made it (a backend-made challenge leaves none here). */
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
 * > [!WARNING] A callback is accepted only with a state this browser issued, unexpired and unused: our strict parse and an exact match take the request (synchronously, before any `await`) before oidc-client-ts's `SigninResponse` sees the callback.
 */
export async function completeCallback(
  config: ResolvedConfig,
  store: RequestStore,
  url: URL,
): Promise<CallbackResult> {
  const { providerName } = config;
  const params = readCallbackParams(url, providerName);
  const { state } = params;
  const stored = state
    ? store.take(state, (entry) => {
        checkOwner(entry, config.clientId, config.redirectUri);
      })
    : null;
  const response = new SigninResponse(responseQuery(url, stored === null ? undefined : state));
  const hasError = response.error !== null || params.providerCode !== undefined;
  if (stored === null || state === undefined) {
    if (hasError) throw providerError(providerName, response, params, false);
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
  // Single use: from here on the request is gone, whatever the outcome.
  const request = await readRecord(stored, state);

  const now = nowSeconds();
  if (!isFresh(request.created, now, config.stateTtlSeconds)) {
    const age = Math.round(now - request.created);
    throw new FreedomIdError(
      'state_expired',
      (age >= 0
        ? `The sign-in request is ${age} s old, over stateTtlSeconds (${config.stateTtlSeconds}).`
        : `The sign-in request is dated ${-age} s in the future, so stateTtlSeconds cannot vouch for it.`) +
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
  if (hasError) throw providerError(providerName, response, params, true);
  const code = response.code ?? params.authorizationCode;
  if (!code) {
    throw new FreedomIdError(
      'code_missing',
      'The callback has a valid state but no "code": the provider did not complete the sign-in.' +
        AGAIN,
    );
  }

  const { nonce, codeVerifier, redirectUri, appState, returnTo } = request;
  return compact({
    code,
    state,
    nonce,
    codeVerifier,
    redirectUri,
    appState,
    returnTo,
  });
}

function providerError(
  providerName: string,
  response: SigninResponse,
  { providerCode }: CallbackParams,
  verified: boolean,
): FreedomIdError {
  const error = response.error ?? 'server_error';
  const errorDescription = response.error_description ?? undefined;
  const errorUri = response.error_uri ?? undefined;
  return new FreedomIdError(
    'provider_error',
    (error === 'access_denied'
      ? 'The user cancelled the sign-in'
      : `${providerName} could not complete the sign-in`) +
      ` (error "${error}"${providerCode === undefined ? '' : `, error_code ${providerCode}`}${errorDescription === undefined ? '' : `: ${errorDescription}`}).` +
      (verified
        ? ''
        : ` The callback carried no state this site issued, so it may not come from ${providerName}.`),
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
