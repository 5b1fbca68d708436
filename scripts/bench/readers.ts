/**
 * `npx tsx scripts/bench/readers.ts DIST`: what a reader meets, measured in
 * headless Chromium on a built demo site, for docs/benchmarks.md: where the
 * expected record ranks for queries by topic, unit, proposer and proposal
 * number; the layout shift (CLS) of the search page; the share of a
 * 390×844 phone's first screen taken by the banner and header; where the
 * first search result sits on that phone; the smallest chart text at 360 px.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { metaWeights } from '../../src/lib/search.ts';
import { launch } from '../../test/e2e/browser.ts';
import { serve } from '../../test/e2e/serve.ts';

const dist = resolve(process.argv[2] ?? 'dist');
const server = await serve(dist);
const browser = await launch();
/** The sessions' search bundles (/pagefind/<session>/), merged as the search page merges them. */
const [primary, ...merged] = readdirSync(join(dist, 'pagefind')).sort();

/** Position (1-based) of the first result whose address matches, or `—`. */
async function rank(page: Page, q: string, expected: RegExp, filters: Record<string, string[]> = {}) {
  // A string, so the TypeScript runner injects no helpers into browser code.
  const urls = await page.evaluate<string[]>(`(async () => {
    const { createInstance } = await import('/pagefind/${primary}/pagefind.js');
    const options = { baseUrl: '/', ranking: { metaWeights: ${JSON.stringify(metaWeights)} } };
    const pf = createInstance({ basePath: '/pagefind/${primary}/', ...options });
    await pf.options(options);
    await pf.init();
    for (const s of ${JSON.stringify(merged)}) await pf.mergeIndex('/pagefind/' + s + '/', options);
    const f = Object.fromEntries(Object.entries(${JSON.stringify(filters)}).map(([k, v]) => [k, { any: v }]));
    const s = await pf.search(${JSON.stringify(q)}, Object.keys(f).length ? { filters: f } : {});
    return (await Promise.all(s.results.map((r) => r.data()))).map((d) => d.url);
  })()`);
  const i = urls.findIndex((u) => expected.test(u));
  return `${i < 0 ? '—' : i + 1} / ${urls.length}`;
}

/** The page's own search: Pagefind loaded with the options the search page gives it. */
async function pageRank(page: Page, q: string, expected: RegExp, filters = '') {
  await page.goto(`${server.url}/search/?q=${encodeURIComponent(q)}${filters}`);
  await page.waitForFunction(() => /找到|没有/.test(document.querySelector('#search-status')?.textContent ?? ''));
  const urls = await page
    .locator('#search-results li .result-title a')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const i = urls.findIndex((u) => expected.test(u));
  return `${i < 0 ? '—' : i + 1} of first ${urls.length}`;
}

const page = await browser.newPage();
await page.goto(`${server.url}/search/`);
const queries: [string, RegExp, string?][] = [
  ['停车', /\/20210010\/gaj\/$/, '主办 reply (gaj) for 停车'],
  ['养老', /\/20210016\/nanshan\/$/, 'B reply under 养老服务 whose text lacks 养老 (category=B)'],
  ['20210014', /\/20210014\/$/],
  ['第20210014号', /\/20210014\/$/],
  ['20210014号', /\/20210014\/$/],
  ['市民政局', /\/20210014\/mzj\/$/],
  ['深圳市民政局', /\/20210014\/mzj\/$/],
  ['人口资源环境委员会', /\/20210010\/$/, 'a proposal of that committee (proposer)'],
];
console.log('| query | expected | rank, Pagefind defaults | rank on the search page |');
console.log('| --- | --- | --- | --- |');
for (const [q, expected, note] of queries) {
  const filters: Record<string, string[]> = q === '养老' ? { category: ['B'] } : {};
  const raw = await rank(page, q, expected, filters);
  const shown = await pageRank(page, q, expected, q === '养老' ? '&category=B' : '');
  await page.goto(`${server.url}/search/`);
  console.log(`| ${q}${q === '养老' ? ' + B 类' : ''} | ${note ?? expected.source} | ${raw} | ${shown} |`);
}

async function cls(path: string, width: number, height: number) {
  const p = await browser.newPage({ viewport: { width, height } });
  await p.addInitScript(() => {
    (window as unknown as { __cls: number }).__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!e.hadRecentInput) (window as unknown as { __cls: number }).__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await p.goto(server.url + path);
  await p.waitForFunction(() =>
    /找到|没有|输入搜索词/.test(document.querySelector('#search-status')?.textContent ?? ''),
  );
  await p.waitForLoadState('networkidle');
  await p.waitForTimeout(500);
  const v = await p.evaluate<number>('window.__cls');
  await p.close();
  return v.toFixed(3);
}
console.log('\n| page | CLS 1280×900 | CLS 390×844 |\n| --- | --- | --- |');
for (const path of ['/search/', `/search/?q=${encodeURIComponent('停车')}`])
  console.log(`| ${decodeURIComponent(path)} | ${await cls(path, 1280, 900)} | ${await cls(path, 390, 844)} |`);

const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
await phone.goto(`${server.url}/`);
const header = await phone.locator('.site-header').evaluate((e) => e.getBoundingClientRect().bottom);
console.log(`\nbanner + header on a 390×844 phone: ${Math.round(header)} px = ${((header / 844) * 100).toFixed(1)} %`);
await phone.goto(`${server.url}/search/?q=${encodeURIComponent('停车')}`);
await phone.waitForFunction(() => /找到|没有/.test(document.querySelector('#search-status')?.textContent ?? ''));
const first = await phone
  .locator('#search-results li')
  .first()
  .evaluate((e) => e.getBoundingClientRect().top);
console.log(`first result of 停车 on that phone: ${Math.round(first)} px down`);

const narrow = await browser.newPage({ viewport: { width: 360, height: 800 } });
await narrow.goto(`${server.url}/`);
const smallest = await narrow.evaluate(() => {
  let min = Infinity;
  for (const t of document.querySelectorAll('figure.chart svg text')) {
    const r = (t as SVGTextElement).getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const svg = (t as SVGTextElement).ownerSVGElement!;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * scale);
  }
  return min;
});
console.log(`smallest chart text on / at 360 px: ${smallest.toFixed(1)} px`);

await browser.close();
await server.close();
