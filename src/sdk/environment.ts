import { FreedomIdError } from './errors.js';
import { currentHref } from './navigator.js';

/** The apps whose in-app browser the SDK knows by name. */
export type InAppBrowser =
  'facebook' | 'messenger' | 'instagram' | 'telegram' | 'whatsapp' | 'tiktok' | 'line' | 'wechat';

/** Where the page runs, as far as its user agent tells. */
export interface BrowserEnvironment {
  /**
   * `in-app`: a known app's built-in browser (`app` names it); `webview`: another app's WebView;
   * `browser`: a browser of its own (Chrome, Safari, Firefox, a Custom Tab, SFSafariViewController).
   */
  readonly kind: 'in-app' | 'webview' | 'browser';
  /** The app, for `kind: 'in-app'`; otherwise null. */
  readonly app: InAppBrowser | null;
  /** The operating system, for the way out: an intent link on Android, copy-the-link on iOS. */
  readonly platform: 'android' | 'ios' | 'other';
}

/**
 * The one table of in-app browsers: the user-agent token each app adds, and (in the comment) where
 * that token was seen in real traffic. Messenger comes before Facebook (both send `FBAN`/`FB_IAB`).
 * Telegram on iOS adds no token (TelegramMessenger/Telegram-iOS#736): it opens links in
 * SFSafariViewController, a browser.
 */
export const IN_APP_BROWSERS: readonly (readonly [app: InAppBrowser, token: RegExp])[] = [
  // Android: f2etw/detect-inapp#1; iOS: ua-parser/uap-core#347
  ['messenger', /\bFB_IAB\/MESSENGER\b|\bFBAN\/MessengerForiOS\b/],
  // allinurl/goaccess#804; developers.facebook.com/docs/sharing/best-practices#crawl
  ['facebook', /\bFB_IAB\/FB4A\b|\bFBAN\/FBIOS\b/],
  // ua-parser/uap-core#268 (Android and iOS)
  ['instagram', /\bInstagram \d/],
  // intoli/user-agents#78; core.telegram.org/bots/webapps#additional-data-in-user-agent
  ['telegram', /\bTelegram-Android\//],
  // faisalman/ua-parser-js#841 (Android `WA4A/`, iOS `[WAiOS/`)
  ['whatsapp', /\bWA4A\/|\bWAiOS\//],
  // nielsbasjes/yauaa#1603 (Android `trill_`, `BytedanceWebview/`); shalanah/inapp-spy#55 (iOS `musical_ly_`)
  ['tiktok', /\bmusical_ly_|\btrill_\d|\bBytedanceWebview\//],
  // WhichBrowser/Parser-PHP#263 (Android `Line/x/IAB`, iOS `Safari Line/x`)
  ['line', /\bLine\/\d/],
  // browscap/browscap#587; f2etw/detect-inapp#1
  ['wechat', /\bMicroMessenger\//],
];

/**
 * Tells a normal browser from an app's WebView by its user agent (default `navigator.userAgent`):
 * a token of {@link IN_APP_BROWSERS} names the app; Android's `; wv)` marks any WebView
 * (developer.chrome.com/docs/multidevice/user-agent); on iOS a WebKit without `Safari/` is a WKWebView.
 */
export function detectEnvironment(userAgent: string = navigator.userAgent): BrowserEnvironment {
  const platform = /\bAndroid\b/.test(userAgent)
    ? 'android'
    : /\b(iPhone|iPad|iPod)\b/.test(userAgent)
      ? 'ios'
      : 'other';
  const known = IN_APP_BROWSERS.find(([, token]) => token.test(userAgent));
  if (known !== undefined) return { kind: 'in-app', app: known[0], platform };
  const webview =
    platform === 'android'
      ? /; wv\)/.test(userAgent)
      : platform === 'ios' && /AppleWebKit\//.test(userAgent) && !/\bSafari\//.test(userAgent);
  return { kind: webview ? 'webview' : 'browser', app: null, platform };
}

/** Whether sign-in should avoid popups and other windows here (an in-app browser or a WebView). */
export function isEmbeddedBrowser(environment: BrowserEnvironment = detectEnvironment()): boolean {
  return environment.kind !== 'browser';
}

/**
 * An Android intent link that opens `href` (an http or https page; this page by default) in the
 * user's default browser, out of the app's WebView: `intent://host/path?query#Intent;scheme=https;end`.
 * @see https://developer.chrome.com/docs/android/intents
 */
export function openInBrowserLink(href: string = currentHref()): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new FreedomIdError(
      'invalid_argument',
      `openInBrowserLink needs an absolute http(s) URL such as location.href, not "${href}".`,
    );
  }
  const scheme = url.protocol.slice(0, -1);
  return `intent://${url.host}${url.pathname}${url.search}#Intent;scheme=${scheme};end`;
}

/** A promise that never settles: what a popup sign-in returns once it redirects this page instead. */
export function pageLeaving(): Promise<never> {
  return new Promise<never>(() => undefined);
}
