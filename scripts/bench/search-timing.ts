/**
 * `npx tsx scripts/bench/search-timing.ts DIST [QUERY]`, and `searchTimings()`
 * for `npm run bench`: the search page's speed in headless Chromium on a built
 * site — the first results after submitting a query on a page already loaded
 * and idle (pasted, or typed and then Enter), and a cold arrival at
 * /search/?q=… (a fresh browser context, so nothing cached) until the first
 * result is on the page. Each the median of five runs, in milliseconds.
 */
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../../test/e2e/browser.ts';
import { serve } from '../../test/e2e/serve.ts';

const RUNS = 5;
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Resolves once a first result is in the list (checked every frame); returns the page's clock. */
const firstResult = `new Promise((done) => {
  const check = () => (document.querySelector('#search-results li') ? done(performance.now()) : requestAnimationFrame(check));
  check();
})`;

/**
 * The first results after Enter on a page already loaded and idle. `pause` unset: the query is set and
 * submitted in the same instant (pasted). `pause` set: typed as a reader types Chinese — the input method
 * commits the words at once (one input event), and Enter follows `pause` ms later, while the page
 * preloads the words' index chunks. Timed from the submit.
 */
async function ready(browser: Browser, base: string, q: string, pause?: number): Promise<number> {
  const page: Page = await browser.newPage();
  await page.goto(`${base}/search/`);
  await page.waitForFunction(() => /输入搜索词/.test(document.querySelector('#search-status')?.textContent ?? ''));
  // Let Pagefind, loaded on the empty page, finish loading.
  await page.waitForLoadState('networkidle');
  if (pause !== undefined) {
    await page.focus('#search-form input[name="q"]');
    await page.keyboard.insertText(q);
    await page.waitForTimeout(pause);
  }
  const ms = await page.evaluate<number>(`(async () => {
    if (${pause === undefined}) document.querySelector('#search-form input[name="q"]').value = ${JSON.stringify(q)};
    const start = performance.now();
    document.querySelector('#search-form').requestSubmit();
    return (await ${firstResult}) - start;
  })()`);
  await page.close();
  return ms;
}

async function cold(browser: Browser, base: string, q: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/search/?q=${encodeURIComponent(q)}`, { waitUntil: 'commit' });
  // The page's clock starts at navigation: the time from asking for the address to the first result.
  const ms = await page.evaluate<number>(firstResult);
  await context.close();
  return ms;
}

/** A reader's pause between the input method's commit and Enter, for the typed timing. */
export const ENTER_PAUSE_MS = 300;

export async function searchTimings(dist: string, q = '停车'): Promise<{ ready: number; typed: number; cold: number }> {
  const server = await serve(dist);
  const browser = await launch();
  try {
    const r: number[] = [];
    const t: number[] = [];
    const c: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      r.push(await ready(browser, server.url, q));
      t.push(await ready(browser, server.url, q, ENTER_PAUSE_MS));
      c.push(await cold(browser, server.url, q));
    }
    return { ready: median(r), typed: median(t), cold: median(c) };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t = await searchTimings(resolve(process.argv[2] ?? 'dist'), process.argv[3]);
  console.log(
    `first results on a ready page: ${t.ready.toFixed(0)} ms submitted at once, ${t.typed.toFixed(0)} ms typed ` +
      `(Enter ${ENTER_PAUSE_MS} ms after the words); cold arrival at /search/?q=…: ${t.cold.toFixed(0)} ms`,
  );
}
