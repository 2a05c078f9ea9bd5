import { randomBytes } from 'node:crypto';
import {
  createFreedomIdHandler,
  createMemorySessionStore,
  toNodeListener,
  type FreedomIdHandlerOptions,
  type NodeListener,
} from '../../src/server/index.js';

/** Where the demo's backend routes live: `{BASE_PATH}/params`, `/callback`, `/session`, `/logout`, `/revoke`. */
export const BASE_PATH = '/api/freedomid';

/** Where the demo's second backend, for the sandbox's standard shape, lives (its `/backchannel-logout` too). */
export const STANDARD_BASE_PATH = '/api/standard';

/** What the demo merchant's backend knows: its credentials, its pages and how to reach the provider. */
export interface BackendConfig extends Omit<
  FreedomIdHandlerOptions,
  'redirectUri' | 'cookieSecret' | 'basePath' | 'onSignIn' | 'session'
> {
  /** The redirect URIs this merchant registered: the demo pages. */
  redirectUris: readonly string[];
  /** Default: 32 random bytes per run (pending sign-ins do not survive a restart). */
  cookieSecret?: string;
  /** Default {@link BASE_PATH}. */
  basePath?: string;
}

/**
 * The demo merchant's backend: `createFreedomIdHandler` at {@link BASE_PATH}, answering the page
 * `{ name, profile: claims }` once the sign-in is validated and keeping it as the session's `data`
 * in memory, so the provider can end it (`/revoke`, `/backchannel-logout`).
 */
export function createBackend({
  redirectUris,
  cookieSecret,
  basePath = BASE_PATH,
  ...provider
}: BackendConfig): NodeListener {
  return toNodeListener(
    createFreedomIdHandler({
      ...provider,
      redirectUri: redirectUris,
      cookieSecret: cookieSecret ?? randomBytes(32).toString('base64url'),
      basePath,
      session: { store: createMemorySessionStore() },
      // `name` is what <freedomid-login session-url> shows while signed in (as text).
      onSignIn: (claims) => ({ name: claims.name, profile: claims }),
      // One line per refused sign-in: the code and what to change (the stack helps nobody here).
      onError: (error) => {
        console.warn(`demo backend: ${error instanceof Error ? error.message : String(error)}`);
      },
    }),
  );
}
