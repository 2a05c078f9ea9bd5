import { css, html, nothing, type TemplateResult } from 'lit';
import { openInBrowserLink, type BrowserEnvironment } from '../index.js';
import type { Locale } from './strings.js';

/** What the hint says under the button in an in-app browser, in each language the button speaks. */
export interface InAppHintStrings {
  /** Why: sign-in may fail in the app's own browser. */
  notice: string;
  /** Android: the link that opens this page in the default browser. */
  open: string;
  /** iOS: how to get out (no link can open Safari from a WebView). */
  copy: string;
  /** Elsewhere: the same advice without a link. */
  elsewhere: string;
}

/** The built-in hint texts. */
export const IN_APP_HINTS: Readonly<Record<Locale, Readonly<InAppHintStrings>>> = {
  ru: {
    notice: 'Во встроенном браузере приложения вход может не сработать.',
    open: 'Открыть в браузере',
    copy: 'Скопируйте ссылку на эту страницу и откройте её в Safari.',
    elsewhere: 'Откройте эту страницу в браузере.',
  },
  kk: {
    notice: 'Қолданбаның ішкі браузерінде кіру жұмыс істемеуі мүмкін.',
    open: 'Браузерде ашу',
    copy: 'Осы беттің сілтемесін көшіріп, оны Safari-де ашыңыз.',
    elsewhere: 'Бұл бетті браузерде ашыңыз.',
  },
  en: {
    notice: 'Sign-in may not work in this app’s built-in browser.',
    open: 'Open in your browser',
    copy: 'Copy this page’s link and open it in Safari.',
    elsewhere: 'Open this page in your browser.',
  },
};

/** The hint's look: small text under the button, as wide as the button allows (minified, like styles.ts). */
// prettier-ignore
export const hintStyles = css`[part=hint]{margin:.5em 0 0;max-width:20em;font:12px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;white-space:normal}`;

/**
 * The hint for `environment`, or nothing in a normal browser: on Android a link that opens this
 * page in the default browser, on iOS copy-the-link guidance.
 */
export function inAppHint(
  environment: BrowserEnvironment,
  locale: Locale,
): TemplateResult | typeof nothing {
  if (environment.kind === 'browser') return nothing;
  const strings = IN_APP_HINTS[locale];
  const way =
    environment.platform === 'android'
      ? html`<a part="hint-link" href=${openInBrowserLink()}>${strings.open}</a>`
      : environment.platform === 'ios'
        ? strings.copy
        : strings.elsewhere;
  return html`<p part="hint" role="note" lang=${locale}>${strings.notice} ${way}</p>`;
}
