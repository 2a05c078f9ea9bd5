export { exchangeCode } from './exchange-code.js';
export { FreedomIdServerError, isFreedomIdServerError } from './errors.js';
export { DEFAULT_ISSUER, DEFAULT_TOKEN_ENDPOINT } from './options.js';
export type { ExchangeCodeResult } from './exchange-code.js';
export type { ExchangeCodeOptions } from './options.js';
export type { FreedomIdServerErrorCode, FreedomIdServerErrorDetails } from './errors.js';
export type { FreedomIdTokens } from './token-request.js';
export type { IdTokenClaims } from './id-token.js';
