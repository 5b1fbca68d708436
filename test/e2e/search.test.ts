/**
 * Search in Chromium over the built demo and fixture sites: Chinese queries
 * and their expected top result, a query that must find nothing (text of a
 * pending reply), filters that narrow, and the address round trip.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { metaWeights } from '../../src/lib/search.ts';
import { axe } from './axe.ts';
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

/** The sessions' Pagefind bundles of a built site: /pagefind/<session>/. */
const bundles = (dist: string) => readdirSync(join(dist, 'pagefind')).sort();

/** Pagefind with every session's bundle merged, as the search page does, in a string for page.evaluate. */
const mergedPagefind = (dist: string) => {
  const [first, ...rest] = bundles(dist);
  return `(async () => {
    const { createInstance } = await import('/pagefind/${first}/pagefind.js');
    const options = { baseUrl: '/', ranking: { metaWeights: ${JSON.stringify(metaWeights)} } };
    const pf = createInstance({ basePath: '/pagefind/${first}/', ...options });
    await pf.options(options);
    await pf.init();
    for (const s of ${JSON.stringify(rest)}) await pf.mergeIndex('/pagefind/' + s + '/', options);
    return pf;
  })()`;
};

/** Run Pagefind in the page, as the search page does; returns the result addresses. */
async function search(site: Served, q: string | null, filters: Record<string, string[]> = {}) {
  if (!page.url().startsWith(site.url)) await page.goto(`${site.url}/search/`);
  // A string, so that the test runner does not rewrite the browser's import().
  const script = `(async () => {
    const pf = await ${mergedPagefind(site === demo ? inject('demoDist') : inject('fixtureDist'))};
    await pf.filters();
    const f = Object.fromEntries(Object.entries(${JSON.stringify(filters)}).map(([k, v]) => [k, { any: v }]));
    const s = await pf.search(${JSON.stringify(q)}, Object.keys(f).length ? { filters: f } : {});
    const data = await Promise.all(s.results.map((r) => r.data()));
    return data.map((d) => d.url);
  })()`;
  return page.evaluate<string[]>(script);
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
    expect(files.some((f) => f.startsWith('7-1/fragment/'))).toBe(true);
  });
});

describe('the search page', () => {
  it("shows, before Pagefind's filter index is loaded, the same counts Pagefind gives", async () => {
    await page.goto(`${demo.url}/search/`);
    const built = (
      JSON.parse((await page.locator('#search-labels').textContent())!) as {
        counts: Record<string, Record<string, number>>;
      }
    ).counts;
    const pagefind = await page.evaluate<Record<string, Record<string, number>>>(
      `(async () => { const pf = await ${mergedPagefind(inject('demoDist'))}; return pf.filters(); })()`,
    );
    // Pagefind also lists values with no record (count 0) for keys it knows; compare the values that have records.
    const nonZero = (c: Record<string, Record<string, number>>) =>
      Object.fromEntries(
        Object.entries(c).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).filter(([, n]) => n > 0))]),
      );
    expect(nonZero(built)).toEqual(nonZero(pagefind));
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

  it('without JavaScript, hides the search forms and says search needs it, with the browse pages and topics', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const p = await context.newPage();
    await p.goto(`${demo.url}/`);
    // No form that would silently drop the query: the header and home search boxes are not shown.
    expect(await p.locator('form.header-search').isVisible()).toBe(false);
    expect(await p.locator('form[role="search"]:visible').count()).toBe(0);
    await p.goto(`${demo.url}/search/?q=${encodeURIComponent('停车')}`);
    const notice = p.locator('.no-js-search');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toContain('全文搜索需要浏览器启用 JavaScript，这次搜索没有执行');
    expect(await notice.locator('a[href="/proposals/"]').count()).toBe(1);
    expect(await notice.locator('a[href="/topics/elderly/"]').textContent()).toBe('养老服务');
    expect(await p.locator('#search-app').isVisible()).toBe(false);
    expect(await p.locator('#search-form').isVisible()).toBe(false);
    await context.close();
  });
});

