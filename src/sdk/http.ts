import { FreedomIdError } from './errors.js';

/**
 * Sends one request to a merchant endpoint and returns its parsed JSON reply.
 * A non-2xx reply, a body that is not JSON, or a reply with an `error` key (Freedom ID-style
 * errors come with HTTP 200) is a `backend_error`; no answer in time is a `timeout`.
 */
export async function requestJson(
  url: string,
  init: RequestInit,
  timeoutMs: number,
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
    text = await response.text();
  } catch (cause) {
    throw failedRequest(url, timeoutMs, cause);
  }
  const reply = parseJson(text);
  if (!response.ok || reply === undefined || hasErrorKey(reply)) {
    const why = !response.ok
      ? `answered HTTP ${response.status}`
      : reply === undefined
        ? 'answered non-JSON'
        : 'answered with an "error"';
    throw new FreedomIdError('backend_error', `The backend at ${url} ${why}: check its logs.`, {
      status: response.status,
      response: reply ?? text,
    });
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

/** Whether a reply carries an `error` key, as Freedom ID-style errors do even with HTTP 200. */
function hasErrorKey(reply: unknown): boolean {
  return typeof reply === 'object' && reply !== null && 'error' in reply;
}
