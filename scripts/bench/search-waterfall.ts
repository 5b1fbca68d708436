/**
 * `npx tsx scripts/bench/search-waterfall.ts DIST [QUERY]`: where a search's time goes, in headless Chromium
 * on a built site. For a cold arrival at /search/?q=… and for a query submitted on a ready page, it prints each
 * kind of request (Pagefind's entry files, metadata, WebAssembly, index chunks, filter chunks, fragments, the
 * page's own scripts) with how many were asked for, when the first started and the last ended, and the moment
 * the first result was on the page, in milliseconds from the navigation or the submit.
 */
import { resolve } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { launch } from '../../test/e2e/browser.ts';
import { serve } from '../../test/e2e/serve.ts';

const kind = (url: string): string => {
  const p = new URL(url).pathname;
  if (p.endsWith('pagefind-entry.json')) return 'entry';
  if (p.endsWith('.pf_meta')) return 'meta';
  if (p.includes('/index/')) return 'index chunk';
  if (p.includes('/filter/')) return 'filter chunk';
  if (p.includes('/fragment/')) return 'fragment';
  if (p.includes('wasm')) return 'wasm';
  if (p.endsWith('.js'))
    return `script ${p
      .split('/')
      .pop()
      ?.replace(/\.[\w-]{8}\.js$/, '.js')}`;
  return p.endsWith('/') ? 'page' : `other ${p.split('.').pop()}`;
};

interface Row {
  n: number;
  first: number;
  last: number;
}

/** Requests started after `t0` (epoch ms), grouped by kind: count, first start, last end (ms after t0). */
function waterfall(requests: Request[], t0: number): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const r of requests) {
    const t = r.timing();
    if (t.startTime < t0 || t.responseEnd < 0) continue;
    const start = t.startTime - t0;
    const end = start + t.responseEnd;
    const k = kind(r.url());
    const row = rows.get(k) ?? { n: 0, first: Infinity, last: 0 };
    rows.set(k, { n: row.n + 1, first: Math.min(row.first, start), last: Math.max(row.last, end) });
  }
  return rows;
}

const firstResult = `new Promise((done) => {
  const check = () => (document.querySelector('#search-results li') ? done(performance.now()) : requestAnimationFrame(check));
  check();
})`;

function print(title: string, rows: Map<string, Row>, result: number) {
  console.log(`\n${title}: first result at ${Math.round(result)} ms`);
  for (const [k, r] of [...rows].sort((a, b) => a[1].first - b[1].first))
    console.log(`  ${k.padEnd(28)} ${String(r.n).padStart(4)}  ${Math.round(r.first)}–${Math.round(r.last)} ms`);
}

async function main() {
  const dist = resolve(process.argv[2]);
  const q = process.argv[3] ?? '停车';
  const server = await serve(dist);
  const browser = await launch();
  try {
    for (let round = 0; round < 2; round++) {
      const context = await browser.newContext();
      const page: Page = await context.newPage();
      const requests: Request[] = [];
      page.on('requestfinished', (r) => requests.push(r));
      await page.goto(`${server.url}/search/?q=${encodeURIComponent(q)}`, { waitUntil: 'commit' });
      const at = await page.evaluate<number>(firstResult);
      await page.waitForLoadState('networkidle');
      const navStart = await page.evaluate<number>('performance.timeOrigin');
      print(`cold arrival ${round + 1}`, waterfall(requests, navStart), at);
      // A ready page: the same context, an empty search page loaded and idle, then the query submitted.
      const ready = await context.newPage();
      const rq: Request[] = [];
      ready.on('requestfinished', (r) => rq.push(r));
      await ready.goto(`${server.url}/search/`);
      await ready.waitForLoadState('networkidle');
      const origin = await ready.evaluate<number>('performance.timeOrigin');
      const [start, end] = await ready.evaluate<[number, number]>(`(async () => {
        document.querySelector('#search-form input[name="q"]').value = ${JSON.stringify(q)};
        const start = performance.now();
        document.querySelector('#search-form').requestSubmit();
        return [start, await ${firstResult}];
      })()`);
      await ready.waitForLoadState('networkidle');
      print(`ready page ${round + 1}`, waterfall(rq, origin + start), end - start);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
