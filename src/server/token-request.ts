import { FreedomIdServerError } from './errors.js';
import type { ResolvedOptions } from './options.js';

/** The token endpoint's successful reply, field names as Freedom ID sends them. */
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
 * POSTs the code to Freedom ID's token endpoint as JSON with HTTP Basic client authentication
 * and returns the tokens; an `error` key fails even with HTTP 200, as Freedom ID documents.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 */
export async function requestTokens(options: ResolvedOptions): Promise<FreedomIdTokens> {
  const endpoint = options.tokenEndpoint.href;
  const body: Record<string, string> = {
    code: options.code,
    redirect_uri: options.redirectUri,
    grant_type: 'authorization_code',
  };
  if (options.codeVerifier !== undefined) body.code_verifier = options.codeVerifier;
  const credentials = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64');
  let status: number;
  let text: string;
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        authorization: `Basic ${credentials}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify(body),
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    status = response.status;
    text = await response.text();
  } catch (cause) {
    throw requestFailed(endpoint, options.timeoutMs, cause);
  }
  const reply = parseJson(text);
  if (isRecord(reply) && 'error' in reply) throw tokenError(endpoint, status, reply);
  if (status < 200 || status > 299) {
    throw new FreedomIdServerError(
      'token_error',
      `The token endpoint ${endpoint} answered HTTP ${status}: check tokenEndpoint and that Freedom ID is reachable.`,
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
      `The token endpoint ${endpoint} answered without access_token and id_token: check tokenEndpoint (and that "openid" is in the scope).`,
      { status, response: reply ?? text },
    );
  }
  return reply as unknown as FreedomIdTokens;
}

/** The `error` reply as a `token_error`, with Freedom ID's numeric code when there is one. */
function tokenError(
  endpoint: string,
  status: number,
  reply: Record<string, unknown>,
): FreedomIdServerError {
  const { error } = reply;
  let providerCode: number | string | undefined;
  let detail: string;
  if (isRecord(error)) {
    const code = error.code;
    if (typeof code === 'number' || typeof code === 'string') providerCode = code;
    detail = typeof error.message === 'string' ? error.message : JSON.stringify(error);
    if (isRecord(error.errors)) detail += ` ${JSON.stringify(error.errors)}`;
  } else {
    // A standard OAuth error reply (RFC 6749 §5.2).
    detail = [error, reply.error_description].filter((part) => typeof part === 'string').join(': ');
  }
  const advice =
    String(providerCode) === '100101'
      ? 'the code is used up, expired, or was issued for another client or redirect URI; start the sign-in again'
      : status === 401
        ? 'check clientId and clientSecret'
        : 'check the request against the message';
  const fields = {
    status,
    response: reply,
    ...(providerCode === undefined ? {} : { providerCode }),
  };
  return new FreedomIdServerError(
    'token_error',
    `Freedom ID refused the code exchange at ${endpoint}${providerCode === undefined ? '' : ` (error ${String(providerCode)})`}: ${detail}. Fix: ${advice}.`,
    fields,
  );
}

function requestFailed(endpoint: string, timeoutMs: number, cause: unknown): FreedomIdServerError {
  if (
    cause instanceof DOMException &&
    (cause.name === 'TimeoutError' || cause.name === 'AbortError')
  ) {
    return new FreedomIdServerError(
      'timeout',
      `The token endpoint ${endpoint} did not answer within ${timeoutMs} ms: check the network, or raise timeoutMs.`,
      { cause },
    );
  }
  return new FreedomIdServerError(
    'network_error',
    `Could not reach the token endpoint ${endpoint} (${String(cause)}): check tokenEndpoint, DNS and outbound HTTPS.`,
    { cause },
  );
}

/** Parses a reply body: undefined when it is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
