/** The languages the button speaks. */
export type Locale = 'ru' | 'kk' | 'en';

/** Which call to action the button shows (`text` attribute). */
export type ButtonText = 'signin' | 'signup' | 'continue';

/** Every string the button shows or announces; a merchant may override any of them through `strings`. */
export interface FreedomIdLoginStrings {
  signin: string;
  signup: string;
  continue: string;
}

export const LOCALES: readonly Locale[] = ['ru', 'kk', 'en'];

/** The built-in labels, one set per locale. */
export const STRINGS: Readonly<Record<Locale, Readonly<FreedomIdLoginStrings>>> = {
  ru: {
    signin: 'Войти через Freedom ID',
    signup: 'Зарегистрироваться через Freedom ID',
    continue: 'Продолжить с Freedom ID',
  },
  kk: {
    signin: 'Freedom ID арқылы кіру',
    signup: 'Freedom ID арқылы тіркелу',
    continue: 'Freedom ID арқылы жалғастыру',
  },
  en: {
    signin: 'Sign in with Freedom ID',
    signup: 'Sign up with Freedom ID',
    continue: 'Continue with Freedom ID',
  },
};

/** Maps a BCP 47 tag (`kk-KZ`, `ru`, `EN-us`) to a supported locale, or null; the common misspelling `kz` counts as Kazakh. */
export function matchLocale(tag: string | null | undefined): Locale | null {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'kz') return 'kk';
  return LOCALES.find((locale) => locale === primary) ?? null;
}

/**
 * The locale of `host` when no `locale` attribute is set: the nearest `lang` (ancestors, across
 * shadow roots, up to `<html>`), then `navigator.language`, then Russian.
 */
export function inheritedLocale(host: Element): Locale {
  return matchLocale(nearestLang(host)) ?? matchLocale(navigator.language) ?? 'ru';
}

function nearestLang(host: Element): string | null {
  let node: Element | null = host;
  while (node !== null) {
    const lang = node.getAttribute('lang');
    if (lang !== null && lang !== '') return lang;
    const root = node.getRootNode();
    node = node.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return document.documentElement.getAttribute('lang');
}
