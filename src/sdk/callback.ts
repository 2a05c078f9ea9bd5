import { SigninState } from 'oidc-client-ts';
import type { StoredRequestData } from './authorize.js';
import { readCallbackParams, type CallbackParams } from './callback-params.js';
import type { ResolvedConfig } from './config.js';
import { FreedomIdError } from './errors.js';
import type { RequestStore } from './request-store.js';

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

const STATE_NOT_FOUND_CAUSES =
  'Usual causes: the back button or a refresh after sign-in finished (the request is used up), the callback opened in another tab or on another origin ' +
  '(use storage: "local" to share requests between tabs), site storage cleared, or a link not made by this site. Start the sign-in again.';

/**
 * Validates a callback URL against the stored request, consuming the request, and returns its result.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.12
 * > [!WARNING] A callback is accepted only with a state this browser issued, unexpired and unused; the request is removed before anything else can read it.
 */
export async function completeCallback(
  config: ResolvedConfig,
  store: RequestStore,
  url: URL,
): Promise<CallbackResult> {
  const params = readCallbackParams(url);
  const { state } = params;
  const hasError = params.error !== null || params.providerCode !== null;
  if (state === null || state === '') {
    if (hasError) throw providerError(params, false);
    throw new FreedomIdError(
      'state_missing',
      'The callback URL has no "state" parameter, so it cannot be matched to a sign-in this site started. Start the sign-in again.',
    );
  }

  const stored = store.peek(state);
  const request = stored === null ? null : await parseRequest(stored);
  if (request === null) {
    if (hasError) throw providerError(params, false);
    throw new FreedomIdError(
      'state_not_found',
      `No sign-in request matches the callback's state. ${STATE_NOT_FOUND_CAUSES}`,
    );
  }
  if (request.client_id !== config.clientId || request.redirect_uri !== config.redirectUri) {
    throw new FreedomIdError(
      'state_not_found',
      `The callback's state belongs to a sign-in started with another client id or redirect URI (${request.client_id}, ${request.redirect_uri}): ` +
        'handle it with a client configured like the one that started it.',
    );
  }
  // Single use: from here on the request is gone, whatever the outcome.
  if (store.take(state) === null) {
    throw new FreedomIdError(
      'state_not_found',
      `The sign-in request was used by another handler at the same moment. ${STATE_NOT_FOUND_CAUSES}`,
    );
  }

  const ageSeconds = Date.now() / 1000 - request.created;
  if (ageSeconds > config.stateTtlSeconds) {
    throw new FreedomIdError(
      'state_expired',
      `The sign-in request is ${Math.round(ageSeconds)} s old, over the ${config.stateTtlSeconds} s allowed (stateTtlSeconds). Start the sign-in again.`,
    );
  }
  if (params.iss !== null && params.iss !== request.authority) {
    throw new FreedomIdError(
      'issuer_mismatch',
      `The callback names issuer "${params.iss}" but the sign-in was sent to "${request.authority}" (RFC 9207): it may come from another provider. Start the sign-in again.`,
    );
  }
  if (hasError) throw providerError(params, true);
  if (params.code === null || params.code === '') {
    throw new FreedomIdError(
      'code_missing',
      'The callback has a valid state but no "code" (nor "authorization_code"): the provider did not complete the sign-in. Start the sign-in again.',
    );
  }

  const data = (request.data ?? {}) as StoredRequestData;
  const result: CallbackResult = {
    code: params.code,
    state,
    nonce: request.nonce ?? '',
    redirectUri: request.redirect_uri,
  };
  if (request.code_verifier !== undefined) result.codeVerifier = request.code_verifier;
  if (data.appState !== undefined) result.appState = data.appState;
  if (data.returnTo !== undefined) result.returnTo = data.returnTo;
  return result;
}

async function parseRequest(stored: string): Promise<SigninState | null> {
  try {
    return await SigninState.fromStorageString(stored);
  } catch {
    return null;
  }
}

function providerError(params: CallbackParams, verified: boolean): FreedomIdError {
  const error = params.error ?? 'server_error';
  const details = [
    params.providerCode === null ? '' : ` (Freedom ID error_code ${params.providerCode})`,
  ];
  if (params.errorDescription !== null) details.push(`: ${params.errorDescription}`);
  const fields: ConstructorParameters<typeof FreedomIdError>[2] = { error, verified };
  if (params.errorDescription !== null) fields.errorDescription = params.errorDescription;
  const errorUri = httpsUrlOrNull(params.errorUri);
  if (errorUri !== null) fields.errorUri = errorUri;
  if (params.providerCode !== null) fields.providerCode = params.providerCode;
  const advice =
    error === 'access_denied'
      ? 'The user cancelled or refused the sign-in.'
      : 'Freedom ID could not complete the sign-in.';
  return new FreedomIdError(
    'provider_error',
    `${advice} Provider error "${error}"${details.join('')}.${verified ? '' : ' The callback did not carry a state this site issued, so it may not come from Freedom ID.'}`,
    fields,
  );
}

/** Returns `value` when it is an absolute `https:` URL, else null: `error_uri` is shown to users only if it is safe to link. */
function httpsUrlOrNull(value: string | null): string | null {
  if (value === null) return null;
  try {
    return new URL(value).protocol === 'https:' ? value : null;
  } catch {
    return null;
  }
}
