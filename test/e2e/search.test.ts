/**
 * Search in Chromium over the built demo and fixture sites: Chinese queries
 * and their expected top result, a query that must find nothing (text of a
 * pending reply), filters that narrow, and the address round trip.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from './browser.ts';
import { serve, type Served } from './serve.ts';

let demo: Served;
let fixture: Served;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [demo, fixture, browser] = await Promise.all([serve(inject('demoDist')), serve(inject('fixtureDist')), launch()]);
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await fixture?.close();
});

/** Run Pagefind in the page, as the search page does; returns the result addresses. */
async function search(site: Served, q: string | null, filters: Record<string, string[]> = {}) {
  if (!page.url().startsWith(site.url)) await page.goto(`${site.url}/search/`);
  // A string, so that the test runner does not rewrite the browser's import().
  const script = `(async () => {
    const pf = await import('/pagefind/pagefind.js');
    await pf.filters();
    const f = Object.fromEntries(Object.entries(${JSON.stringify(filters)}).map(([k, v]) => [k, { any: v }]));
    const s = await pf.search(${JSON.stringify(q)}, Object.keys(f).length ? { filters: f } : {});
    const data = await Promise.all(s.results.map((r) => r.data()));
    return data.map((d) => d.url);
  })()`;
  return page.evaluate(script) as Promise<string[]>;
}

