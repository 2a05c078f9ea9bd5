import type { BrowserEnvironment, CallbackResult, FreedomIdError } from '../index.js';

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

/** The element's events, by name. */
export interface FreedomIdLoginEventMap {
  'freedomid-redirect': CustomEvent<FreedomIdRedirectDetail>;
  'freedomid-callback': CustomEvent<FreedomIdCallbackDetail>;
  'freedomid-session': CustomEvent<FreedomIdSessionDetail>;
  'freedomid-error': CustomEvent<FreedomIdErrorDetail>;
  'freedomid-in-app-browser': CustomEvent<FreedomIdInAppBrowserDetail>;
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
