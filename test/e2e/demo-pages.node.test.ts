// The demo's own pages as a visitor sees them: the index links every page and loads nothing from
// elsewhere; the gallery fits a 375 px phone and links back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useDemo } from './harness.js';

const run = useDemo();

describe('the demo’s pages', () => {
  it(
    'index: links every demo page, each of which loads, and requests nothing from another origin',
    { timeout: 90_000 },
    async () => {
      const page = await run.openPath('/');
      const origins = new Set<string>();
      page.on('request', (request) => origins.add(new URL(request.url()).origin));
      await page.reload();

      const links = await page
        .locator('#pages a')
        .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));

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
        const response = await page.request.get(`${run.demo.siteUrl}${link}`);
        assert.equal(response.status(), 200, link);
      }
      await page.context().close();
    },
  );

  for (const width of [375, 1024]) {
    it(
      `gallery: no horizontal scroll at ${width} px, and a link back to the index`,
      { timeout: 90_000 },
      async () => {
        const page = await run.openUrl('about:blank');
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`${run.demo.siteUrl}/demo/gallery.html`);
        await page.locator('freedomid-login').first().locator('button[part="button"]').waitFor();

        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);

        assert.ok(scrollWidth <= width, `scrollWidth ${scrollWidth} > ${width}`);
        assert.equal(
          await page.getByRole('link', { name: '← all demos' }).getAttribute('href'),
          '/',
        );
        await page.context().close();
      },
    );
  }
});
