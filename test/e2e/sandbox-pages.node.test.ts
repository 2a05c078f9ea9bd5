// The sandbox's own sign-in, consent and end pages in each engine: their exact words in
// each language, the unknown-login message, Cancel, and the way back from a finished sign-in.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  attributeOf,
  authorizationUrl as requestUrl,
  countOf,
  DEMO_USER,
  loadedResources,
  textOf,
  textsOf,
  unsupported,
  useDemo,
  useMerchantStub,
  type Page,
  TEST_TIMEOUT_MS,
} from './harness.js';

const run = useDemo();
/** A merchant page on a loopback port nobody registered: the sandbox accepts it as it is. */
const stub = useMerchantStub('localhost');
const merchant = () => stub.url();

/** The words below name the merchant as `localhost:8089`; the stub listens on a free port. */
const site = (text: string) => text.replaceAll('localhost:8089', new URL(merchant()).host);

/** The Freedom-ID-shaped provider's authorization URL for the merchant above. */
function authorizationUrl(extra: Record<string, string> = {}): string {
  return requestUrl(`${run.demo.sandboxUrl}/openid`, merchant(), extra);
}

/** Opens the sign-in page; the merchant's page answers with a stub, so its URL can be read. */
async function openSignIn(locale: string, extra: Record<string, string> = {}): Promise<Page> {
  const page = await run.openUrl(authorizationUrl(extra), locale);
  await page.waitForSelector('form#login');
  return page;
}

/** The merchant URL the sandbox sent the browser to, once it is there. */
function merchantArrival(page: Page): Promise<URL> {
  return page.waitForURL((url) => url.href.startsWith(merchant()));
}

const texts = textsOf;

const LOCALES = [
  {
    name: 'Russian, from Accept-Language',
    browser: 'ru-RU',
    extra: {},
    lang: 'ru',
    badge: 'песочница',
    login: {
      h1: 'Вход через Freedom ID',
      lead: 'чтобы продолжить на localhost:8089',
      labels: ['Логин', 'Пароль'],
      buttons: ['Войти', 'Отмена'],
      hint: 'Песочница: войдите как aigerim или daniyar, пароль любой.',
      unknown: 'Тестового пользователя «nobody» нет. Войдите как aigerim или daniyar.',
    },
    consent: {
      h1: 'localhost:8089 запрашивает доступ',
      lead: 'Вы вошли как Aigerim Seitkali.',
      grants: [
        'Идентификатор вашей учётной записи Freedom ID',
        'Профиль: имя, фамилия, отчество, дата рождения, пол',
        'Адрес электронной почты',
        'Номер телефона',
      ],
      buttons: ['Разрешить', 'Отмена'],
    },
  },
  {
    name: 'Kazakh, from ui_locales over an English browser',
    browser: 'en-US',
    extra: { ui_locales: 'kk-KZ en' },
    lang: 'kk',
    badge: 'құмсалғыш',
    login: {
      h1: 'Freedom ID арқылы кіру',
      lead: 'localhost:8089 сайтына өту үшін',
      labels: ['Логин', 'Құпиясөз'],
      buttons: ['Кіру', 'Бас тарту'],
      hint: 'Құмсалғыш: aigerim немесе daniyar ретінде кіріңіз, құпиясөз кез келген.',
      unknown: '«nobody» деген тест пайдаланушысы жоқ. aigerim немесе daniyar ретінде кіріңіз.',
    },
    consent: {
      h1: 'localhost:8089 рұқсат сұрайды',
      lead: 'Сіз Aigerim Seitkali ретінде кірдіңіз.',
      grants: [
        'Freedom ID тіркелгіңіздің идентификаторы',
        'Профиль: аты, тегі, әкесінің аты, туған күні, жынысы',
        'Электрондық пошта мекенжайы',
        'Телефон нөмірі',
      ],
      buttons: ['Рұқсат беру', 'Бас тарту'],
    },
  },
  {
    name: 'English, from Accept-Language',
    browser: 'en-GB',
    extra: {},
    lang: 'en',
    badge: 'sandbox',
    login: {
      h1: 'Sign in with Freedom ID',
      lead: 'to continue to localhost:8089',
      labels: ['Login', 'Password'],
      buttons: ['Sign in', 'Cancel'],
      hint: 'Sandbox: sign in as aigerim or daniyar, any password.',
      unknown: 'There is no test user “nobody”. Sign in as aigerim or daniyar.',
    },
    consent: {
      h1: 'localhost:8089 asks for access',
      lead: 'Signed in as Aigerim Seitkali.',
      grants: [
        'Your Freedom ID account identifier',
        'Your profile: name, surname, patronymic, date of birth, gender',
        'Email address',
        'Phone number',
      ],
      buttons: ['Allow', 'Cancel'],
    },
  },
] as const;

