import { errorResponse, HANDLER_ERRORS, type HandlerErrorCode } from './handler-errors.js';
import type { ResolvedHandlerOptions } from './handler-options.js';

/** An error reply from the closed set; the exact cause goes to `onError`. */
export function refuse(
  code: HandlerErrorCode,
  allow: string | undefined,
  request: Request,
  config: ResolvedHandlerOptions,
  headers: Headers = new Headers(),
  cause?: unknown,
): Response {
  if (allow !== undefined) headers.set('allow', allow);
  // The registered origins are no secret: they are in every authorization URL.
  const message = HANDLER_ERRORS[code][1].replace('{origins}', [...config.origins].join(', '));
  const refused = Object.assign(
    new Error(`${request.method} ${new URL(request.url).pathname}: ${message}`),
    { code },
  );
  report(cause ?? refused, request, config);
  return errorResponse(code, headers, message);
}

/** Hands an error to `onError`; the reply, and its cookie-clearing headers, must not depend on the merchant's logger. */
export function report(error: unknown, request: Request, config: ResolvedHandlerOptions): void {
  try {
    // An async onError's rejection is caught too: typed as returning void, it may still return a promise.
    const returned = config.onError(error, request);
    if (returned instanceof Promise) returned.catch(onErrorFailed);
  } catch (failure) {
    onErrorFailed(failure);
  }
}

function onErrorFailed(error: unknown): void {
  console.error('freedomid-web handler: onError threw', error);
}

/** The merchant's own reply with the cookie-clearing headers added (its headers may be immutable). */
export function withCookies(response: Response, headers: Headers): Response {
  const merged = new Headers(response.headers);
  for (const cookie of headers.getSetCookie()) merged.append('set-cookie', cookie);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: merged,
  });
}
