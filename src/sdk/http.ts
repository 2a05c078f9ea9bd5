import { FreedomIdError } from './errors.js';

/** Largest reply the SDK reads from the merchant backend; a params or session reply is far smaller. */
export const MAX_REPLY_BYTES = 65_536;

/** How long the SDK waits for the merchant backend (params, callback hand-off, session), by default. */
export const BACKEND_TIMEOUT_MS = 15_000;

/**
 * Sends one request to a merchant endpoint and returns its parsed JSON reply.
 * A non-2xx reply, a body that is not JSON, or a reply with an `error` key (Freedom ID-style
 * errors come with HTTP 200) is a `backend_error`; a reply over {@link MAX_REPLY_BYTES} is an
 * `invalid_response`; no answer within `timeoutMs` is a `timeout`.
 */
export async function requestJson(
  url: string,
  init: RequestInit,
  timeoutMs = BACKEND_TIMEOUT_MS,
): Promise<unknown> {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new FreedomIdError(
      'invalid_argument',
      'timeoutMs must be a positive number of milliseconds.',
    );
  }
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      ...init,
      credentials: 'same-origin',
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await readCapped(response, url);
  } catch (cause) {
    if (cause instanceof FreedomIdError) throw cause;
    throw failedRequest(url, timeoutMs, cause);
  }
  const reply = parseJson(text);
  if (!response.ok || reply === undefined || hasErrorKey(reply)) {
    const why = !response.ok
      ? `answered HTTP ${response.status}`
      : reply === undefined
        ? 'answered non-JSON'
        : 'answered with an "error"';
    const backendError = textField(reply, 'error', 64);
    const backendMessage = textField(reply, 'message', 300);
    const said = [backendError, backendMessage].filter((part) => part !== undefined).join(': ');
    throw new FreedomIdError(
      'backend_error',
      `The backend at ${url} ${why}${said === '' ? '' : ` (${said})`}: check its logs.`,
      { status: response.status, response: reply ?? text, backendError, backendMessage },
    );
  }
  return reply;
}

/** Reads a reply body as text, refusing it with `invalid_response` once it passes {@link MAX_REPLY_BYTES}, chunked or not. */
async function readCapped(response: Response, url: string): Promise<string> {
  const reader = response.body?.getReader();
  const declared = Number(response.headers.get('content-length')) || 0;
  const decoder = new TextDecoder();
  let text = '';
  let length = 0;
  while (reader && declared <= MAX_REPLY_BYTES && length <= MAX_REPLY_BYTES) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    length += value.byteLength;
    text += decoder.decode(value, { stream: true });
  }
  if (!reader) return '';
  await reader.cancel();
  throw new FreedomIdError(
    'invalid_response',
    `The backend at ${url} sent a reply over ${MAX_REPLY_BYTES} bytes, which the SDK does not read: answer with the small JSON documented.`,
    { status: response.status },
  );
}

function failedRequest(url: string, timeoutMs: number, cause: unknown): FreedomIdError {
  if (
    cause instanceof DOMException &&
    (cause.name === 'TimeoutError' || cause.name === 'AbortError')
  ) {
    return new FreedomIdError(
      'timeout',
      `The backend at ${url} did not answer within ${timeoutMs} ms: check it runs, or raise timeoutMs.`,
      {
        cause,
      },
    );
  }
  return new FreedomIdError(
    'network_error',
    `Could not reach the backend at ${url} (${String(cause)}): check the URL, network and CORS.`,
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

/** A reply's string field `key` (the handler's `{ error, message }`), cut to `max` characters; text, never markup. */
function textField(reply: unknown, key: string, max: number): string | undefined {
  const value =
    typeof reply === 'object' && reply !== null
      ? (reply as Record<string, unknown>)[key]
      : undefined;
  if (typeof value !== 'string' || value === '') return undefined;
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

/** Whether a reply carries an `error` key, as Freedom ID-style errors do even with HTTP 200. */
function hasErrorKey(reply: unknown): boolean {
  return typeof reply === 'object' && reply !== null && 'error' in reply;
}
