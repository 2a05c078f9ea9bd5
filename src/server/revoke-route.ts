import { socketAddress } from './client-address.js';
import { equalSecrets } from './constant-time.js';
import { jsonResponse } from './handler-errors.js';
import type { ResolvedHandlerOptions } from './handler-options.js';
import { refuse } from './handler-reply.js';
import { isRecord, parseJson, readBounded } from './read-reply.js';
import { inStore } from './session.js';
import type { ResolvedSession } from './session-options.js';

/** The largest revoke body read: Freedom ID's is `{"id": "…"}`. */
const MAX_REVOKE_BYTES = 4096;

/**
 * `POST {basePath}/revoke`: Freedom ID's call to a partner's `revoke_uri` after the user's main
 * session ended, `{"id": "<token id>"}`; ends every session bound to that id and answers `{}`
 * whether or not one was. How Freedom ID authenticates the call is not published: the optional
 * `revokeHeader` and `revokeAllowFrom` are checked first.
 * > [!WARNING] It only ever ends sessions, and answers alike for a known and an unknown id (no oracle).
 */
export async function revokeRoute(
  request: Request,
  settings: ResolvedSession,
  config: ResolvedHandlerOptions,
): Promise<Response> {
  const { store } = settings;
  if (store === undefined) return refuse('store_required', undefined, request, config);
  if (settings.revokeAllowFrom !== undefined) {
    const address = (settings.clientAddress ?? socketAddress)(request);
    if (address === undefined || !settings.revokeAllowFrom.has(address)) {
      return refuse('forbidden_caller', undefined, request, config);
    }
  }
  const expected = settings.revokeHeader;
  if (expected !== undefined) {
    const sent = request.headers.get(expected.name);
    if (sent === null || !equalSecrets(sent, expected.value)) {
      return refuse('forbidden_caller', undefined, request, config);
    }
  }
  const text = await readBounded(request, MAX_REVOKE_BYTES);
  const body = text === undefined ? undefined : parseJson(text);
  const id = isRecord(body) ? body.id : undefined;
  if (!((typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isFinite(id)))) {
    return refuse('invalid_revoke_request', undefined, request, config);
  }
  try {
    await inStore(() => store.deleteBy('tokenId', String(id)));
  } catch (error) {
    return refuse('store_unavailable', undefined, request, config, new Headers(), error);
  }
  return jsonResponse({}, 200, new Headers());
}
