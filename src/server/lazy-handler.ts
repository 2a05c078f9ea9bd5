import { errorResponse } from './handler-errors.js';
import type { FreedomIdHandler, FreedomIdHandlerOptions } from './handler-options.js';
import { createFreedomIdHandler } from './handler.js';
import { invalid } from './option-checks.js';

/** Where {@link createLazyFreedomIdHandler}'s routes live unless told: `createFreedomIdHandler`'s default. */
const DEFAULT_BASE_PATH = '/api/freedomid';

/**
 * Returns a handler that calls `options()` and creates the real one at its first request, so a
 * module can export it while secrets are not yet set (`next build` without `COOKIE_SECRET`).
 * Until `options()` gives a valid configuration, each request gets the 500 `configuration_error`
 * and the reason goes to `console.error`; the next request tries again.
 * > [!WARNING] Configuration mistakes then show only at run time: check them at start-up where you can.
 */
export function createLazyFreedomIdHandler(
  options: () => FreedomIdHandlerOptions,
  { basePath = DEFAULT_BASE_PATH }: { basePath?: string } = {},
): FreedomIdHandler {
  let created: FreedomIdHandler | undefined;
  const handler = async (request: Request): Promise<Response> => {
    try {
      created ??= create(options, basePath);
    } catch (error) {
      console.error('freedomid-web: the lazy handler could not be created', error);
      return errorResponse('configuration_error');
    }
    return created(request);
  };
  // A server-side read has no reply to answer with: a configuration that is still invalid throws.
  const getSession: FreedomIdHandler['getSession'] = (request) => {
    created ??= create(options, basePath);
    return created.getSession(request);
  };
  return Object.assign(handler, { basePath, getSession });
}

/** The real handler, refused when its `basePath` is not the one adapters were told. */
function create(options: () => FreedomIdHandlerOptions, basePath: string): FreedomIdHandler {
  const handler = createFreedomIdHandler(options());
  if (handler.basePath !== basePath) {
    throw invalid(
      'basePath',
      `The options give basePath "${handler.basePath}" but the lazy handler was created with "${basePath}": pass the same basePath to createLazyFreedomIdHandler's second argument.`,
    );
  }
  return handler;
}
