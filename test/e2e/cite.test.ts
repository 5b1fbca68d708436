/**
 * Citing a reply as a member does, in Chromium: every reply page's citations
 * import into a reference manager (citation-js) with every fact; each copy
 * button puts the right citation on the clipboard, with the day of the copy in
 * Beijing as the access date; paragraph numbers are shown in the margin, match
 * #pN and stay out of copied text; print keeps the text, numbers and address
 * and drops what only works on screen.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CitationFacts } from '../../src/lib/citation.ts';
import { dateParts, importCitation } from '../citation-import.ts';
import { axe } from './axe.ts';
import { launch } from './browser.ts';
import { build, repoRoot } from './build.ts';
import { BUILD_EPOCH } from './global-setup.ts';
import { serve, type Served } from './serve.ts';

const demoDist = inject('demoDist');
/** The demo build's date (global-setup's SOURCE_DATE_EPOCH), in Beijing. */
const BUILD_DAY = '2030-01-01';
const REPLY = '/proposals/7-1/20210009/sfj/';
const ORIGIN = 'https://replies.example.org';

let server: Served;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([serve(demoDist), launch()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every built reply page of `dist`: `proposals/<session>/<number>/<unit>/`. */
function replyPages(dist: string): string[] {
  const root = join(dist, 'proposals');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((p) => /^[^/]+\/[^/]+\/[^/]+\/index\.html$/.test(p) && !p.startsWith('filter/'))
    .map((p) => `/proposals/${p.replace(/index\.html$/, '')}`)
    .sort();
}

/** A page in a context that may use the clipboard, its clock fixed at `now` when given. */
async function open(path: string, opts: { now?: string; javaScript?: boolean } = {}) {
  const context: BrowserContext = await browser.newContext({
    permissions: ['clipboard-read', 'clipboard-write'],
    javaScriptEnabled: opts.javaScript ?? true,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  if (opts.now) await page.clock.setFixedTime(new Date(opts.now));
  await page.goto(server.url + path);
  return { page, errors, close: () => context.close() };
}

/** Click a copy button and return what it put on the clipboard, once its status says so. */
async function copy(page: Page, selector: string): Promise<string> {
  await page.evaluate(() => {
    document.querySelector('#cite-status')!.textContent = '';
    return navigator.clipboard.writeText('');
  });
  await page.locator(selector).click();
  await page.waitForFunction(() => (document.querySelector('#cite-status')?.textContent ?? '') !== '');
  expect(await page.locator('#cite-status').textContent()).toMatch(/^已复制/);
  return page.evaluate(() => navigator.clipboard.readText());
}

/** The number each paragraph shows in its margin, as Chromium laid it out (generated text is in no DOM API). */
async function shownNumbers(page: Page): Promise<Map<string, string>> {
  const cdp = await page.context().newCDPSession(page);
  // Only the fields this walk reads of DOMSnapshot.captureSnapshot's answer.
  const snap = (await cdp.send('DOMSnapshot.captureSnapshot', { computedStyles: [] })) as unknown as {
    strings: string[];
    documents: {
      nodes: { parentIndex: number[]; attributes: number[][]; pseudoType: { index: number[]; value: number[] } };
      layout: { nodeIndex: number[]; text: number[] };
    }[];
  };
  const s = snap.strings;
  const { nodes, layout } = snap.documents[0];
  const pseudo = new Map(nodes.pseudoType.index.map((n, k) => [n, s[nodes.pseudoType.value[k]]]));
  const attr = (n: number, name: string) => {
    const a = nodes.attributes[n] ?? [];
    for (let i = 0; i < a.length; i += 2) if (s[a[i]] === name) return s[a[i + 1]];
    return undefined;
  };
  const shown = new Map<string, string>();
  for (let i = 0; i < layout.nodeIndex.length; i++) {
    if (layout.text[i] < 0) continue;
    let before = false;
    for (let n = layout.nodeIndex[i]; n >= 0; n = nodes.parentIndex[n]) {
      if (pseudo.get(n) === 'before') before = true;
      const id = attr(n, 'id');
      if (id && attr(n, 'class')?.split(' ').includes('para')) {
        if (before) shown.set(id, (shown.get(id) ?? '') + s[layout.text[i]]);
        break;
      }
    }
  }
  await cdp.detach();
  return shown;
}

/** The facts the citation box of the page now open holds. */
async function factsOf(page: Page): Promise<CitationFacts> {
  return JSON.parse((await page.locator('.cite').getAttribute('data-facts'))!) as CitationFacts;
}

/** Open every reply page of a site without JavaScript and import its citations; returns the facts per page. */
async function checkEveryReplyPage(dist: string, site: Served): Promise<Map<string, CitationFacts>> {
  const pages = replyPages(dist);
  const seen = new Map<string, CitationFacts>();
  const { page, close } = await open(REPLY, { javaScript: false });
  for (const path of pages) {
    await page.goto(site.url + path);
    const facts = await factsOf(page);
    seen.set(path, facts);
    const url = `${ORIGIN}${path}`;
    // The facts agree with what the page shows on its own.
    expect(facts.url, path).toBe(await page.locator('link[rel=canonical]').getAttribute('href'));
    expect(facts.url, path).toBe(url);
    const docNo = page.locator('.meta dt:text-is("文号") + dd');
    expect(facts.docNo ?? null, path).toBe((await docNo.count()) ? await docNo.textContent() : null);
    expect(facts.author, path).toBe((await page.locator('.reply .eyebrow a').textContent())!.trim());
    for (const id of ['bibtex', 'csl', 'ris']) {
      const text = (await page.locator(`#cite-${id}`).textContent())!;
      expect(importCitation(text), `${path} ${id}`).toEqual({
        title: facts.title,
        authors: [{ name: facts.author, split: false }],
        issued: dateParts(facts.issued),
        accessed: dateParts(BUILD_DAY),
        number: facts.docNo,
        URL: url,
        type: 'report',
      });
    }
    const gbt = (await page.locator('#cite-gbt').textContent())!;
    const titleBlock = facts.docNo ? `${facts.title}: ${facts.docNo}` : facts.title;
    expect(gbt, path).toBe(`${facts.author}. ${titleBlock}[EB/OL]. (${facts.issued})[${BUILD_DAY}]. ${url}.`);
    // Each paragraph shows the number its citation uses.
    const ids = await page.locator('.record-text > .para').evaluateAll((els) => els.map((e) => e.id));
    expect([...(await shownNumbers(page))], path).toEqual(ids.map((id) => [id, `[${id.slice(1)}]`]));
    // Without the script, the page says whose date the access date is.
    expect(await page.locator('#cite-date').textContent(), path).toContain(`引用日期为本页生成日期（${BUILD_DAY}）`);
    expect(await page.locator('.cite button.copy:visible').count(), path).toBe(0);
  }
  await close();
  return seen;
}

describe("every reply page's citations", () => {
  it('import into a reference manager with title, organisation, full dates, 文号 and address (demo site)', async () => {
    const seen = await checkEveryReplyPage(demoDist, server);
    expect(seen.size).toBeGreaterThan(20);
  }, 120_000);

  it("carry the document's own title, and call a co-handling opinion 协办意见 (test/fixtures/cite)", async () => {
    const built = build(join(repoRoot, 'test', 'fixtures', 'cite'), { SOURCE_DATE_EPOCH: BUILD_EPOCH });
    expect(built.ok, built.output).toBe(true);
    const site = await serve(built.outDir);
    try {
      const seen = await checkEveryReplyPage(built.outDir, site);
      expect([...seen.keys()]).toEqual(['/proposals/7-1/20210001/fgw/', '/proposals/7-1/20210001/kjcxw/']);
      expect(seen.get('/proposals/7-1/20210001/fgw/')).toMatchObject({
        title: '关于市政协七届一次会议第20210001号提案答复的函',
        author: '深圳市发展和改革委员会',
        docNo: '深发改函〔2021〕123号',
      });
      expect(seen.get('/proposals/7-1/20210001/kjcxw/')).toMatchObject({
        title: '关于打造我市优势产业链，保障重点产业链安全的提案的协办意见',
        author: '市科技创新委',
        genre: '协办意见',
      });
      expect(seen.get('/proposals/7-1/20210001/kjcxw/')).not.toHaveProperty('docNo');
      const ld: unknown = JSON.parse(
        /<script type="application\/ld\+json">([^<]+)<\/script>/.exec(
          readFileSync(join(built.outDir, 'proposals/7-1/20210001/fgw/index.html'), 'utf8'),
        )![1],
      );
      expect(ld).toMatchObject({
        name: '关于市政协七届一次会议第20210001号提案答复的函',
        identifier: [
          { propertyID: '文号', value: '深发改函〔2021〕123号' },
          { propertyID: '索引号', value: '11440300007542/2021-00123' },
        ],
      });
    } finally {
      await site.close();
    }
  }, 180_000);
});

describe('copy buttons', () => {
  // 17:30 UTC is already the next day in Beijing: the date must be Beijing's, not UTC's.
  const NOW = '2026-03-04T17:30:00Z';
  const TODAY = '2026-03-05';

  it('copy every format of the whole reply, with today in Beijing as the access date', async () => {
    const { page, errors, close } = await open(REPLY, { now: NOW });
    const url = `${ORIGIN}${REPLY}`;
    expect(await page.locator('#cite-date').textContent()).toContain(`北京时间 ${TODAY}`);
    expect(await page.locator('#cite-gbt').textContent()).toContain(`[${TODAY}]`);
    expect(await page.locator('.cite-paragraph').isVisible()).toBe(false);

    expect(await copy(page, '.cite button[data-copy="url"]')).toBe(url);
    const gbt = await copy(page, '.cite button[data-scope="reply"][data-format="gbt"]');
    expect(gbt).toMatch(
      new RegExp(
        `^深圳市司法局\\. 关于大力发展律师行业，助推法治城市示范建设的提案的答复: 深司函〔2021〕\\d+号\\[EB/OL\\]\\. \\(2021-\\d\\d-\\d\\d\\)\\[${TODAY}\\]\\. ${url.replace(/[./]/g, '\\$&')}\\.$`,
      ),
    );
    for (const id of ['bibtex', 'csl', 'ris']) {
      // Each format's text and its copy button are folded; the reader opens it first.
      await page.locator(`details:has(#cite-${id}) > summary`).click();
      const text = await copy(page, `.cite button[data-scope="reply"][data-format="${id}"]`);
      expect(text).toBe(await page.locator(`#cite-${id}`).textContent());
      expect(importCitation(text), id).toMatchObject({
        accessed: dateParts(TODAY),
        URL: url,
        // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers `any`
        number: expect.stringMatching(/^深司函〔2021〕\d+号$/),
        authors: [{ name: '深圳市司法局', split: false }],
      });
      expect(text).not.toMatch(/第\d+段|#p/);
    }
    // A page left open past midnight copies the day of the copy.
    await page.clock.setFixedTime(new Date('2026-03-05T16:10:00Z'));
    expect(await copy(page, '.cite button[data-scope="reply"][data-format="gbt"]')).toContain('[2026-03-06]');
    expect(errors).toEqual([]);
    await close();
  });

  it('copy the paragraph in the address: its link and every format of its citation', async () => {
    const { page, errors, close } = await open(`${REPLY}#p3`, { now: NOW });
    const url = `${ORIGIN}${REPLY}#p3`;
    const panel = page.locator('.cite-paragraph');
    expect(await panel.isVisible()).toBe(true);
    expect(await panel.locator('h3').textContent()).toBe('引用第 3 段');
    expect(await copy(page, '.cite-paragraph button[data-copy="paragraph-url"]')).toBe(url);
    const gbt = await copy(page, '.cite-paragraph button[data-format="gbt"]');
    expect(gbt).toMatch(
      new RegExp(`号\\[EB/OL\\]\\. 第3段\\(2021-\\d\\d-\\d\\d\\)\\[${TODAY}\\]\\. ${url.replace(/[./]/g, '\\$&')}\\.$`),
    );
    expect(gbt).toBe(await panel.locator('pre').textContent());
    for (const id of ['bibtex', 'csl', 'ris']) {
      const text = await copy(page, `.cite-paragraph button[data-format="${id}"]`);
      expect(importCitation(text), id).toMatchObject({ accessed: dateParts(TODAY), URL: url });
      expect(text, id).toContain('第3段');
    }
    // Following another paragraph's number updates the panel.
    await page.locator('#p5 > .pilcrow').click();
    // The panel follows the address's hashchange, which the browser fires after the click has returned.
    await expect.poll(() => panel.locator('h3').textContent()).toBe('引用第 5 段');
    expect(await copy(page, '.cite-paragraph button[data-copy="paragraph-url"]')).toBe(`${ORIGIN}${REPLY}#p5`);
    expect(await page.locator('.cite-paragraph button[data-format="ris"]').textContent()).toBe('复制第 5 段 RIS');
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('paragraph numbers', () => {
  it('are shown in the margin as [N], N being the #pN a citation uses', async () => {
    const { page, close } = await open(REPLY);
    const ids = await page.locator('.record-text > .para').evaluateAll((els) => els.map((e) => e.id));
    expect(ids.length).toBeGreaterThan(3);
    const shown = await shownNumbers(page);
    expect([...shown]).toEqual(ids.map((id) => [id, `[${id.slice(1)}]`]));
    // Visible: inside the viewport and left of the paragraph's text.
    const box = (await page.locator('#p3 > .pilcrow').boundingBox())!;
    const text = (await page.locator('#p3 > :not(.pilcrow)').first().boundingBox())!;
    expect(box.width).toBeGreaterThan(8);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(text.x);
    // The paragraph the citation calls 第3段 is the one numbered [3].
    await page.goto(`${server.url}${REPLY}#p3`);
    expect(await page.locator('.cite-paragraph pre').textContent()).toContain('第3段');
    expect((await shownNumbers(page)).get('p3')).toBe('[3]');
    await close();
  });

  it('are not in the text a reader copies', async () => {
    const { page, close } = await open(REPLY);
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('.record-text')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await page.keyboard.press('Control+C');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.length).toBeGreaterThan(100);
    expect(copied).toContain((await page.locator('#p2 > p').textContent())!.slice(0, 20));
    expect(copied).not.toMatch(/\[\d+\]|¶/);
    await close();
  });

  it('are shown in print too', async () => {
    const { page, close } = await open(REPLY);
    await page.emulateMedia({ media: 'print' });
    expect((await shownNumbers(page)).get('p1')).toBe('[1]');
    expect(await page.locator('#p1 > .pilcrow').isVisible()).toBe(true);
    await close();
  });
});

describe('print', () => {
  it('keeps the text, the citation and the address; drops instructions, buttons and footer links', async () => {
    const { page, close } = await open(`${REPLY}#p3`);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.cite-how', '.cite-date', '.cite-paragraph', '.cite button.copy', '.site-footer a']) {
      const shown = await page.locator(hidden).evaluateAll((els) => els.filter((e) => e.checkVisibility()).length);
      expect(shown, hidden).toBe(0);
    }
    expect(await page.locator('#cite-gbt').isVisible()).toBe(true);
    expect(await page.locator('.print-only').innerText()).toContain(REPLY);
    expect(await page.locator('main').innerText()).not.toContain('点击');
    await close();
  });
});
