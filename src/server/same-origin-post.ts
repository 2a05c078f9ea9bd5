import type { HandlerErrorCode } from './handler-errors.js';
import type { ResolvedHandlerOptions } from './handler-options.js';

/**
 * What a POST from the merchant's page must show, or the refusal: `Content-Type: application/json`
 * (no cross-site form can send it without a CORS preflight) and an `Origin` of a redirect URI.
 * @see https://www.rfc-editor.org/rfc/rfc6454#section-7
 */
export function pagePostRefusal(
  request: Request,
  config: ResolvedHandlerOptions,
): HandlerErrorCode | undefined {
  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') return 'unsupported_media_type';
  const origin = request.headers.get('origin');
  if (origin === null || !config.origins.has(origin)) return 'forbidden_origin';
  return undefined;
}
