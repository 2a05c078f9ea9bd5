// The sandbox pages' words in Russian, Kazakh and English, and the choice among them.
import { matchLocale, type Locale } from '../../src/element/strings.js';

export type { Locale };

/** Every sentence on the sandbox pages; `{name}` placeholders are filled in as text. */
export interface Strings {
  signInTitle: string;
  continueTo: string;
  login: string;
  password: string;
  signIn: string;
  cancel: string;
  or: string;
  hint: string;
  enterLogin: string;
  unknownUser: string;
  consentTitle: string;
  signedInAs: string;
  willReceive: string;
  allow: string;
  staleTitle: string;
  staleText: string;
  backTo: string;
  errorTitle: string;
  errorText: string;
  details: string;
  signOutTitle: string;
  signOutText: string;
  signOut: string;
  signedOutTitle: string;
  signedOutText: string;
  footer: string;
  /** The label beside the brand that says these pages are not Freedom ID's. */
  badge: string;
  grants: Readonly<Record<string, string>>;
}

/** The page texts, one set per locale. */
export const STRINGS: Readonly<Record<Locale, Strings>> = {
  ru: {
    signInTitle: 'Вход через Freedom ID',
    continueTo: 'чтобы продолжить на {site}',
    login: 'Логин',
    password: 'Пароль',
    signIn: 'Войти',
    cancel: 'Отмена',
    or: 'или',
    hint: 'Песочница: войдите как {users}, пароль любой.',
    enterLogin: 'Введите логин.',
    unknownUser: 'Тестового пользователя «{login}» нет. Войдите как {users}.',
    consentTitle: '{site} запрашивает доступ',
    signedInAs: 'Вы вошли как {name}.',
    willReceive: 'Сайт получит:',
    allow: 'Разрешить',
    staleTitle: 'Этот вход уже завершён или устарел',
    staleText: 'Вернитесь на сайт и начните вход заново.',
    backTo: 'Вернуться на {site}',
    errorTitle: 'Вход не может быть продолжен',
    errorText: 'Вернитесь на сайт, с которого пришли, и начните вход заново.',
    details: 'Для разработчика',
    signOutTitle: 'Выход из Freedom ID',
    signOutText:
      'Вы выйдете из Freedom ID, и сайты, в которые вы вошли через него, завершат ваши сеансы.',
    signOut: 'Выйти из Freedom ID',
    signedOutTitle: 'Вы вышли из Freedom ID',
    signedOutText: 'Сайты, в которые вы входили через Freedom ID, получили уведомление о выходе.',
    footer: 'Песочница Freedom ID — только для разработки',
    badge: 'песочница',
    grants: {
      openid: 'Идентификатор вашей учётной записи Freedom ID',
      'read.profile': 'Профиль: имя, фамилия, отчество, дата рождения, пол',
      'read.email': 'Адрес электронной почты',
      'read.phone': 'Номер телефона',
      'read.phones': 'Все ваши номера телефонов',
      'read.firstname': 'Имя',
      'read.lastname': 'Фамилия',
      'read.patronymic': 'Отчество',
      'read.date_of_birth': 'Дата рождения',
      'read.gender': 'Пол',
      'read.nationality': 'Гражданство',
      'read.country': 'Страна',
      'read.identifier': 'ИИН (индивидуальный идентификационный номер)',
    },
  },
  kk: {
    signInTitle: 'Freedom ID арқылы кіру',
    continueTo: '{site} сайтына өту үшін',
    login: 'Логин',
    password: 'Құпиясөз',
    signIn: 'Кіру',
    cancel: 'Бас тарту',
    or: 'немесе',
    hint: 'Құмсалғыш: {users} ретінде кіріңіз, құпиясөз кез келген.',
    enterLogin: 'Логинді енгізіңіз.',
    unknownUser: '«{login}» деген тест пайдаланушысы жоқ. {users} ретінде кіріңіз.',
    consentTitle: '{site} рұқсат сұрайды',
    signedInAs: 'Сіз {name} ретінде кірдіңіз.',
    willReceive: 'Сайт мыналарды алады:',
    allow: 'Рұқсат беру',
    staleTitle: 'Бұл кіру аяқталған немесе мерзімі өткен',
    staleText: 'Сайтқа оралып, қайта кіріңіз.',
    backTo: '{site} сайтына оралу',
    errorTitle: 'Кіруді жалғастыру мүмкін емес',
    errorText: 'Келген сайтыңызға оралып, қайта кіріңіз.',
    details: 'Әзірлеушіге',
    signOutTitle: 'Freedom ID жүйесінен шығу',
    signOutText:
      'Сіз Freedom ID жүйесінен шығасыз, ал ол арқылы кірген сайттар сеанстарыңызды аяқтайды.',
    signOut: 'Freedom ID жүйесінен шығу',
    signedOutTitle: 'Сіз Freedom ID жүйесінен шықтыңыз',
    signedOutText: 'Freedom ID арқылы кірген сайттарыңызға шығу туралы хабарланды.',
    footer: 'Freedom ID құмсалғышы — тек әзірлеуге арналған',
    badge: 'құмсалғыш',
    grants: {
      openid: 'Freedom ID тіркелгіңіздің идентификаторы',
      'read.profile': 'Профиль: аты, тегі, әкесінің аты, туған күні, жынысы',
      'read.email': 'Электрондық пошта мекенжайы',
      'read.phone': 'Телефон нөмірі',
      'read.phones': 'Барлық телефон нөмірлеріңіз',
      'read.firstname': 'Аты',
      'read.lastname': 'Тегі',
      'read.patronymic': 'Әкесінің аты',
      'read.date_of_birth': 'Туған күні',
      'read.gender': 'Жынысы',
      'read.nationality': 'Азаматтығы',
      'read.country': 'Елі',
      'read.identifier': 'ЖСН (жеке сәйкестендіру нөмірі)',
    },
  },
  en: {
    signInTitle: 'Sign in with Freedom ID',
    continueTo: 'to continue to {site}',
    login: 'Login',
    password: 'Password',
    signIn: 'Sign in',
    cancel: 'Cancel',
    or: 'or',
    hint: 'Sandbox: sign in as {users}, any password.',
    enterLogin: 'Enter your login.',
    unknownUser: 'There is no test user “{login}”. Sign in as {users}.',
    consentTitle: '{site} asks for access',
    signedInAs: 'Signed in as {name}.',
    willReceive: 'The site will receive:',
    allow: 'Allow',
    staleTitle: 'This sign-in has already finished or expired',
    staleText: 'Go back to the site and start signing in again.',
    backTo: 'Back to {site}',
    errorTitle: 'The sign-in cannot continue',
    errorText: 'Go back to the site you came from and start signing in again.',
    details: 'For the developer',
    signOutTitle: 'Sign out of Freedom ID',
    signOutText:
      'You will be signed out of Freedom ID, and the sites you signed in to with it will end your sessions.',
    signOut: 'Sign out of Freedom ID',
    signedOutTitle: 'You signed out of Freedom ID',
    signedOutText: 'The sites you signed in to with Freedom ID were told that you signed out.',
    footer: 'Freedom ID sandbox — for development only',
    badge: 'sandbox',
    grants: {
      openid: 'Your Freedom ID account identifier',
      'read.profile': 'Your profile: name, surname, patronymic, date of birth, gender',
      'read.email': 'Email address',
      'read.phone': 'Phone number',
      'read.phones': 'All your phone numbers',
      'read.firstname': 'First name',
      'read.lastname': 'Last name',
      'read.patronymic': 'Patronymic',
      'read.date_of_birth': 'Date of birth',
      'read.gender': 'Gender',
      'read.nationality': 'Nationality',
      'read.country': 'Country',
      'read.identifier': 'IIN (individual identification number)',
    },
  },
};

/** Fills `{name}` placeholders; the result is still text, escaped where it is rendered. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * The page language: the first supported tag of `ui_locales` (OIDC Core 3.1.2.1), else the
 * highest-weighted supported one of Accept-Language (RFC 9110 §12.5.4), else Russian.
 */
export function pickLocale(uiLocales: unknown, acceptLanguage: string | undefined): Locale {
  const requested = typeof uiLocales === 'string' ? uiLocales.split(' ') : [];
  const accepted = (acceptLanguage ?? '')
    .split(',')
    .map((entry) => {
      const [tag = '', ...params] = entry.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag, q: q === undefined ? 1 : Number(q) };
    })
    .filter(({ q }) => q > 0)
    .sort((a, b) => b.q - a.q)
    .map(({ tag }) => tag);
  for (const tag of [...requested, ...accepted]) {
    const locale = matchLocale(tag);
    if (locale !== null) return locale;
  }
  return 'ru';
}
