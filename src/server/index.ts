export { exchangeCode } from './exchange-code.js';
export { createFreedomIdHandler } from './handler.js';
export { createLazyFreedomIdHandler } from './lazy-handler.js';
export { toNodeListener } from './node-listener.js';
export { FreedomIdServerError, isFreedomIdServerError } from './errors.js';
export { HANDLER_ERRORS } from './handler-errors.js';
export { FREEDOM_ID_ISSUER } from '../freedom-id.js';
// eslint-disable-next-line @typescript-eslint/no-deprecated -- kept for 0.1.0 users until 1.0.
export { DEFAULT_ISSUER, DEFAULT_TOKEN_ENDPOINT } from './provider-options.js';
export { clearDiscoveryCache } from './discovery.js';
export { createMemorySessionStore } from './memory-session-store.js';
export { createRedisSessionStore } from './redis-session-store.js';
export type { ExchangeCodeResult } from './exchange-code.js';
export type { ExchangeCodeOptions } from './options.js';
export type { ClientAuthMethod, ProviderOptions, TokenRequestFormat } from './provider-options.js';
export type {
  FreedomIdHandler,
  FreedomIdHandlerOptions,
  SignInHandler,
} from './handler-options.js';
export type { HandlerErrorCode } from './handler-errors.js';
export type { NodeListener } from './node-listener.js';
export type { FreedomIdServerErrorCode, FreedomIdServerErrorDetails } from './errors.js';
export type { FreedomIdTokens } from './token-request.js';
export type { IdTokenClaims } from './id-token.js';
export type { FreedomIdSession } from './session-cookie.js';
export type { SessionOptions } from './session-options.js';
export type { SessionIndex, SessionRecord, SessionStore } from './session-store.js';
export type { RedisCommandSender, RedisSessionStoreOptions } from './redis-session-store.js';
