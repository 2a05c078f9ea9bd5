import { FreedomIdServerError } from './errors.js';

/** The most bytes read from any provider reply (token endpoint, discovery) before giving up. */
export const MAX_REPLY_BYTES = 65_536;

/**
 * Reads a reply body as text, refusing one over {@link MAX_REPLY_BYTES} with `invalid_response`
 * whether it announces its length or arrives chunked; `what` names the reply in the message.
 */
export async function readCappedText(response: Response, what: string): Promise<string> {
  const text = await readBounded(response, MAX_REPLY_BYTES);
  if (text === undefined) throw tooLarge(what, response.status);
  return text;
}

/** A request's or reply's body as text, or undefined when it is over `limit` bytes (declared or counted). */
export async function readBounded(
  message: Request | Response,
  limit: number,
): Promise<string | undefined> {
  if (Number(message.headers.get('content-length') ?? '0') > limit) {
    message.body?.cancel().catch(() => undefined);
    return undefined;
  }
  const reader = message.body?.getReader();
  if (reader === undefined) return '';
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > limit) {
      reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function tooLarge(what: string, status: number): FreedomIdServerError {
  return new FreedomIdServerError(
    'invalid_response',
    `${what} sent a reply over ${MAX_REPLY_BYTES} bytes; a genuine one is a few kilobytes: check the URL.`,
    { status },
  );
}

/** Parses a reply body: undefined when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Whether `value` is a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Sends one request to the provider with no redirects and a timeout, and returns its status and
 * body text read with the {@link MAX_REPLY_BYTES} cap; a failed request is `timeout` or `network_error`.
 */
export async function fetchReply(
  url: string,
  init: RequestInit,
  what: string,
  timeoutMs: number,
): Promise<{ status: number; text: string }> {
  try {
    // 'manual', then refused here: Workers (workerd) throw on redirect 'error' before sending anything.
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel();
      throw new FreedomIdServerError(
        'invalid_response',
        `${what} answered with a redirect (HTTP ${response.status}), which is never followed: set the URL that answers itself.`,
        { status: response.status },
      );
    }
    return { status: response.status, text: await readCappedText(response, what) };
  } catch (cause) {
    throw requestFailed(what, timeoutMs, cause);
  }
}

/** Maps a failed `fetch` onto `timeout` or `network_error`, naming `what` could not be reached. */
function requestFailed(what: string, timeoutMs: number, cause: unknown): FreedomIdServerError {
  if (cause instanceof FreedomIdServerError) return cause;
  if (
    cause instanceof DOMException &&
    (cause.name === 'TimeoutError' || cause.name === 'AbortError')
  ) {
    return new FreedomIdServerError(
      'timeout',
      `${what} did not answer within ${timeoutMs} ms: check the network, or raise timeoutMs.`,
      { cause },
    );
  }
  return new FreedomIdServerError(
    'network_error',
    `Could not reach ${what} (${String(cause)}): check the URL, DNS and outbound HTTPS.`,
    { cause },
  );
}