/** The search page's results for an address: the result links' paths, once the status says it is done. */
async function results(p: Page, query: string) {
  await p.goto(`${demo.url}/search/${query}`);
  await p.waitForFunction(() => /找到|没有找到|匹配/.test(document.querySelector('#search-status')?.textContent ?? ''));
  return p
    .locator('#search-results .result-title a')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}
const q = (s: string) => `?q=${encodeURIComponent(s)}`;

describe('search that finds what people mean', () => {
  it('finds a B reply by its topic (养老服务) though its text never says 养老', async () => {
    const text = await (await fetch(`${demo.url}/proposals/7-1/20210016/nanshan/`)).text();
    expect(text.match(/<div class="record-text[\s\S]*?<\/section>/)![0]).not.toContain('养老');
    const p = await browser.newPage();
    expect(await results(p, `${q('养老')}&category=B`)).toEqual(['/proposals/7-1/20210016/nanshan/']);
    await p.close();
  });

  it.each([
    ['20210014', 'the number'],
    ['第20210014号', 'the number as printed'],
    ['20210014号', 'the number with 号'],
  ])('finds proposal %s first (%s)', async (query) => {
    const p = await browser.newPage();
    expect((await results(p, q(query)))[0]).toBe('/proposals/7-1/20210014/');
    await p.close();
  });

  it.each([
    ['市民政局', 'short name'],
    ['深圳市民政局', 'full name'],
  ])("finds a unit's replies by its %s (%s)", async (query) => {
    const p = await browser.newPage();
    const urls = await results(p, q(query));
    expect(urls.slice(0, 2).sort()).toEqual(['/proposals/7-1/20210014/mzj/', '/proposals/7-1/20210016/mzj/']);
    await p.close();
  });

  it("finds a proposer's proposals by name", async () => {
    const p = await browser.newPage();
    const urls = await results(p, q('市政协人口资源环境委员会'));
    for (const proposal of ['/proposals/7-1/20210010/', '/proposals/7-1/20210016/', '/proposals/7-1/20210018/'])
      expect(urls).toContain(proposal);
    await p.close();
  });

  it('ranks the proposal and the lead reply above the co-unit opinion (停车)', async () => {
    const p = await browser.newPage();
    const urls = await results(p, q('停车'));
    const lead = urls.indexOf('/proposals/7-1/20210010/gaj/');
    const co = urls.indexOf('/proposals/7-1/20210010/jtj/');
    expect(urls[0]).toBe('/proposals/7-1/20210010/');
    expect(lead).toBeGreaterThanOrEqual(0);
    expect(lead).toBeLessThan(co);
    // A co opinion says so in its result line.
    expect(await p.locator('#search-results li').nth(co).locator('.result-meta').innerText()).toContain('协办意见');
    await p.close();
  });

  it('cuts snippets from the reply text only: no title line, no metadata list, no English joins', async () => {
    const p = await browser.newPage();
    for (const query of ['停车', '养老', '答复']) {
      await results(p, q(query));
      for (const excerpt of await p.locator('#search-results .result-excerpt').allInnerTexts()) {
        expect(excerpt).not.toMatch(/\. |办理结果|答复日期|文号|公开方式|答复第 \d+ 号提案|提案者|提出日期/);
      }
    }
    await p.close();
  });
});

describe('the search page as a reader uses it', () => {
  it('says how many the words alone find when filters leave nothing, and offers the ways out', async () => {
    const p = await browser.newPage();
    expect(await results(p, `${q('养老')}&category=C`)).toEqual([]);
    const status = p.locator('#search-status');
    expect(await status.innerText()).toMatch(/“养老”有 \d+ 条匹配，但没有符合所选条件（办理结果：C 类/);
    expect(await status.locator('a', { hasText: '去掉筛选' }).getAttribute('href')).toBe(`/search/${q('养老')}`);
    expect(await status.locator('a', { hasText: '看主题 养老服务' }).getAttribute('href')).toBe('/topics/elderly/');
    // Values that would find nothing are shown, disabled; the chosen one stays enabled so it can be unticked.
    await p.waitForFunction(
      () => document.querySelector<HTMLInputElement>('input[name="unit"][value="gaj"]')?.disabled,
    );
    expect(await p.locator('input[name="unit"][value="gaj"]').isVisible()).toBe(true);
    expect(await p.locator('input[name="category"][value="C"]').isDisabled()).toBe(false);
    expect(await p.locator('input[name="category"][value="A"]').isDisabled()).toBe(false);
    await p.close();
  });

  it('keeps focus on the box ticked with the keyboard, shows chips, and 清除全部 clears them', async () => {
    const p = await browser.newPage();
    await results(p, q('停车'));
    const box = p.locator('input[name="category"][value="A"]');
    await box.focus();
    await p.keyboard.press('Space');
    await p.waitForURL(/category=A/);
    await p.waitForFunction(() => /找到/.test(document.querySelector('#search-status')?.textContent ?? ''));
    await p.waitForLoadState('networkidle');
    expect(await p.evaluate(() => (document.activeElement as HTMLInputElement | null)?.id)).toBe('f-category-A');
    // Tab moves on from there, not from the top of the page.
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('category');
    await p.keyboard.press('Shift+Tab');
    await p.keyboard.press('Space');
    await p.waitForURL((u) => !u.search.includes('category=A'));
    await p.locator('input[name="unit"][value="gaj"]').check();
    await p.waitForURL(/unit=gaj/);
    await p.locator('input[name="role"][value="lead"]').check();
    await p.waitForURL(/role=lead/);
    const chips = p.locator('#search-chips .chip');
    expect(await chips.allInnerTexts()).toEqual(['答复单位：市公安局 ×', '办理方式：主办 ×']);
    await chips.first().click();
    await p.waitForURL((u) => !u.search.includes('unit=gaj'));
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('办理方式：主办 ×');
    await p.locator('#search-clear').click();
    await p.waitForURL((u) => u.search === q('停车'));
    expect(await p.locator('#search-chips').isVisible()).toBe(false);
    expect(await p.locator('#search-filters input:checked').count()).toBe(0);
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('search-q');
    await p.close();
  });

  it('on a phone, shows results first and folds the filters into 筛选', async () => {
    const p = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await results(p, q('停车'));
    const summary = p.locator('#search-filters-box > summary');
    expect(await summary.innerText()).toContain('筛选');
    expect(await p.locator('#search-filters-box').getAttribute('open')).toBeNull();
    expect(await p.locator('#search-filters fieldset').first().isVisible()).toBe(false);
    const first = await p.locator('#search-results li').first().boundingBox();
    expect(first!.y).toBeLessThan(844);
    await summary.click();
    expect(await p.locator('#search-filters fieldset').first().isVisible()).toBe(true);
    expect(await axe(p)).toEqual([]);
    await p.close();
  });

  it('on a wide screen, shows the filters beside the results', async () => {
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await results(p, q('停车'));
    expect(await p.locator('#search-filters fieldset').first().isVisible()).toBe(true);
    const filters = (await p.locator('#search-filters').boundingBox())!;
    const list = (await p.locator('#search-results').boundingBox())!;
    expect(filters.x + filters.width).toBeLessThanOrEqual(list.x);
    expect(await axe(p)).toEqual([]);
    await p.close();
  });

  it.each([
    ['/search/', 1280, 900],
    ['/search/', 390, 844],
    [`/search/${q('停车')}`, 1280, 900],
    [`/search/${q('停车')}`, 390, 844],
    [`/search/${q('养老')}&category=B`, 390, 844],
  ])('%s at %i×%i: layout shift (CLS) below 0.05', async (path, width, height) => {
    const p = await browser.newPage({ viewport: { width, height } });
    await p.addInitScript(() => {
      const w = window as unknown as { cls: number };
      w.cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
          if (!e.hadRecentInput) w.cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await p.goto(demo.url + path);
    await p.waitForFunction(() =>
      /找到|没有|输入搜索词|匹配/.test(document.querySelector('#search-status')?.textContent ?? ''),
    );
    await p.waitForLoadState('networkidle');
    await p.waitForTimeout(300);
    expect(await p.evaluate(() => (window as unknown as { cls: number }).cls)).toBeLessThan(0.05);
    await p.close();
  });
});
