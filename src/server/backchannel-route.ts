import { validateLogoutToken, type LogoutTarget } from './backchannel-logout.js';
import { isFreedomIdServerError } from './errors.js';
import { jsonResponse, type HandlerErrorCode } from './handler-errors.js';
import type { ResolvedHandlerOptions } from './handler-options.js';
import { refuse } from './handler-reply.js';
import { readBounded } from './read-reply.js';
import { inStore } from './session.js';
import type { ResolvedSession } from './session-options.js';

/** The largest back-channel logout body read: a form with one JWT. */
const MAX_LOGOUT_TOKEN_BYTES = 16_384;

/**
 * `POST {basePath}/backchannel-logout`: validates the provider's `logout_token`, uses its `jti`
 * once, ends the sessions of its `sid` (else of its `sub`) and answers `{}` whether or not any matched.
 * @see https://openid.net/specs/openid-connect-backchannel-1_0.html#BCRequest
 */
export async function backchannelRoute(
  request: Request,
  settings: ResolvedSession,
  config: ResolvedHandlerOptions,
  mapCode: (error: unknown) => HandlerErrorCode,
): Promise<Response> {
  const { store } = settings;
  if (store === undefined) return refuse('store_required', undefined, request, config);
  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/x-www-form-urlencoded') {
    return refuse('unsupported_media_type', undefined, request, config);
  }
  const text = await readBounded(request, MAX_LOGOUT_TOKEN_BYTES);
  const tokens = text === undefined ? [] : new URLSearchParams(text).getAll('logout_token');
  const [token] = tokens;
  if (tokens.length !== 1 || !token) {
    return refuse('invalid_logout_token', undefined, request, config);
  }
  let target: LogoutTarget;
  try {
    target = await validateLogoutToken(token, config.provider);
  } catch (error) {
    const code =
      isFreedomIdServerError(error) && isTokenFault(error.code)
        ? 'invalid_logout_token'
        : mapCode(error);
    return refuse(code, undefined, request, config, new Headers(), error);
  }
  try {
    const first = await inStore(() =>
      store.useOnce(`jti:${config.provider.issuer} ${target.jti}`, target.expiresAt),
    );
    if (first !== true) return refuse('invalid_logout_token', undefined, request, config);
    const { sid, sub } = target;
    if (sid !== undefined) await inStore(() => store.deleteBy('sid', sid));
    else if (sub !== undefined) await inStore(() => store.deleteBy('sub', sub));
  } catch (error) {
    return refuse('store_unavailable', undefined, request, config, new Headers(), error);
  }
  return jsonResponse({}, 200, new Headers());
}

/** Whether a validation failure is the token's fault (not the provider's keys being unreachable). */
function isTokenFault(code: string): boolean {
  return [
    'invalid_id_token',
    'signature_invalid',
    'token_expired',
    'issuer_mismatch',
    'audience_mismatch',
  ].includes(code);
}
