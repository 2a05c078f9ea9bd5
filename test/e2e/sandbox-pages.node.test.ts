// The sandbox's own sign-in, consent and end pages in Debian's Chromium: their exact words in
// each language, the unknown-login message, Cancel, and the way back from a finished sign-in.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { authorizationUrl as requestUrl, DEMO_USER, useDemo, WAIT_MS } from './harness.js';

const TEST_TIMEOUT = 90_000;

/** A merchant page on a loopback port nobody registered: the sandbox accepts it as it is. */
const MERCHANT = 'http://localhost:8089/signed-in';

const run = useDemo();

/** The Freedom-ID-shaped provider's authorization URL for the merchant above. */
function authorizationUrl(extra: Record<string, string> = {}): string {
  return requestUrl(`${run.demo.sandboxUrl}/openid`, MERCHANT, extra);
}

/** Opens the sign-in page; the merchant's page answers with a stub, so its URL can be read. */
async function openSignIn(locale: string, extra: Record<string, string> = {}): Promise<Page> {
  const page = await run.openUrl(authorizationUrl(extra), locale);
  await page
    .context()
    .route(`${new URL(MERCHANT).origin}/**`, (route) =>
      route.fulfill({ contentType: 'text/plain', body: 'merchant' }),
    );
  await page.locator('form#login').waitFor();
  return page;
}

/** The merchant URL the sandbox sent the browser to, once it is there. */
async function merchantArrival(page: Page): Promise<URL> {
  await page.waitForURL((url) => url.href.startsWith(MERCHANT), { timeout: WAIT_MS });
  return new URL(page.url());
}

async function texts(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).allTextContents()).map((text) => text.trim());
}

const LOCALES = [
  {
    name: 'Russian, from Accept-Language',
    browser: 'ru-RU',
    extra: {},
    lang: 'ru',
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
      { timeout: TEST_TIMEOUT },
      async () => {
        const page = await openSignIn(locale.browser, locale.extra);

        assert.equal(await page.locator('html').getAttribute('lang'), locale.lang);
        assert.equal(await page.locator('h1').textContent(), locale.login.h1);
        assert.equal(await page.locator('.lead').textContent(), locale.login.lead);
        assert.deepEqual(await texts(page, 'label'), locale.login.labels);
        assert.deepEqual(await texts(page, '.actions button'), locale.login.buttons);
        assert.equal(await page.locator('.hint').textContent(), locale.login.hint);

        await page.locator('input[name="login"]').fill('nobody');
        await page.locator('#submit').click();
        await page.locator('#login-error').waitFor();
        assert.equal(await page.locator('#login-error').textContent(), locale.login.unknown);
        assert.equal(await page.locator('input[name="login"]').inputValue(), 'nobody');

        await page.locator('input[name="login"]').fill(DEMO_USER.login);
        await page.locator('#submit').click();
        await page.locator('form#consent').waitFor({ state: 'attached' });
        assert.equal(await page.locator('h1').textContent(), locale.consent.h1);
        assert.equal(await page.locator('.lead').textContent(), locale.consent.lead);
        assert.deepEqual(await texts(page, 'ul.grants li'), locale.consent.grants);
        assert.deepEqual(await texts(page, '.actions button'), locale.consent.buttons);

        await page.locator('#allow').click();
        const arrival = await merchantArrival(page);
        assert.deepEqual([...arrival.searchParams.keys()].sort(), ['code', 'iss', 'state']);
        assert.equal(arrival.searchParams.get('state'), 'state-1');
        assert.equal(arrival.searchParams.get('iss'), run.demo.sandboxUrl);
        await page.context().close();
      },
    );
  }

  it('send access_denied back to the merchant on Cancel', { timeout: TEST_TIMEOUT }, async () => {
    const page = await openSignIn('en-US');

    await page.getByRole('button', { name: 'Cancel' }).click();

    const arrival = await merchantArrival(page);
    assert.deepEqual(Object.fromEntries(arrival.searchParams), {
      error: 'access_denied',
      error_description: 'End-User aborted interaction',
      state: 'state-1',
      iss: run.demo.sandboxUrl,
    });
    await page.context().close();
  });

  it(
    'show a finished sign-in, opened again, as over, with a link back to the merchant page',
    { timeout: TEST_TIMEOUT },
    async () => {
      const page = await openSignIn('ru-RU');
      await page.locator('input[name="login"]').fill(DEMO_USER.login);
      await page.locator('#submit').click();
      await page.locator('form#consent').waitFor({ state: 'attached' });
      const consentUrl = page.url();
      await page.locator('#allow').click();
      await merchantArrival(page);

      const response = await page.goto(consentUrl);

      assert.equal(response?.status(), 410);
      assert.equal(await page.locator('h1').textContent(), 'Этот вход уже завершён или устарел');
      assert.equal(await page.locator('#back').textContent(), 'Вернуться на localhost:8089');
      assert.equal(await page.locator('#back').getAttribute('href'), MERCHANT);
      await page.context().close();
    },
  );

  it(
    'show an interaction they never started as over, without a link',
    { timeout: TEST_TIMEOUT },
    async () => {
      const page = await run.openUrl(`${run.demo.sandboxUrl}/interaction/never-started`, 'en-US');

      assert.equal(
        await page.locator('h1').textContent(),
        'This sign-in has already finished or expired',
      );
      assert.equal(await page.locator('#back').count(), 0);
      await page.context().close();
    },
  );

  it(
    'refuse an unregistered non-loopback redirect URI on a page of their own, with the code for the developer',
    { timeout: TEST_TIMEOUT },
    async () => {
      const page = await run.openUrl(
        authorizationUrl({ redirect_uri: 'https://shop.example.test/login' }),
        'kk',
      );

      assert.equal(await page.locator('h1').textContent(), 'Кіруді жалғастыру мүмкін емес');
      assert.equal(await page.locator('#error').textContent(), 'invalid_redirect_uri');
      assert.equal(page.url().startsWith(run.demo.sandboxUrl), true);
      await page.context().close();
    },
  );

  it(
    'load nothing but themselves and allow no script (their Content-Security-Policy)',
    { timeout: TEST_TIMEOUT },
    async () => {
      const page = await run.openUrl('about:blank', 'en-US');
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));

      const response = await page.goto(authorizationUrl());

      await page.locator('form#login').waitFor();
      assert.match(
        (await response?.allHeaders())?.['content-security-policy'] ?? '',
        /^default-src 'none'; style-src 'sha256-[\w+/]+='; base-uri 'none'; frame-ancestors 'none'$/,
      );
      assert.deepEqual(
        requested.filter((url) => !url.endsWith('/favicon.ico')),
        [authorizationUrl(), page.url()],
      );
      assert.equal(await page.locator('script').count(), 0);
      await page.context().close();
    },
  );
});
