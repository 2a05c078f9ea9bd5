// The example merchant's backend: createFreedomIdHandler at /api/freedomid, served by node:http.
// In your project: import { createFreedomIdHandler, toNodeListener } from 'freedomid-web/server';
import {
  createFreedomIdHandler,
  type FreedomIdHandler,
  type HandlerErrorCode,
} from '../../src/server/index.js';

/** What the backend knows; in production, from the environment. */
export interface BackendConfig {
  clientId: string;
  /** Issued by Freedom ID support; never in a page. */
  clientSecret: string;
  /** The sign-in page's URL, registered with Freedom ID as its redirect URI. */
  redirectUri: string;
  /** At least 32 bytes, e.g. `openssl rand -base64 32`; encrypts the pending-sign-in cookies. */
  cookieSecret: string;
  /** Leave out in production: the handler's defaults are Freedom ID's. */
  issuer?: string;
  jwksUri?: string;
  timeoutMs?: number;
  /** Where a failed sign-in is logged with its exact cause. Default `console.warn`. */
  log?: (message: string) => void;
}

/** The signed-in user, as the page shows it. */
export interface SignedInUser {
  sub: string;
  name: string | null;
  email: string | null;
}

/** What the page receives: the user, or the handler's error (details stay in the server log). */
export type CallbackReply = { user: SignedInUser } | { error: HandlerErrorCode; message: string };

/**
 * The handler of `GET /api/freedomid/params` and `POST /api/freedomid/callback`: the first binds a
 * sign-in to this browser, the second exchanges its code and answers `{ user }`. A real backend
 * would start its own session for `user.sub` in `onSignIn`.
 */
export function createBackend(config: BackendConfig): FreedomIdHandler {
  const log = config.log ?? console.warn;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return createFreedomIdHandler({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    redirectUri: config.redirectUri,
    cookieSecret: config.cookieSecret,
    ...(config.issuer === undefined ? {} : { issuer: config.issuer }),
    ...(config.jwksUri === undefined ? {} : { jwksUri: config.jwksUri }),
    ...(config.timeoutMs === undefined ? {} : { timeoutMs: config.timeoutMs }),
    onSignIn: (claims): CallbackReply => ({
      user: { sub: claims.sub, name: text(claims.name), email: text(claims.email) },
    }),
    onError: (error) => {
      log(`Freedom ID sign-in failed: ${describe(error)}`);
    },
  });
}

function describe(error: unknown): string {
  return error instanceof Error && 'code' in error
    ? `${String(error.code)}: ${error.message}`
    : String(error);
}
