/**
 * The site on a phone (390×844, and 360 px for the narrowest common screen):
 * wide tables read as label–value lists, the banner and header leave the
 * screen to the page, links are big enough to tap, and list badges say whose
 * category they show.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axe } from './axe.ts';
import { launch } from './browser.ts';
import { serve, type Served } from './serve.ts';

let demo: Served;
let browser: Browser;
beforeAll(async () => {
  [demo, browser] = await Promise.all([serve(inject('demoDist')), launch()]);
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

async function phone(path: string, width = 390, height = 844): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(demo.url + path);
  return page;
}

describe.each(['/disclosure/', '/units/', '/data/', '/stats/', '/sessions/7-1/'])('tables on %s at 390 px', (path) => {
  it('become label–value lists: no sideways scroll, no cell squeezed below three characters', async () => {
    const page = await phone(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const cells = await page.locator('main table td, main table th').evaluateAll((els) =>
      els
        // Column headers a stacked table hides (each value carries its label instead) are not cells to read.
        .filter((e) => !e.closest('thead') || getComputedStyle(e.closest('thead')!).clipPath === 'none')
        .filter((e) => e.getClientRects().length > 0 && (e.textContent ?? '').trim() !== '')
        .map((e) => {
          const em = parseFloat(getComputedStyle(e).fontSize);
          const scroller = e.closest('.table-scroll');
          // Lines of text in the cell: a squeezed column wraps even a short number or name.
          const range = document.createRange();
          range.selectNodeContents(e);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
          return {
            text: (e.textContent ?? '').trim().slice(0, 20),
            squeezed: e.getBoundingClientRect().width / em < 3 && lines > 1,
            scrolls: scroller ? scroller.scrollWidth > scroller.clientWidth : false,
          };
        }),
    );
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((c) => c.squeezed)).toEqual([]);
    expect(cells.filter((c) => c.scrolls)).toEqual([]);
    await page.close();
  });
});

it('the /disclosure/ ledger reads as 会议 then each figure with its column name', async () => {
  const page = await phone('/disclosure/');
  const cell = page.locator('main table').first().locator('tbody td').first();
  expect(await cell.getAttribute('data-label')).toBe('应有答复（政府公布）');
  const label = await cell.evaluate((e) => getComputedStyle(e, '::before').content);
  expect(label).toBe('"应有答复（政府公布）"');
  // On a wide screen it is a table again.
  await page.setViewportSize({ width: 1280, height: 900 });
  expect(await cell.evaluate((e) => getComputedStyle(e).display)).toBe('table-cell');
  await page.close();
});

describe.each(['/', '/search/', '/proposals/7-1/20210008/rsj/'])('%s on a 390×844 phone', (path) => {
  it('gives the demo banner and the header at most 15 % of the first screen', async () => {
    const page = await phone(path);
    const bottom = await page.locator('.site-header').evaluate((e) => e.getBoundingClientRect().bottom);
    expect(bottom / 844).toBeLessThanOrEqual(0.15);
    expect(await page.locator('.demo-banner').innerText()).toContain('演示数据');
    expect(await page.locator('.site-nav a').count()).toBe(10);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});

it('makes navigation, breadcrumb and footer links at least 44 px tall to tap', async () => {
  const page = await phone('/proposals/7-1/20210008/rsj/');
  for (const selector of ['.site-nav a', '.breadcrumbs a', '.site-footer a']) {
    const heights = await page.locator(selector).evaluateAll((as) => as.map((a) => a.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(0);
    expect(Math.min(...heights), selector).toBeGreaterThanOrEqual(44);
  }
  await page.close();
});

it('says whose category each badge in a list of proposals is (市发展改革委 A 类, not A 类 A 类)', async () => {
  const page = await phone('/proposals/');
  const rows = await page.locator('.proposal-categories').first().locator('li').allInnerTexts();
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row.replace(/\s+/g, ' ')).toMatch(/^\S+ [ABCD] 类/);
  const multi = page
    .locator('.proposal-list > li', { has: page.locator('.proposal-categories li:nth-child(2)') })
    .first();
  const units = await multi.locator('.badge-unit').allInnerTexts();
  expect(new Set(units).size).toBe(units.length);
  await page.close();
});

describe.each(['/proposals/', '/proposals/filter/category/A/'])('the list of proposals %s', (path) => {
  it('on a 390×844 phone, shows proposals first and folds the facets under 筛选, which opens them', async () => {
    const page = await phone(path);
    const first = (await page.locator('.proposal-list > li').first().boundingBox())!;
    expect(first.y + 40).toBeLessThan(844);
    const facetLink = page.locator('.facets details details a').first();
    expect(await facetLink.isVisible()).toBe(false);
    const summary = page.locator('.facets-box > summary');
    expect((await summary.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await summary.click();
    expect(await facetLink.isVisible()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('on a wide screen, shows the facets open beside the list, with no 筛选 to tap', async () => {
    const page = await phone(path, 1280, 900);
    expect(await page.locator('.facets details details a').first().isVisible()).toBe(true);
    const facets = (await page.locator('.facets').boundingBox())!;
    const list = (await page.locator('.proposal-list').boundingBox())!;
    expect(facets.x + facets.width).toBeLessThanOrEqual(list.x);
    await page.locator('.facets-box > summary').click({ force: true });
    expect(await page.locator('.facets details details a').first().isVisible()).toBe(true);
    await page.close();
  });
});
