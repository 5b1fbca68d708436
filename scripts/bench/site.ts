/**
 * `npx tsx scripts/bench/site.ts DIST`: measures of a built site, for
 * docs/benchmarks.md. Search: records, index size, and a first query in
 * headless Chromium (bytes transferred and time to results, cold cache).
 * Pages: gzipped HTML + CSS of a typical reply page and of /stats/.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from '../../test/e2e/browser.ts';
import { serve } from '../../test/e2e/serve.ts';

const dist = resolve(process.argv[2] ?? 'dist');
const query = process.argv[3] ?? '停车';

function size(dir: string): number {
  return (
    readdirSync(dir, { recursive: true })
      .map((f) => join(dir, String(f)))
      // The build's precompressed .br/.gz copies are alternatives, not more index.
      .filter((f) => statSync(f).isFile() && !/\.(?:br|gz)$/.test(f))
      .reduce((s, f) => s + statSync(f).size, 0)
  );
}

function pageWeight(path: string): number {
  const html = readFileSync(join(dist, path));
  const css = [...html.toString().matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) =>
    readFileSync(join(dist, m[1])),
  );
  return [html, ...css].reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0);
}

// One Pagefind bundle per session (/pagefind/<session>/): the records are summed over all.
const records = readdirSync(join(dist, 'pagefind'))
  .map(
    (session) =>
      JSON.parse(readFileSync(join(dist, 'pagefind', session, 'pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, { page_count: number }>;
      },
  )
  .flatMap((entry) => Object.values(entry.languages))
  .reduce((s, l) => s + l.page_count, 0);
const replyPage = readdirSync(join(dist, 'proposals'), { recursive: true })
  .map(String)
  .find((f) => /^[^/]+\/\d+\/[a-z0-9-]+\/index\.html$/.test(f))!;

const server = await serve(dist);
const browser = await launch();
const context = await browser.newContext();
const page = await context.newPage();
// Playwright's request events include those of Pagefind's web worker (a CDP session on the page would miss them).
let bytes = 0;
page.on('requestfinished', (req) => {
  if (req.url().includes('/pagefind/'))
    void req
      .sizes()
      .then((s) => (bytes += s.responseBodySize + s.responseHeadersSize))
      .catch(() => {});
});
await page.goto(`${server.url}/search/`);
await page.waitForFunction(() => document.querySelector('#search-status')?.textContent?.includes('输入搜索词'));
// A reader takes a moment to type: let the page's warm-up (Pagefind's worker, WebAssembly, metadata) finish.
await page.waitForLoadState('networkidle');
// A string, so the TypeScript runner injects no helpers into browser code.
const ms = await page.evaluate<number>(`(async () => {
  const input = document.querySelector('#search-q');
  input.value = ${JSON.stringify(query)};
  const start = performance.now();
  document.querySelector('#search-form').requestSubmit();
  await new Promise((done) => {
    const check = () => (/找到|没有找到/.test(document.querySelector('#search-status')?.textContent ?? '') ? done() : requestAnimationFrame(check));
    check();
  });
  return performance.now() - start;
})()`);
const bytesAtResults = bytes;
const results = await page.locator('#search-results li').count();

// The header's search box: arriving at /search/?q=… with a cold cache, until the results are shown.
const arrival = await browser.newContext();
const page2 = await arrival.newPage();
let arrivalBytes = 0;
page2.on('requestfinished', (req) => {
  if (req.url().includes('/pagefind/'))
    void req
      .sizes()
      .then((s) => (arrivalBytes += s.responseBodySize + s.responseHeadersSize))
      .catch(() => {});
});
await page2.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
await page2.waitForFunction(() => /找到|没有找到/.test(document.querySelector('#search-status')?.textContent ?? ''));
const arrivalMs = await page2.evaluate<number>('performance.now()');
const arrivalBytesAtResults = arrivalBytes;
await browser.close();
await server.close();

console.log(`| search records | ${records} |`);
console.log(`| search index size (dist/pagefind) | ${(size(join(dist, 'pagefind')) / 1024 / 1024).toFixed(1)} MB |`);
console.log(
  `| first query “${query}”: Pagefind bytes transferred (page load + query) | ${(bytesAtResults / 1024).toFixed(0)} KB |`,
);
console.log(`| first query “${query}”: time from submit to results shown | ${ms.toFixed(0)} ms (${results} shown) |`);
console.log(
  `| arriving at /search/?q=${query} (cold): Pagefind bytes until results | ${(arrivalBytesAtResults / 1024).toFixed(0)} KB |`,
);
console.log(
  `| arriving at /search/?q=${query} (cold): time from navigation to results shown | ${arrivalMs.toFixed(0)} ms |`,
);
console.log(
  `| reply page HTML + CSS, gzipped (${replyPage}) | ${(pageWeight(join('proposals', replyPage)) / 1024).toFixed(1)} KB |`,
);
console.log(`| /stats/ HTML + CSS, gzipped | ${(pageWeight('stats/index.html') / 1024).toFixed(1)} KB |`);
