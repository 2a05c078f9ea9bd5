import type { CallbackResult } from './callback.js';
import { FreedomIdError } from './errors.js';

/** Options for {@link sendToBackend}. */
export interface SendToBackendOptions {
  /** Milliseconds before the request is aborted with `timeout`. Default 15000. */
  timeoutMs?: number;
  /** Extra request headers, e.g. a CSRF token. */
  headers?: Record<string, string>;
}

/** The JSON body the merchant backend receives. */
export interface BackendPayload {
  code: string;
  state: string;
  nonce: string;
  codeVerifier?: string;
  redirectUri: string;
}

/**
 * POSTs the callback result to the merchant backend as JSON and returns its parsed JSON reply.
 * > [!WARNING] Only the backend exchanges the code: it holds the client secret, which never reaches the browser.
 */
export async function sendToBackend(
  result: CallbackResult,
  backendUrl: string | URL,
  { timeoutMs = 15000, headers = {} }: SendToBackendOptions = {},
): Promise<unknown> {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new FreedomIdError(
      'invalid_argument',
      'timeoutMs must be a positive number of milliseconds.',
    );
  }
  const payload: BackendPayload = {
    code: result.code,
    state: result.state,
    nonce: result.nonce,
    codeVerifier: result.codeVerifier,
    redirectUri: result.redirectUri,
  };
  const url = String(backendUrl);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(payload),
      credentials: 'same-origin',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    throw failedRequest(url, timeoutMs, cause);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw failedRequest(url, timeoutMs, cause);
  }
  const reply = parseJson(text);
  if (!response.ok || reply === undefined || hasErrorKey(reply)) {
    const why = !response.ok
      ? `answered HTTP ${response.status}`
      : reply === undefined
        ? 'answered with a body that is not JSON'
        : 'answered with an "error" in its reply';
    throw new FreedomIdError(
      'backend_error',
      `The backend at ${url} ${why}: check its logs; the sign-in was not completed.`,
      {
        status: response.status,
        response: reply ?? text,
      },
    );
  }
  return reply;
}

function failedRequest(url: string, timeoutMs: number, cause: unknown): FreedomIdError {
  if (
    cause instanceof DOMException &&
    (cause.name === 'TimeoutError' || cause.name === 'AbortError')
  ) {
    return new FreedomIdError(
      'timeout',
      `The backend at ${url} did not answer within ${timeoutMs} ms: check that it is running, or raise timeoutMs.`,
      {
        cause,
      },
    );
  }
  return new FreedomIdError(
    'network_error',
    `Could not reach the backend at ${url} (${String(cause)}): check the URL, the network and CORS.`,
    {
      cause,
    },
  );
}

/** Parses a reply body: null for an empty one, undefined when it is not JSON. */
function parseJson(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Whether a reply carries an `error` key, as Freedom ID-style errors do even with HTTP 200. */
function hasErrorKey(reply: unknown): boolean {
  return typeof reply === 'object' && reply !== null && 'error' in reply;
}
