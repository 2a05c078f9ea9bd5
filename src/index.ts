export { FreedomIdClient } from './sdk/client.js';
export { FREEDOM_ID_ISSUER } from './freedom-id.js';
export { FreedomIdError, isFreedomIdError } from './sdk/errors.js';
export {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- kept for 0.1.0 users until 1.0.
  DEFAULT_AUTHORITY,
  DEFAULT_PROVIDER_NAME,
  DEFAULT_POPUP_TIMEOUT_MS,
  DEFAULT_STATE_TTL_SECONDS,
} from './sdk/config.js';
export { fetchAuthParams } from './sdk/auth-params.js';
export { SIGN_IN_CANCELLED } from './sdk/authorize.js';
export { POPUP_MESSAGE_TYPE } from './sdk/popup.js';
export { IN_APP_BROWSERS, detectEnvironment, openInBrowserLink } from './sdk/environment.js';
export type { FreedomIdErrorCode, FreedomIdErrorDetails } from './sdk/errors.js';
export type { FreedomIdConfig, ResolvedConfig, Navigate } from './sdk/config.js';
export type {
  NavigatingSignInOptions,
  PopupSignInOptions,
  SignInCancelled,
  SignInOptions,
} from './sdk/authorize.js';
export type { CallbackResult } from './sdk/callback.js';
export type { SendToBackendOptions, BackendPayload } from './sdk/backend.js';
export type { FreedomIdSession, SignOutResult } from './sdk/session.js';
export type { SessionChange } from './sdk/session-channel.js';
export type { StorageLike, StorageOption } from './sdk/request-store.js';
export type { AuthParams, AuthParamsSupplier } from './sdk/auth-params.js';
export type { PopupMessage } from './sdk/popup.js';
export type { BrowserEnvironment, InAppBrowser } from './sdk/environment.js';
