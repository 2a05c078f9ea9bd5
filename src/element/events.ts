import type {
  BrowserEnvironment,
  CallbackResult,
  FreedomIdError,
  FreedomIdSession,
} from '../index.js';

/** `freedomid-redirect`: about to leave for Freedom ID; cancel it to stay (e.g. to open a popup yourself). */
export interface FreedomIdRedirectDetail {
  /** The authorization URL, as a string. */
  url: string;
}

/** `freedomid-callback`: the callback was valid; exactly the SDK's {@link CallbackResult}. */
export type FreedomIdCallbackDetail = CallbackResult;

/** `freedomid-session`: the merchant backend accepted the callback result. */
export interface FreedomIdSessionDetail {
  /** The backend's JSON reply. */
  response: unknown;
}

/** `freedomid-error`: what went wrong, as {@link FreedomIdError.toJSON}. */
export type FreedomIdErrorDetail = ReturnType<FreedomIdError['toJSON']>;

/** `freedomid-in-app-browser`: the page runs in an app's in-app browser or a WebView; the SDK's {@link BrowserEnvironment}. */
export type FreedomIdInAppBrowserDetail = BrowserEnvironment;

/** `freedomid-signed-in`: with `session-url`, the backend's session was read signed in (on connect, after a sign-in, or told by another page). */
export interface FreedomIdSignedInDetail {
  /** Exactly what `GET {basePath}/session` answered as `session`. */
  session: FreedomIdSession;
}

/** `freedomid-signed-out`: with `session-url`, the session was read signed out, or ended (here or in another page). */
export interface FreedomIdSignedOutDetail {
  /** After this element's sign-out, the provider's logout URL when the backend sent one. */
  logoutUrl?: string;
}

/** The element's events, by name. */
export interface FreedomIdLoginEventMap {
  'freedomid-redirect': CustomEvent<FreedomIdRedirectDetail>;
  'freedomid-callback': CustomEvent<FreedomIdCallbackDetail>;
  'freedomid-session': CustomEvent<FreedomIdSessionDetail>;
  'freedomid-error': CustomEvent<FreedomIdErrorDetail>;
  'freedomid-in-app-browser': CustomEvent<FreedomIdInAppBrowserDetail>;
  'freedomid-signed-in': CustomEvent<FreedomIdSignedInDetail>;
  'freedomid-signed-out': CustomEvent<FreedomIdSignedOutDetail>;
}

/** Dispatches a bubbling, composed element event; returns false when a listener cancelled it. */
export function emit<K extends keyof FreedomIdLoginEventMap>(
  target: EventTarget,
  type: K,
  detail: FreedomIdLoginEventMap[K]['detail'],
  cancelable = false,
): boolean {
  return target.dispatchEvent(
    new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }),
  );
}
