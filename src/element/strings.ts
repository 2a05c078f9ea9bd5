/** The languages the button speaks. */
export type Locale = 'ru' | 'kk' | 'en';

/** The calls to action the button shows (`text` attribute); the first is the default. */
export const TEXTS = ['signin', 'signup', 'continue'] as const;

/** Which call to action the button shows. */
export type ButtonText = (typeof TEXTS)[number];

/** What the signed-in state (`session-url`) says: before the user's name, without one, and the sign-out button. */
export interface SessionStrings {
  signedInAs: string;
  signedIn: string;
  signOut: string;
}

/** The built-in texts of the signed-in state. */
export const SESSION_STRINGS: Readonly<Record<Locale, Readonly<SessionStrings>>> = {
  ru: { signedInAs: 'Вы вошли как', signedIn: 'Вы вошли через Freedom ID', signOut: 'Выйти' },
  kk: {
    signedInAs: 'Кірген пайдаланушы:',
    signedIn: 'Freedom ID арқылы кірдіңіз',
    signOut: 'Шығу',
  },
  en: { signedInAs: 'Signed in as', signedIn: 'Signed in with Freedom ID', signOut: 'Sign out' },
};

/** Every string the element shows or announces; a merchant may override any of them through `strings`. */
export interface FreedomIdLoginStrings extends SessionStrings {
  signin: string;
  signup: string;
  continue: string;
}

/** One call to action in one language, longest first. */
export type Labels = readonly [full: string, ...shorter: string[]];

/** The languages the button speaks; the first is the fallback. */
export const LOCALES: readonly Locale[] = ['ru', 'kk', 'en'];

/**
 * The built-in labels, longest first: the button shows the first that fits its width (the verb
 * alone when the full label does not), and the full label stays its accessible name.
 */
export const LABELS: Readonly<Record<Locale, Readonly<Record<ButtonText, Labels>>>> = {
  ru: {
    signin: ['Войти через Freedom ID', 'Войти'],
    signup: ['Зарегистрироваться через Freedom ID', 'Зарегистрироваться', 'Регистрация'],
    continue: ['Продолжить с Freedom ID', 'Продолжить'],
  },
  kk: {
    signin: ['Freedom ID арқылы кіру', 'Кіру'],
    signup: ['Freedom ID арқылы тіркелу', 'Тіркелу'],
    continue: ['Freedom ID арқылы жалғастыру', 'Жалғастыру'],
  },
  en: {
    signin: ['Sign in with Freedom ID', 'Sign in'],
    signup: ['Sign up with Freedom ID', 'Sign up'],
    continue: ['Continue with Freedom ID', 'Continue'],
  },
};

/** The full labels and the signed-in state's texts, one set per locale. */
export const STRINGS: Readonly<Record<Locale, Readonly<FreedomIdLoginStrings>>> = {
  ru: fullLabels('ru'),
  kk: fullLabels('kk'),
  en: fullLabels('en'),
};

function fullLabels(locale: Locale): FreedomIdLoginStrings {
  const { signin, signup, continue: next } = LABELS[locale];
  return { signin: signin[0], signup: signup[0], continue: next[0], ...SESSION_STRINGS[locale] };
}

/** What decides a button's labels. */
export interface LabelSource extends Element {
  readonly locale: string | undefined;
  readonly text: string | undefined;
  readonly strings: Partial<FreedomIdLoginStrings> | undefined;
}

/** The locale `host` speaks: its `locale` when supported, else the inherited one. */
export function localeOf(host: LabelSource): Locale {
  return LOCALES.find((locale) => locale === host.locale) ?? inheritedLocale(host);
}

/** The labels `host` may show, longest first; a merchant's own string is the only one. */
export function labelsFor(host: LabelSource): Labels {
  const text = TEXTS.find((choice) => choice === host.text) ?? TEXTS[0];
  const own = host.strings?.[text];
  return own === undefined ? LABELS[localeOf(host)][text] : [own];
}

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
