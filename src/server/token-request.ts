import type { Endpoints } from './endpoints.js';
import { FreedomIdServerError } from './errors.js';
import type { SignIn } from './options.js';
import { invalid } from './option-checks.js';
import type { ResolvedProvider } from './provider-options.js';
import { fetchReply, isRecord, parseJson } from './read-reply.js';

/** The token endpoint's successful reply, field names as the provider sends them. */
export interface FreedomIdTokens {
  /** Opaque access token. */
  access_token: string;
  /** `Bearer`. */
  token_type: string;
  /** Lifetime of the access token in seconds. */
  expires_in?: number;
  refresh_token?: string;
  /** The JWT whose claims {@link exchangeCode} validates and returns. */
  id_token: string;
}

/**
 * POSTs the code to the token endpoint — Freedom ID's JSON body or RFC 6749's form body, with
 * HTTP Basic or `client_secret_post` — and returns the tokens; an `error` key fails even with
 * HTTP 200, as Freedom ID documents.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 */
export async function requestTokens(
  signIn: SignIn,
  provider: ResolvedProvider,
  { tokenEndpoint }: Endpoints,
): Promise<FreedomIdTokens> {
  const endpoint = tokenEndpoint.href;
  const what = `${provider.providerName}'s token endpoint ${endpoint}`;
  const params: Record<string, string> = {
    code: signIn.code,
    redirect_uri: signIn.redirectUri,
    grant_type: 'authorization_code',
  };
  if (signIn.codeVerifier !== undefined) params.code_verifier = signIn.codeVerifier;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (provider.clientAuth === 'client_secret_post') {
    params.client_id = provider.clientId;
    params.client_secret = provider.clientSecret;
  } else {
    headers.authorization = basicCredentials(provider);
  }
  const json = provider.tokenRequest === 'json';
  headers['content-type'] = json ? 'application/json' : 'application/x-www-form-urlencoded';
  const { status, text } = await fetchReply(
    endpoint,
    {
      method: 'POST',
      headers,
      body: json ? JSON.stringify(params) : new URLSearchParams(params).toString(),
    },
    what,
    provider.timeoutMs,
  );
  const reply = parseJson(text);
  if (isRecord(reply) && 'error' in reply) throw tokenError(endpoint, provider, status, reply);
  if (status < 200 || status > 299) {
    throw new FreedomIdServerError(
      'token_error',
      `${what} answered HTTP ${status}: check tokenEndpoint and that ${provider.providerName} is reachable.`,
      { status, response: reply ?? text },
    );
  }
  if (
    !isRecord(reply) ||
    typeof reply.access_token !== 'string' ||
    typeof reply.id_token !== 'string'
  ) {
    throw new FreedomIdServerError(
      'invalid_response',
      `${what} answered without access_token and id_token: check tokenEndpoint (and that "openid" is in the scope).`,
      { status, response: reply ?? text },
    );
  }
  return reply as unknown as FreedomIdTokens;
}

/**
 * The HTTP Basic header: `client_id:client_secret` form-encoded first for a standard provider
 * (RFC 6749 §2.3.1), as is for Freedom ID's JSON request, whose docs print it unencoded.
 */
function basicCredentials({ clientId, clientSecret, tokenRequest }: ResolvedProvider): string {
  const encode = (value: string) =>
    tokenRequest === 'form' ? new URLSearchParams({ v: value }).toString().slice(2) : value;
  if (tokenRequest === 'json' && clientId.includes(':')) {
    throw invalid(
      'clientId',
      'clientId must not contain ":" (HTTP Basic authentication cannot carry it).',
    );
  }
  const bytes = new TextEncoder().encode(`${encode(clientId)}:${encode(clientSecret)}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/** The `error` reply as a `token_error`, with the provider's own code when there is one. */
function tokenError(
  endpoint: string,
  provider: ResolvedProvider,
  status: number,
  reply: Record<string, unknown>,
): FreedomIdServerError {
  const { error } = reply;
  let providerCode: number | string | undefined;
  let detail: string;
  if (isRecord(error)) {
    // Freedom ID's envelope: {"error": {"message", "code"}} or {"error": {"message", "errors"}}.
    const code = error.code;
    if (typeof code === 'number' || typeof code === 'string') providerCode = code;
    detail = typeof error.message === 'string' ? error.message : JSON.stringify(error);
    if (isRecord(error.errors)) detail += ` ${JSON.stringify(error.errors)}`;
  } else {
    // A standard OAuth error reply (RFC 6749 §5.2).
    if (typeof error === 'string') providerCode = error;
    detail = [error, reply.error_description].filter((part) => typeof part === 'string').join(': ');
  }
  const advice =
    String(providerCode) === '100101' || providerCode === 'invalid_grant'
      ? 'the code is used up, expired, or was issued for another client, redirect URI or PKCE challenge; start the sign-in again'
      : status === 401 || providerCode === 'invalid_client'
        ? 'check clientId, clientSecret and clientAuth'
        : providerCode === 'unsupported_grant_type' || providerCode === 'invalid_request'
          ? 'check tokenRequest ("form" for a standard provider) and clientAuth'
          : 'check the request against the message';
  const fields = {
    status,
    response: reply,
    ...(providerCode === undefined ? {} : { providerCode }),
  };
  return new FreedomIdServerError(
    'token_error',
    `${provider.providerName} refused the code exchange at ${endpoint}${providerCode === undefined ? '' : ` (error ${String(providerCode)})`}: ${detail}. Fix: ${advice}.`,
    fields,
  );
}
