// The demo's own pages as a visitor sees them: the index links every page and loads nothing from
// elsewhere; the gallery fits a 375 px phone and links back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attributeOf, loadedResources, unsupported, useDemo, TEST_TIMEOUT_MS } from './harness.js';

const run = useDemo();

describe('the demo’s pages', () => {
  it(
    'index: links every demo page, each of which loads, and requests nothing from another origin',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const page = await run.openPath('/');
      await page.waitForSelector('#pages a');
      // What the page loaded, as Resource Timing lists it, beside the page itself.
      const origins = new Set(
        [await page.url(), ...(await loadedResources(page))].map((url) => new URL(url).origin),
      );

      const links = await page.evaluate(() =>
        [...document.querySelectorAll('#pages a')].map(
          (anchor) => anchor.getAttribute('href') ?? '',
        ),
      );

      assert.deepEqual(links, [
        '/demo/script-tag.html',
        '/demo/element.html',
        '/demo/js-api.html',
        '/demo/popup.html',
        '/demo/csp/index.html',
        '/demo/gallery.html',
      ]);
      assert.deepEqual([...origins], [run.demo.siteUrl]);
      for (const link of links) {
        const response = await fetch(`${run.demo.siteUrl}${link}`);
        assert.equal(response.status, 200, link);
      }
    },
  );

  for (const width of [375, 1024]) {
    it(
      `gallery: no horizontal scroll at ${width} px, and a link back to the index`,
      { timeout: TEST_TIMEOUT_MS, skip: width < 447 && unsupported('narrow') },
      async () => {
        const page = await run.openUrl('about:blank');
        await page.setViewport(width, 800);
        await page.goto(`${run.demo.siteUrl}/demo/gallery.html`);
        await page.waitForSelector('freedomid-login >>> button[part="button"]');

        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);

        assert.ok(scrollWidth <= width, `scrollWidth ${scrollWidth} > ${width}`);
        assert.equal(await attributeOf(page, 'p > a[href="/"]', 'href'), '/');
        assert.equal(
          await page.evaluate(() => document.querySelector('p > a[href="/"]')?.textContent),
          '← all demos',
        );
      },
    );
  }

  it(
    'gallery at 1280 px: the three themes side by side, every label in full',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const page = await run.openUrl('about:blank');
      await page.setViewport(1280, 900);
      await page.goto(`${run.demo.siteUrl}/demo/gallery.html`);
      await page.waitForSelector('freedomid-login >>> button[part="button"]');

      const layout = await page.evaluate(async () => {
        const buttons = [...document.querySelectorAll('.grid freedomid-login:not([type=icon])')];
        await Promise.all(
          buttons.map(
            (el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete,
          ),
        );
        const rows = [...document.querySelectorAll('.grid > .row-label')].map((label) => {
          const cells = [label.nextElementSibling, label.nextElementSibling?.nextElementSibling];
          const third = cells[1]?.nextElementSibling;
          return new Set(
            [...cells, third].map((cell) => Math.round(cell?.getBoundingClientRect().top ?? -1)),
          ).size;
        });
        const labels = new Set(
          buttons.map(
            (el) =>
              `${el.getAttribute('locale')}: ${el.shadowRoot?.querySelector('[part=label]')?.textContent}`,
          ),
        );
        return {
          rowsOnOneLine: rows.every((count) => count === 1),
          rows: rows.length,
          labels: [...labels],
        };
      });

      assert.deepEqual(layout, {
        rowsOnOneLine: true,
        rows: 36,
        labels: [
          'ru: Войти через Freedom ID',
          'kk: Freedom ID арқылы тіркелу',
          'en: Continue with Freedom ID',
        ],
      });
    },
  );
});