describe('Chinese queries on the demo site', () => {
  it.each([
    ['停车', /\/20210010\//, 'a two-character word inside 智慧停车'],
    ['养老', /\/20210014\//, 'a two-character word'],
    ['民间河长', /\/20210007\//, 'a phrase'],
    ['司法局', /\/20210009\/sfj\/$/, "a unit's name"],
    ['深工信函〔2021〕2037号', /\/20210001\/gxj\/$/, 'a document number'],
    ['碳足迹', /\/20210013\//, 'a three-character term'],
  ])('%s finds %s first (%s)', async (q, expected) => {
    const urls = await search(demo, q);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls[0]).toMatch(expected);
  });

  it('finds nothing from the text of a pending reply', async () => {
    expect(await search(demo, '办件进度实时查询')).toEqual([]);
    expect(await search(demo, '差评回访')).toEqual([]);
  });

  it('has one record per reply and per proposal: a hit never appears twice', async () => {
    const urls = await search(demo, '提案');
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.every((u) => /^\/proposals\/7-1\/\d{8}\/([a-z0-9-]+\/)?$/.test(u))).toBe(true);
  });

  it('narrows by filters, and the filters combine', async () => {
    const all = await search(demo, '停车');
    const replies = await search(demo, '停车', { type: ['reply'] });
    const aOnly = await search(demo, '停车', { type: ['reply'], category: ['A'] });
    const unit = await search(demo, '停车', { unit: ['gaj'] });
    expect(replies.length).toBeLessThan(all.length);
    expect(aOnly.length).toBeLessThan(replies.length);
    expect(unit).toEqual(['/proposals/7-1/20210010/gaj/']);
  });
});

describe('the fixture site', () => {
  it('finds the public sentinel and no canary', async () => {
    expect(await search(fixture, 'PUBLIC-SENTINEL-4K8')).toEqual(['/proposals/7-1/20210001/gaj/']);
    for (const canary of ['CANARY-PENDING-9X1', 'CANARY-EMBARGO-3M5', 'CANARY-DRAFT-5T7']) {
      // Pagefind splits a canary into words and may match one of them elsewhere; the records holding it must not exist.
      const urls = await search(fixture, canary);
      expect(urls).not.toContain('/proposals/7-1/20210001/jtj/');
      expect(urls).not.toContain('/proposals/7-1/20210001/sfj/');
    }
  });
  it('indexes nothing but reply and proposal pages', async () => {
    const urls = await search(fixture, null, { type: ['reply', 'proposal'] });
    expect(urls.sort()).toEqual([
      '/proposals/7-1/20210001/',
      '/proposals/7-1/20210001/gaj/',
      '/proposals/7-1/20210002/',
      '/proposals/7-1/20210002/fgw/',
    ]);
  });
  it('writes gzip-compressed Pagefind files that the leak test decompresses', () => {
    const files = readdirSync(join(inject('fixtureDist'), 'pagefind'), { recursive: true }).map(String);
    expect(files.some((f) => f.startsWith('fragment/'))).toBe(true);
  });
});

describe('the search page', () => {
  it("shows, before Pagefind's filter index is loaded, the same counts Pagefind gives", async () => {
    await page.goto(`${demo.url}/search/`);
    const built = JSON.parse((await page.locator('#search-labels').textContent())!).counts;
    const pagefind = await page.evaluate(
      `(async () => { const pf = await import('/pagefind/pagefind.js'); return pf.filters(); })()`,
    );
    // Pagefind also lists values with no record (count 0) for keys it knows; compare the values that have records.
    const nonZero = (c: Record<string, Record<string, number>>) =>
      Object.fromEntries(
        Object.entries(c).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).filter(([, n]) => n > 0))]),
      );
    expect(nonZero(built)).toEqual(nonZero(pagefind as Record<string, Record<string, number>>));
  });

  it('opens empty with a prompt and every filter, counted', async () => {
    const p = await browser.newPage();
    await p.goto(`${demo.url}/search/`);
    await p.waitForFunction(() => /输入搜索词/.test(document.querySelector('#search-status')?.textContent ?? ''));
    expect(await p.locator('#search-filters legend').count()).toBeGreaterThanOrEqual(8);
    expect(await p.locator('label[for="f-type-reply"] .count').textContent()).toBe('41');
    await p.close();
  });

  it('reads the address, shows results with counts, and writes choices back to the address', async () => {
    const p = await browser.newPage();
    const errors: string[] = [];
    p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await p.goto(`${demo.url}/search/?q=${encodeURIComponent('停车')}&category=A`);
    await p.waitForFunction(() => /找到|没有找到/.test(document.querySelector('#search-status')?.textContent ?? ''));
    expect(await p.locator('#search-q').inputValue()).toBe('停车');
    expect(await p.locator('input[name="category"][value="A"]').isChecked()).toBe(true);
    const first = p.locator('#search-results li').first();
    expect(await first.locator('.badge-letter').textContent()).toBe('A 类');
    expect(await first.locator('mark').count()).toBeGreaterThan(0);

    // Keyboard: tick a unit filter with the space bar; the address follows.
    await p.locator('input[name="unit"][value="jtj"]').focus();
    await p.keyboard.press('Space');
    await p.waitForURL(/unit=jtj/);
    const url = new URL(p.url());
    expect(url.searchParams.getAll('category')).toEqual(['A']);
    expect(url.searchParams.get('q')).toBe('停车');

    // Reload: the same search comes back.
    await p.reload();
    await p.waitForFunction(() => /找到/.test(document.querySelector('#search-status')?.textContent ?? ''));
    expect(await p.locator('input[name="unit"][value="jtj"]').isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await p.close();
  });

  it('links a hit to the paragraph it is in', async () => {
    const p = await browser.newPage();
    await p.goto(`${demo.url}/search/?q=${encodeURIComponent('碳足迹')}`);
    await p.waitForFunction(() => /找到/.test(document.querySelector('#search-status')?.textContent ?? ''));
    const hrefs = await p
      .locator('#search-results .result-title a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.some((h) => /#p\d+$/.test(h ?? ''))).toBe(true);
    await p.close();
  });

  it('says so honestly when nothing matches', async () => {
    const p = await browser.newPage();
    await p.goto(`${demo.url}/search/?q=${encodeURIComponent('量子引力')}`);
    await p.waitForFunction(() => /没有找到/.test(document.querySelector('#search-status')?.textContent ?? ''));
    expect(await p.locator('#search-results li').count()).toBe(0);
    await p.close();
  });

  it('without JavaScript, says search needs it and points to the browse pages', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const p = await context.newPage();
    await p.goto(`${demo.url}/search/?q=x`);
    expect(await p.locator('noscript, .notice').first().textContent()).toContain('需要浏览器启用 JavaScript');
    expect(await p.locator('#search-app').isHidden()).toBe(true);
    await context.close();
  });
});