describe('the sandbox’s own pages', () => {
  for (const locale of LOCALES) {
    it(
      `speak ${locale.name}: sign-in, unknown login, consent`,
      { timeout: TEST_TIMEOUT_MS, skip: unsupported('locale') },
      async () => {
        const page = await openSignIn(locale.browser, locale.extra);

        assert.equal(await attributeOf(page, 'html', 'lang'), locale.lang);
        assert.equal(await textOf(page, '#badge'), locale.badge);
        assert.equal(await textOf(page, 'h1'), locale.login.h1);
        assert.equal(await textOf(page, '.lead'), site(locale.login.lead));
        assert.deepEqual(await texts(page, 'label'), locale.login.labels);
        assert.deepEqual(await texts(page, '.actions button'), locale.login.buttons);
        assert.equal(await textOf(page, '.hint'), locale.login.hint);

        await page.fill('input[name="login"]', 'nobody');
        await page.click('#submit');
        await page.waitForSelector('#login-error');
        assert.equal(await textOf(page, '#login-error'), locale.login.unknown);
        assert.equal(
          await page.evaluate(
            () => document.querySelector<HTMLInputElement>('input[name="login"]')?.value,
          ),
          'nobody',
        );

        await page.fill('input[name="login"]', DEMO_USER.login);
        await page.click('#submit');
        await page.waitForSelector('form#consent');
        assert.equal(await textOf(page, 'h1'), site(locale.consent.h1));
        assert.equal(await textOf(page, '.lead'), locale.consent.lead);
        assert.deepEqual(await texts(page, 'ul.grants li'), locale.consent.grants);
        assert.equal(await textOf(page, '#badge'), locale.badge);
        assert.deepEqual(await texts(page, '.actions button'), locale.consent.buttons);

        await page.click('#allow');
        const arrival = await merchantArrival(page);
        assert.deepEqual([...arrival.searchParams.keys()].sort(), ['code', 'iss', 'state']);
        assert.equal(arrival.searchParams.get('state'), 'state-1');
        assert.equal(arrival.searchParams.get('iss'), run.demo.sandboxUrl);
      },
    );
  }

  it(
    'send access_denied back to the merchant on Cancel',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const page = await openSignIn('en-US');

      await page.click('#cancel button');

      const arrival = await merchantArrival(page);
      assert.deepEqual(Object.fromEntries(arrival.searchParams), {
        error: 'access_denied',
        error_description: 'End-User aborted interaction',
        state: 'state-1',
        iss: run.demo.sandboxUrl,
      });
    },
  );

  it(
    'show a finished sign-in, opened again, as over, with a link back to the merchant page',
    { timeout: TEST_TIMEOUT_MS, skip: unsupported('locale') },
    async () => {
      const page = await openSignIn('ru-RU');
      await page.fill('input[name="login"]', DEMO_USER.login);
      await page.click('#submit');
      await page.waitForSelector('form#consent');
      const consentUrl = await page.url();
      await page.click('#allow');
      await merchantArrival(page);

      const status = await page.goto(consentUrl);

      assert.equal(status, 410);
      assert.equal(await textOf(page, 'h1'), 'Этот вход уже завершён или устарел');
      assert.equal(await textOf(page, '#back'), site('Вернуться на localhost:8089'));
      assert.equal(await attributeOf(page, '#back', 'href'), merchant());
    },
  );

  it(
    'show an interaction they never started as over, without a link',
    { timeout: TEST_TIMEOUT_MS, skip: unsupported('locale') },
    async () => {
      const page = await run.openUrl(`${run.demo.sandboxUrl}/interaction/never-started`, 'en-US');

      assert.equal(await textOf(page, 'h1'), 'This sign-in has already finished or expired');
      assert.equal(await countOf(page, '#back'), 0);
    },
  );

  it(
    'refuse an unregistered non-loopback redirect URI on a page of their own, with the code for the developer',
    { timeout: TEST_TIMEOUT_MS, skip: unsupported('locale') },
    async () => {
      const page = await run.openUrl(
        authorizationUrl({ redirect_uri: 'https://shop.example.test/login' }),
        'kk',
      );

      assert.equal(await textOf(page, 'h1'), 'Кіруді жалғастыру мүмкін емес');
      assert.equal(await textOf(page, '#error'), 'invalid_redirect_uri');
      assert.equal((await page.url()).startsWith(run.demo.sandboxUrl), true);
      // The way back is the client's first registered redirect URI, never the refused one.
      const registered = new URL(Object.values(run.demo.pages)[0] ?? '');
      assert.equal(await attributeOf(page, '#back', 'href'), registered.href);
      assert.equal(await textOf(page, '#back'), `${registered.host} сайтына оралу`);
    },
  );

  it(
    'refuse an unknown client on a page of their own, without a link',
    { timeout: TEST_TIMEOUT_MS, skip: unsupported('locale') },
    async () => {
      const page = await run.openUrl(
        authorizationUrl({ client_id: 'nobody-registered-this' }),
        'en',
      );

      assert.equal(await textOf(page, 'h1'), 'The sign-in cannot continue');
      assert.equal(await textOf(page, '#error'), 'invalid_client');
      assert.equal(await countOf(page, '#back'), 0);
    },
  );

  it(
    'keep each Kazakh button label on one line at 375 px, side by side or stacked',
    { timeout: TEST_TIMEOUT_MS, skip: unsupported('narrow') },
    async () => {
      const page = await run.openUrl('about:blank');
      await page.setViewport(375, 740);
      await page.goto(authorizationUrl({ ui_locales: 'kk' }));
      await page.waitForSelector('form#login');
      const lines = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('.actions button')].map((button) => {
            const range = document.createRange();
            range.selectNodeContents(button);
            return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
          }),
        );
      assert.deepEqual(await lines(), [1, 1]);

      await page.fill('input[name="login"]', DEMO_USER.login);
      await page.click('#submit');
      await page.waitForSelector('form#consent');

      assert.deepEqual(await texts(page, '.actions button'), ['Рұқсат беру', 'Бас тарту']);
      assert.deepEqual(await lines(), [1, 1]);
    },
  );

  it(
    'keep the red border of a refused login visible beside the focus ring',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const page = await openSignIn('en-US');
      await page.fill('input[name="login"]', 'nobody');
      await page.click('#submit');
      await page.waitForSelector('#login-error');

      const style = await page.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>('input[name="login"]');
        input?.focus();
        const computed = input === null ? null : getComputedStyle(input);
        return {
          focused: document.activeElement === input,
          border: computed?.borderTopColor,
          inner: computed?.boxShadow,
          outlineOffset: computed?.outlineOffset,
        };
      });
      assert.deepEqual(style, {
        focused: true,
        border: 'rgb(179, 38, 30)',
        inner: 'rgb(179, 38, 30) 0px 0px 0px 1px inset',
        outlineOffset: '2px',
      });
    },
  );

  it(
    'load nothing but themselves and allow no script (their Content-Security-Policy)',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const page = await run.openUrl(authorizationUrl(), 'en-US');
      await page.waitForSelector('form#login');

      // The same page fetched from Node, with the interaction cookie the redirect set.
      const redirect = await fetch(authorizationUrl(), { redirect: 'manual' });
      const served = await fetch(new URL(redirect.headers.get('location') ?? '', redirect.url), {
        headers: {
          cookie: redirect.headers
            .getSetCookie()
            .map((c) => c.split(';')[0])
            .join('; '),
        },
      });
      assert.match(
        served.headers.get('content-security-policy') ?? '',
        /^default-src 'none'; style-src 'sha256-[\w+/]+='; base-uri 'none'; frame-ancestors 'none'$/,
      );
      // Resource Timing: the page loaded nothing besides itself.
      assert.deepEqual(
        (await loadedResources(page)).filter((url) => !url.endsWith('/favicon.ico')),
        [],
      );
      assert.equal(await countOf(page, 'script'), 0);
    },
  );
});
