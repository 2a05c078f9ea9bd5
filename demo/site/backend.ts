import { randomBytes } from 'node:crypto';
import {
  createFreedomIdHandler,
  toNodeListener,
  type FreedomIdHandlerOptions,
  type NodeListener,
} from '../../src/server/index.js';

/** Where the demo's backend routes live: `{BASE_PATH}/params` and `{BASE_PATH}/callback`. */
export const BASE_PATH = '/api/freedomid';

/** What the demo merchant's backend knows: its credentials, its pages and how to reach the provider. */
export interface BackendConfig extends Omit<
  FreedomIdHandlerOptions,
  'redirectUri' | 'cookieSecret' | 'basePath' | 'onSignIn'
> {
  /** The redirect URIs this merchant registered: the demo pages. */
  redirectUris: readonly string[];
  /** Default: 32 random bytes per run (pending sign-ins do not survive a restart). */
  cookieSecret?: string;
}

/**
 * The demo merchant's backend: `createFreedomIdHandler` at {@link BASE_PATH}, answering the page
 * `{ profile: claims }` once the sign-in is validated (a real backend starts its session there).
 */
export function createBackend({
  redirectUris,
  cookieSecret,
  ...provider
}: BackendConfig): NodeListener {
  return toNodeListener(
    createFreedomIdHandler({
      ...provider,
      redirectUri: redirectUris,
      cookieSecret: cookieSecret ?? randomBytes(32).toString('base64url'),
      basePath: BASE_PATH,
      onSignIn: (claims) => ({ profile: claims }),
      // One line per refused sign-in: the code and what to change (the stack helps nobody here).
      onError: (error) => {
        console.warn(`demo backend: ${error instanceof Error ? error.message : String(error)}`);
      },
    }),
  );
}
