/**
 * The search page over several session indexes (one Pagefind bundle per
 * session, merged in the browser): the real-shapes fixture has records in two
 * sessions, 10-3 (2024) and 10-4 (2025). Each test drives the page as a reader
 * does — an address opened, a word typed, a box ticked, an order chosen — and
 * compares what it shows with Pagefind run on each bundle alone, in the same
 * browser: the page's merge must give the sum of the parts. Every page also
 * records console errors and failed requests (a bundle's 404), which must be none.
 */
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { metaWeights } from '../../src/lib/search.ts';
import { launch } from './browser.ts';
import { serve, type Served } from './serve.ts';

let site: Served;
let browser: Browser;
/** A page of its own where the test runs Pagefind bundle by bundle. */
let reference: Page;

beforeAll(async () => {
  [site, browser] = await Promise.all([serve(inject('realShapesDist')), launch()]);
  reference = await browser.newPage();
  await reference.goto(`${site.url}/search/`);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const SESSIONS = ['10-3', '10-4'];
/** A word in both sessions' replies and proposals (课后服务, 物业服务, 融资服务平台). */
const WORD = '服务';
type Counts = Record<string, Record<string, number>>;
interface Hit {
  url: string;
  date: string;
}

/** Pagefind on one session's bundle alone, as the page configures it: the hits (in Pagefind's order) and the counts per filter value. */
async function alone(
  session: string,
  q: string | null,
  filters: Record<string, string[]> = {},
  sort?: Record<string, string>,
): Promise<{ hits: Hit[]; counts: Counts }> {
  // A string, so that the test runner does not rewrite the browser's import().
  const script = `(async () => {
    const { createInstance } = await import('/pagefind/${session}/pagefind.js');
    const options = { excerptLength: 40, baseUrl: '/', ranking: { metaWeights: ${JSON.stringify(metaWeights)} } };
    const pf = createInstance({ basePath: '/pagefind/${session}/', ...options });
    await pf.options(options);
    await pf.init();
    await pf.filters();
    const f = Object.fromEntries(Object.entries(${JSON.stringify(filters)}).map(([k, v]) => [k, { any: v }]));
    const s = await pf.search(${JSON.stringify(q)}, { ...(Object.keys(f).length && { filters: f }), ...(${JSON.stringify(sort ?? null)} && { sort: ${JSON.stringify(sort ?? null)} }) });
    const data = await Promise.all(s.results.map((r) => r.data()));
    return { hits: data.map((d) => ({ url: d.url, date: d.meta.date })), counts: s.filters };
  })()`;
  return reference.evaluate<{ hits: Hit[]; counts: Counts }>(script);
}

/** Every session's bundle alone: the hits of all, and the counts summed value by value. */
async function everyBundle(q: string | null, filters: Record<string, string[]> = {}, sort?: Record<string, string>) {
  const parts = await Promise.all(SESSIONS.map((s) => alone(s, q, filters, sort)));
  const counts: Counts = {};
  for (const p of parts)
    for (const [key, values] of Object.entries(p.counts))
      for (const [value, n] of Object.entries(values)) (counts[key] ??= {})[value] = (counts[key][value] ?? 0) + n;
  return { hits: parts.flatMap((p) => p.hits), perSession: parts.map((p) => p.hits.length), counts };
}

interface Opened {
  page: Page;
  /** Console errors, uncaught exceptions, failed requests and error responses seen so far. */
  problems: string[];
  close: () => Promise<void>;
}

async function open(path: string, before?: (page: Page) => Promise<unknown>): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  context.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  context.on('weberror', (e) => problems.push(`exception: ${e.error().message}`));
  // A request the browser cancels because the page was left or reloaded (ERR_ABORTED) is no failure of the site.
  context.on(
    'requestfailed',
    (r) =>
      r.failure()?.errorText !== 'net::ERR_ABORTED' && problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`),
  );
  context.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));
  const page = await context.newPage();
  await before?.(page);
  await page.goto(site.url + path);
  return { page, problems, close: () => context.close() };
}

/** Waits until the status says the search is done, and returns it. */
async function done(page: Page, timeout = 15_000): Promise<string> {
  await page.waitForFunction(
    () => /找到|没有/.test(document.querySelector('#search-status')?.textContent ?? ''),
    null,
    {
      timeout,
    },
  );
  return page.locator('#search-status').innerText();
}

/** The result links as shown, in order: path and paragraph anchor. */
const links = (page: Page) =>
  page.locator('#search-results .result-title a').evaluateAll((as) =>
    as.map((a) => {
      const u = new URL((a as HTMLAnchorElement).href);
      return u.pathname + u.hash;
    }),
  );
const paths = async (page: Page) => (await links(page)).map((l) => l.replace(/#.*/, ''));
const sessionOf = (path: string) => path.split('/')[2];

/** The counts the filter panel shows, for every value it lists. */
const shownCounts = (page: Page) =>
  page
    .locator('#search-filters input[type="checkbox"]')
    .evaluateAll((boxes) =>
      Object.fromEntries(
        (boxes as HTMLInputElement[]).map((b) => [
          `${b.name}=${b.value}`,
          Number(b.parentElement!.querySelector('.count')!.textContent),
        ]),
      ),
    );
/** The counts `counts` gives for the values the panel lists (a value Pagefind does not name counts 0). */
async function expectedCounts(page: Page, counts: (key: string) => Record<string, number>) {
  const keys = Object.keys(await shownCounts(page));
  return Object.fromEntries(
    keys.map((k) => {
      const [key, value] = k.split('=');
      return [k, counts(key)[value] ?? 0];
    }),
  );
}

const q = (s: string) => `?q=${encodeURIComponent(s)}`;

describe('the search page over two sessions’ indexes', { timeout: 60_000 }, () => {
  it('finds a word typed in the box in both sessions, as many hits as the bundles find one by one', async () => {
    const { page, problems, close } = await open('/search/');
    await page.waitForFunction(() => /输入搜索词/.test(document.querySelector('#search-status')?.textContent ?? ''));
    await page.locator('#search-q').fill(WORD);
    await page.locator('#search-q').press('Enter');
    await page.waitForURL((u) => u.search === q(WORD));
    const status = await done(page);
    const expected = await everyBundle(WORD);
    // The word is in both sessions, so the merge has something to prove.
    expect(expected.perSession.every((n) => n > 0)).toBe(true);
    expect(status).toContain(`找到 ${expected.hits.length} 条`);
    const shown = await paths(page);
    expect([...shown].sort()).toEqual(expected.hits.map((h) => h.url).sort());
    expect(new Set(shown.map(sessionOf))).toEqual(new Set(SESSIONS));
    expect(problems).toEqual([]);
    await close();
  });

  it('shows the merged counts per filter value, and a ticked value narrows both sessions’ hits', async () => {
    const { page, problems, close } = await open(`/search/${q(WORD)}`);
    await done(page);
    const all = await everyBundle(WORD);
    // The counts of the words alone, summed over the bundles (the panel shows them once Pagefind's filter index is in).
    const before = await expectedCounts(page, (key) => all.counts[key] ?? {});
    expect(before['session=10-3']).toBeGreaterThan(0);
    expect(before['session=10-4']).toBeGreaterThan(0);
    await expect.poll(() => shownCounts(page), { timeout: 10_000 }).toEqual(before);

    await page.locator('label[for="f-unit-fgw"]').click();
    await page.waitForURL(/unit=fgw/);
    const status = await done(page);
    const fgw = await everyBundle(WORD, { unit: ['fgw'] });
    expect(fgw.perSession.every((n) => n > 0)).toBe(true);
    expect(fgw.hits.length).toBeLessThan(all.hits.length);
    expect(status).toContain(`找到 ${fgw.hits.length} 条`);
    expect((await paths(page)).sort()).toEqual(fgw.hits.map((h) => h.url).sort());
    // The unit group is counted without its own choice, every other group with it.
    const after = await expectedCounts(page, (key) => (key === 'unit' ? all.counts.unit : (fgw.counts[key] ?? {})));
    await expect.poll(() => shownCounts(page), { timeout: 10_000 }).toEqual(after);
    expect(problems).toEqual([]);
    await close();
  });

  it('takes a box ticked while the first search is still counting: the URL, the hits and the counts follow it', async () => {
    // Pagefind's filter index is held back, so the first search shows its hits and then waits to count them.
    const held: Route[] = [];
    let release = false;
    const { page, problems, close } = await open(`/search/${q(WORD)}`, (p) =>
      p.route('**/pagefind/*/filter/**', (route) => (release ? route.continue() : void held.push(route))),
    );
    await done(page);
    expect(held.length).toBeGreaterThan(0);
    await page.locator('label[for="f-unit-fgw"]').click();
    await page.waitForURL(/unit=fgw/, { timeout: 5_000 });
    release = true;
    await Promise.all(held.splice(0).map((r) => r.continue()));
    const fgw = await everyBundle(WORD, { unit: ['fgw'] });
    await expect.poll(() => page.locator('#search-status').innerText()).toContain(`找到 ${fgw.hits.length} 条`);
    expect((await paths(page)).sort()).toEqual(fgw.hits.map((h) => h.url).sort());
    expect(await page.locator('#f-unit-fgw').isChecked()).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  it('with a session chosen, searches that session’s index alone and shows only its hits', async () => {
    // The other session's bundle is held back until the results are shown: they must not need it.
    const held: Route[] = [];
    let release = false;
    const { page, problems, close } = await open(`/search/${q(WORD)}&session=10-4`, (p) =>
      p.route('**/pagefind/10-3/**', (route) => (release ? route.continue() : void held.push(route))),
    );
    const status = await done(page, 10_000).catch(() => {
      throw new Error(`no results while 10-3's bundle is held back (${held.length} requests held)`);
    });
    const only = await alone('10-4', WORD);
    expect(status).toContain(`找到 ${only.hits.length} 条`);
    const shown = await paths(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.sort()).toEqual(only.hits.map((h) => h.url).sort());
    expect(await page.locator('#f-session-10-4').isChecked()).toBe(true);
    // Then the session group's counts, counted in every session's bundle, so that 10-3 can be added.
    release = true;
    await Promise.all(held.map((r) => r.continue()));
    const other = await alone('10-3', WORD);
    await expect
      .poll(() => page.locator('label[for="f-session-10-3"] .count').textContent(), { timeout: 10_000 })
      .toBe(String(other.hits.length));
    expect(problems).toEqual([]);
    await close();
  });

  it('sorts by date across the sessions, newest or oldest first', async () => {
    const { page, problems, close } = await open(`/search/${q(WORD)}&sort=newest`);
    await done(page);
    const { hits } = await everyBundle(WORD);
    const newest = [...hits].sort((a, b) => b.date.localeCompare(a.date)).map((h) => h.url);
    // Dates of both sessions, all different, so the order is one and only one.
    expect(new Set(hits.map((h) => h.date)).size).toBe(hits.length);
    expect(await paths(page)).toEqual(newest);
    expect(await page.locator('#search-status').innerText()).toContain('新的在前');
    await page.locator('#search-sort').selectOption('oldest');
    await page.waitForURL(/sort=oldest/);
    await page.waitForFunction(() => /早的在前/.test(document.querySelector('#search-status')?.textContent ?? ''));
    expect(await paths(page)).toEqual([...newest].reverse());
    expect(problems).toEqual([]);
    await close();
  });

  it('marks the word in the snippets of both sessions’ hits', async () => {
    const { page, problems, close } = await open(`/search/${q(WORD)}`);
    await done(page);
    const marked = new Set<string>();
    const items = page.locator('#search-results li');
    for (let i = 0; i < (await items.count()); i++) {
      const item = items.nth(i);
      const path = new URL((await item.locator('.result-title a').getAttribute('href'))!, site.url).pathname;
      const marks = await item.locator('.result-excerpt mark').allInnerTexts();
      const excerpt = await item.locator('.result-excerpt').innerText();
      // Where the snippet shows the word, it is marked.
      if (excerpt.includes(WORD))
        expect(
          marks.some((m) => m.includes(WORD)),
          path,
        ).toBe(true);
      if (marks.some((m) => m.includes(WORD))) marked.add(sessionOf(path));
    }
    expect(marked).toEqual(new Set(SESSIONS));
    expect(problems).toEqual([]);
    await close();
  });

  it('links each hit to the paragraph of its session’s page that holds the word', async () => {
    const { page, problems, close } = await open(`/search/${q(WORD)}`);
    await done(page);
    const anchored = (await links(page)).filter((l) => /#p\d+$/.test(l));
    expect(new Set(anchored.map(sessionOf))).toEqual(new Set(SESSIONS));
    // Followed in a tab of its own, as the search page goes on counting.
    const reply = await page.context().newPage();
    for (const link of anchored) {
      const [path, id] = link.split('#');
      expect((await reply.goto(site.url + link))?.status(), link).toBe(200);
      const paragraph = reply.locator(`[id="${id}"]`);
      expect(await paragraph.count(), link).toBe(1);
      expect(await paragraph.innerText(), link).toContain(WORD);
      expect(new URL(reply.url()).pathname).toBe(path);
    }
    expect(problems).toEqual([]);
    await close();
  });

  it('restores query, filters, order and results from the address, and writes changes back', async () => {
    const { page, problems, close } = await open(`/search/${q(WORD)}&category=A&sort=oldest`);
    await done(page);
    expect(await page.locator('#search-q').inputValue()).toBe(WORD);
    expect(await page.locator('#f-category-A').isChecked()).toBe(true);
    expect(await page.locator('#search-sort').inputValue()).toBe('oldest');
    const a = await everyBundle(WORD, { category: ['A'] });
    expect(a.perSession.every((n) => n > 0)).toBe(true);
    const oldest = [...a.hits].sort((x, y) => x.date.localeCompare(y.date)).map((h) => h.url);
    expect(await paths(page)).toEqual(oldest);

    // Another word typed, a session ticked: the address follows, and the page shows that search.
    await page.locator('#search-q').fill('委员');
    await page.locator('#search-q').press('Enter');
    await page.waitForURL((u) => new URLSearchParams(u.search).get('q') === '委员');
    await page.locator('label[for="f-session-10-3"]').click();
    await page.waitForURL(/session=10-3/);
    const url = new URL(page.url());
    expect(url.searchParams.getAll('category')).toEqual(['A']);
    expect(url.searchParams.get('sort')).toBe('oldest');
    await done(page);
    const narrowed = await alone('10-3', '委员', { category: ['A'] });
    expect((await paths(page)).sort()).toEqual(narrowed.hits.map((h) => h.url).sort());

    // Back: the search before the session was ticked comes back, from both sessions.
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('session='));
    await page.waitForFunction(() => !document.querySelector<HTMLInputElement>('#f-session-10-3')!.checked);
    await done(page);
    const both = await everyBundle('委员', { category: ['A'] });
    expect(both.perSession.every((n) => n > 0)).toBe(true);
    await expect
      .poll(async () => (await paths(page)).sort(), { timeout: 10_000 })
      .toEqual(both.hits.map((h) => h.url).sort());

    // A reload of the address gives the same.
    await page.reload();
    await done(page);
    expect(await page.locator('#search-q').inputValue()).toBe('委员');
    expect((await paths(page)).sort()).toEqual(both.hits.map((h) => h.url).sort());
    expect(problems).toEqual([]);
    await close();
  });
  it('with one session’s index missing from the host, shows the other’s hits and says which session is left out', async () => {
    const { page, problems, close } = await open(`/search/${q(WORD)}`, (p) =>
      p.route('**/pagefind/10-4/**', (route) => route.fulfill({ status: 404, body: 'Not Found' })),
    );
    const status = await done(page);
    const only = await alone('10-3', WORD);
    const name = await page.evaluate(
      () =>
        (
          JSON.parse(document.querySelector('#search-labels')!.textContent) as {
            labels: { session: Record<string, string> };
          }
        ).labels.session['10-4'],
    );
    expect(status).toContain(`找到 ${only.hits.length} 条`);
    expect(status).toContain(`${name}的记录暂时无法搜索`);
    expect((await paths(page)).sort()).toEqual(only.hits.map((h) => h.url).sort());
    // The only failures are the missing index's own: the page asked once and went on without it.
    expect(problems.length).toBeGreaterThan(0);
    // (The browser logs each 404 to the console too, without its address.)
    const others = problems.filter((p) => !p.includes('/pagefind/10-4/') && !/Failed to load resource.*404/.test(p));
    expect(others).toEqual([]);
    await close();
  });

  it('asks for Pagefind’s script in the page itself, one copy for every session’s bundle', async () => {
    const { page, problems, close } = await open(`/search/${q(WORD)}`);
    await done(page);
    // Preloaded by the page's HTML, before the search script runs: the first session's copy.
    expect(await page.locator('link#pagefind-module').getAttribute('rel')).toBe('modulepreload');
    expect(await page.locator('link#pagefind-module').getAttribute('href')).toBe(
      `/pagefind/${SESSIONS[0]}/pagefind.js`,
    );
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.endsWith('/pagefind.js')),
    );
    expect(scripts).toEqual([`/pagefind/${SESSIONS[0]}/pagefind.js`]);
    expect(problems).toEqual([]);
    await close();
  });

  it('shows a new search’s results when it starts while the last one’s are still loading', async () => {
    // The results' fragments are held back until both searches have started.
    const held: Route[] = [];
    let holding = true;
    const { page, problems, close } = await open('/search/', (p) =>
      p.route('**/fragment/**', (route) => (holding ? held.push(route) : route.continue())),
    );
    await page.waitForFunction(() => /输入搜索词/.test(document.querySelector('#search-status')?.textContent ?? ''));
    await page.locator('#search-q').fill('委员');
    await page.locator('#search-q').press('Enter');
    await expect.poll(() => held.length).toBeGreaterThan(0);
    await page.locator('#search-q').fill(WORD);
    await page.locator('#search-q').press('Enter');
    // Time for the second search to reach its results (the fixture's indexes are small).
    await page.waitForTimeout(1_000);
    holding = false;
    await Promise.all(held.map((r) => r.continue()));
    const status = await done(page);
    const both = await everyBundle(WORD);
    expect(status).toContain(`找到 ${both.hits.length} 条`);
    await expect
      .poll(async () => (await paths(page)).sort(), { timeout: 10_000 })
      .toEqual(both.hits.map((h) => h.url).sort());
    expect(problems).toEqual([]);
    await close();
  });

  it('asks for each other session’s entry file once: no check before Pagefind’s own request', async () => {
    // Pagefind asks from its worker: its requests are the page's too, but not in the page's own resource timing.
    const entries: string[] = [];
    const { page, problems, close } = await open(`/search/${q(WORD)}`, (p) =>
      Promise.resolve(
        p.on('request', (r) => r.url().includes('/pagefind-entry.json') && entries.push(new URL(r.url()).pathname)),
      ),
    );
    await done(page);
    const times = (s: string) => entries.filter((p) => p === `/pagefind/${s}/pagefind-entry.json`).length;
    // The first bundle is checked beside Pagefind's request, since Pagefind would wait forever on it.
    expect(times(SESSIONS[0])).toBe(2);
    for (const s of SESSIONS.slice(1)) expect(times(s)).toBe(1);
    expect(problems).toEqual([]);
    await close();
  });

  it('with the first session’s bundle missing, loads Pagefind from the other and finds its hits', async () => {
    const { page, problems, close } = await open(`/search/${q(WORD)}`, (p) =>
      p.route(`**/pagefind/${SESSIONS[0]}/**`, (route) => route.fulfill({ status: 404, body: 'Not Found' })),
    );
    const status = await done(page);
    const only = await alone(SESSIONS[1], WORD);
    expect(status).toContain(`找到 ${only.hits.length} 条`);
    expect(status).toContain('暂时无法搜索');
    expect((await paths(page)).sort()).toEqual(only.hits.map((h) => h.url).sort());
    const others = problems.filter(
      (p) => !p.includes(`/pagefind/${SESSIONS[0]}/`) && !/Failed to load resource.*404/.test(p),
    );
    expect(others).toEqual([]);
    await close();
  });

  it('while the reader types, fetches the index chunks of the words, so Enter needs no index request', async () => {
    const { page, problems, close } = await open('/search/');
    await page.waitForFunction(() => /输入搜索词/.test(document.querySelector('#search-status')?.textContent ?? ''));
    await page.waitForLoadState('networkidle');
    const chunks: string[] = [];
    page.on('request', (r) => /\.pf_index$/.test(r.url()) && chunks.push(new URL(r.url()).pathname));
    // Loading Pagefind on the empty page fetched no words' index yet.
    expect(
      await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.pf_index'))),
    ).toEqual([]);
    // An input method commits the words at once; the reader then pauses before Enter.
    await page.locator('#search-q').focus();
    await page.keyboard.insertText(WORD);
    await expect.poll(() => new Set(chunks.map(sessionOf)).size, { timeout: 5_000 }).toBe(SESSIONS.length);
    await page.waitForLoadState('networkidle');
    const typed = chunks.length;
    await page.locator('#search-q').press('Enter');
    const status = await done(page);
    expect(status).toContain(`找到 ${(await everyBundle(WORD)).hits.length} 条`);
    // Every chunk the search needed was fetched while typing.
    expect(chunks.length).toBe(typed);
    expect(problems).toEqual([]);
    await close();
  });

  it('with no index on the host, says search is not available and links to browsing, and tries again on the next search', async () => {
    let missing = true;
    const { page, close } = await open(`/search/${q(WORD)}`, (p) =>
      p.route('**/pagefind/**', (route) =>
        missing ? route.fulfill({ status: 404, body: 'Not Found' }) : route.continue(),
      ),
    );
    await page.waitForFunction(
      () => /搜索暂时无法使用/.test(document.querySelector('#search-status')?.textContent ?? ''),
      null,
      { timeout: 15_000 },
    );
    expect(await page.locator('#search-status a').getAttribute('href')).toBe('/proposals/');
    // The host comes back: the next search loads the indexes instead of keeping the failure.
    missing = false;
    await page.locator('#search-q').press('Enter');
    const status = await done(page);
    expect(status).toContain(`找到 ${(await everyBundle(WORD)).hits.length} 条`);
    expect(status).not.toContain('暂时无法搜索');
    await close();
  });
});
