import type { CallbackResult } from './callback.js';
import { requestJson } from './http.js';

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
export function sendToBackend(
  result: CallbackResult,
  backendUrl: string | URL,
  { timeoutMs, headers = {} }: SendToBackendOptions = {},
): Promise<unknown> {
  const payload: BackendPayload = {
    code: result.code,
    state: result.state,
    nonce: result.nonce,
    codeVerifier: result.codeVerifier,
    redirectUri: result.redirectUri,
  };
  return requestJson(
    String(backendUrl),
    {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(payload),
    },
    timeoutMs,
  );
}
