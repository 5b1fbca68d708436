/**
 * Replies as governments actually publish them (test/fixtures/real-shapes),
 * built and read as a reader reads them: the document's own title and 索引号,
 * a co-handling opinion named 协办意见 without a category, 等 after the
 * proposers, a key proposal whose supervisor is not named, 未收录 told apart
 * from 暂未公开, a right-aligned 落款 outside the paragraph numbering, an
 * attachment that is not published here, partial official figures without a
 * 0.00% share, and a date written 2024年5月24日.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixturesDir } from '../helpers.ts';
import { launch } from './browser.ts';
import { build, buildsDir, readTree } from './build.ts';
import { BUILD_EPOCH } from './global-setup.ts';
import { serve, type Served } from './serve.ts';

const dist = inject('realShapesDist');
let site: Served;
let browser: Browser;
let tree: Map<string, string>;

beforeAll(async () => {
  [site, browser] = await Promise.all([serve(dist), launch()]);
  tree = readTree(dist);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const response = await page.goto(site.url + path);
  expect(response?.status(), path).toBe(200);
  return { page, close: () => context.close() };
}

/** The visible text of a built page, tags removed and white space collapsed (for pages checked without a browser). */
function text(path: string): string {
  const html = tree.get(path);
  expect(html, path).toBeDefined();
  return html!
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ');
}

describe('a lead unit’s reply with the document’s own title', () => {
  it('is headed by that title, shows 文号 and 索引号, and prints the Chinese date as it reads', async () => {
    const { page, close } = await open('/proposals/10-3/52/cgj/');
    expect(await page.locator('h1').innerText()).toBe('关于对政协十届三次会议第52号提案的答复');
    expect(await page.title()).toContain('关于对政协十届三次会议第52号提案的答复');
    const meta = await page.locator('.reply dl.meta').innerText();
    expect(meta).toMatch(/文号\s*某城管函〔2024〕31号/);
    expect(meta).toMatch(/索引号\s*11341703003249426F\/202003-00055/);
    expect(meta).toMatch(/答复日期\s*2024年5月24日/);
    expect(await page.locator('.reply dl.meta time').first().getAttribute('datetime')).toBe('2024-05-24');
    await close();
  });

  it('keeps the cited title in 〈〉, and the office landline, hotline and public e-mail', async () => {
    const { page, close } = await open('/proposals/10-3/52/cgj/');
    const body = await page.locator('.record-text').innerText();
    expect(body).toContain('《关于印发〈某区2024年城市体检工作方案〉的通知》');
    expect(body).toContain('0755-88123456');
    expect(body).toContain('12345');
    expect(body).toContain('cgjxf@qu.example.gov.cn');
    await close();
  });

  it('sets the 落款 right-aligned on two lines, with no paragraph number, no pN and no ¶', async () => {
    const { page, close } = await open('/proposals/10-3/52/cgj/');
    const sig = page.locator('.record-text .signature');
    expect(await sig.count()).toBe(1);
    expect((await sig.innerText()).split('\n').map((l) => l.trim())).toEqual([
      '某区城市管理和综合执法局',
      '2024年5月24日',
    ]);
    // Right-aligned as it is seen: the lines end at the text's right edge and start well inside it.
    const box = await sig.evaluate((el) => {
      const text = el.getBoundingClientRect();
      // The boxes of the text itself, line by line (not of the block elements around it).
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const lines: DOMRect[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        lines.push(...[...range.getClientRects()].filter((r) => r.width > 0));
      }
      return { right: text.right, left: text.left, lines: lines.map((r) => ({ left: r.left, right: r.right })) };
    });
    expect(box.lines.length).toBeGreaterThanOrEqual(2);
    for (const line of box.lines) {
      expect(line.right).toBeGreaterThan(box.right - 2);
      expect(line.left).toBeGreaterThan(box.left + 100);
    }
    expect(await sig.getAttribute('id')).toBeNull();
    expect(await sig.evaluate((el) => el.closest('.para'))).toBeNull();
    expect(await sig.locator('.pilcrow').count()).toBe(0);
    // The body's five paragraphs keep their numbers; the 落款 is not a sixth.
    const ids = await page.locator('.record-text .para').evaluateAll((els) => els.map((e) => e.id));
    expect(ids).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(await page.locator('#p5').innerText()).toContain('感谢你们对城市管理工作的关心和支持');
    await close();
  });
});

describe('a co-handling opinion (协办意见) without a category', () => {
  it('is titled, introduced and placed in the breadcrumb as a 协办意见, with no category badge', async () => {
    const { page, close } = await open('/proposals/10-3/52/zjj/');
    expect(await page.locator('h1').innerText()).toBe('区住建局关于整治老旧小区违章搭建的提案的协办意见');
    expect(await page.locator('.eyebrow').innerText()).toContain('第 52 号提案的协办意见');
    expect(await page.locator('.eyebrow').innerText()).not.toContain('答复第');
    expect(await page.locator('.breadcrumbs [aria-current="page"]').innerText()).toContain('协办意见');
    expect(await page.locator('.badge').count()).toBe(0);
    expect(await page.locator('.reply dl.meta').innerText()).not.toContain('办理结果');
    expect(await page.locator('.record-text').innerText()).toContain('区城管局：');
    await close();
  });

  it('is listed as 协办意见 on its unit’s page, the home page and in the feed', () => {
    expect(text('units/zjj/index.html')).toContain('第 52 号 · 协办意见');
    expect(text('index.html')).toMatch(/区住建局：关于整治老旧小区违章搭建的提案（协办意见）/);
    const feed = tree.get('feeds/replies.xml')!;
    expect(feed).toContain('<title type="text">区住建局：关于整治老旧小区违章搭建的提案的协办意见</title>');
    expect(feed).toContain('<title type="text">区城管局：关于对政协十届三次会议第52号提案的答复</title>');
  });
});

describe('the proposal page', () => {
  it('names the proposers with 等, and the key proposal’s supervisor as not published', async () => {
    const { page, close } = await open('/proposals/10-3/52/');
    const meta = await page.locator('.proposal dl.meta').innerText();
    expect(meta).toMatch(/提案者\s*马青、周丽等/);
    expect(meta).toContain('重点提案（督办领导未公布）');
    expect(meta).not.toContain('undefined');
    await close();
    expect(text('proposals/index.html')).toContain('马青、周丽等');
    expect(text('key/index.html')).toContain('督办领导未公布（1 件）');
  });

  it('tells a unit with no reply file (未收录) from one whose reply is not yet published (暂未公开)', async () => {
    const { page, close } = await open('/proposals/10-3/52/');
    const card = (unit: string) => page.locator('.reply-card', { has: page.locator(`#reply-${unit}`) });
    expect((await card('jsj').locator('p').allInnerTexts()).join('')).toBe('未收录');
    expect(await card('zjj').locator('h3').innerText()).toContain('协办意见');
    expect(await card('zjj').locator('.badge').count()).toBe(0);
    expect(await card('zjj').innerText()).toContain('单独查看并引用这份协办意见');
    expect(await card('cgj').locator('.badge').count()).toBe(1);
    expect(await page.locator('.slot-counts').innerText()).toMatch(/已公开 2 · 未收录 1/);
    await close();

    const other = await open('/proposals/10-3/2-26/');
    const pending = other.page.locator('.reply-card', { has: other.page.locator('#reply-jyj') });
    expect((await pending.locator('p').allInnerTexts()).join('')).toBe('暂未公开');
    expect(await other.page.locator('.slot-counts').innerText()).toMatch(/已公开 1 · 暂未公开 1/);
    await other.close();
  });

  it('shows an attachment without a file as not published here', async () => {
    const { page, close } = await open('/proposals/10-3/2-26/fgw/');
    const note = page.locator('.attachment-missing');
    expect(await note.innerText()).toBe('附件：《某区中小学课后服务补助资金管理办法》（本站未收录附件文件）');
    expect(await page.locator('a.attachment').count()).toBe(0);
    await close();
  });

  it('takes numbers with letters and hyphens in its address', () => {
    expect(text('proposals/10-4/2025D048/index.html')).toContain('第 2025D048 号提案');
    expect(text('proposals/10-3/2-26/index.html')).toContain('第 2-26 号提案');
  });
});

describe('the ledger', () => {
  it('counts 暂未公开 and 未收录 apart', async () => {
    const { page, close } = await open('/disclosure/');
    const headers = await page.locator('table.numbers thead th').allInnerTexts();
    const row = await page
      .locator('table.numbers tbody tr', { hasText: '区政协十届三次会议' })
      .locator('th, td')
      .allInnerTexts();
    const cell = (name: string) => row[headers.indexOf(name)];
    expect(cell('本站收录')).toBe('4');
    expect(cell('暂未公开')).toBe('1');
    expect(cell('未收录')).toBe('1');
    await close();
  });
});

describe('official figures published in part', () => {
  it('the home page headlines the latest session that has figures, showing only those given', async () => {
    const { page, close } = await open('/');
    const figures = page.locator('section.figures').first();
    expect(await figures.locator('h2').innerText()).toContain('区政协十届三次会议');
    const official = await figures.locator('table').first().innerText();
    expect(official).toMatch(/收到提案\s*214/);
    expect(official).toMatch(/立案\s*187/);
    expect(official).not.toMatch(/交政府系统办理|应有答复|大会提案|A 类/);
    await close();
  });

  it.each(['index.html', 'sessions/10-3/index.html', 'sessions/9-5/index.html', 'stats/index.html'])(
    '%s never reads a share of nothing as “A 类占 0.00”',
    (path) => {
      expect(text(path)).not.toMatch(/A 类占 0\.00%|占 。|占 ，/);
    },
  );

  it('a session whose figures have categories, but nothing on the site yet, shows no 0.00% anywhere', () => {
    const page = text('sessions/9-5/index.html');
    expect(page).toContain('政府公布的答复中，A 类占 62.50%；本站尚未收录可以显示类别的答复。');
    expect(page).not.toMatch(/(?<![\d.])0\.00%/);
    // The site's own table lists no categories when none may be shown.
    expect(page).toMatch(
      /本站收录的答复\s*收录答复\s*0\s*全文公开\s*0\s*摘要公开\s*0\s*不予公开\s*0\s*暂未公开\s*0\s*政府公布/,
    );
  });
});

describe('personal data in a published reply', () => {
  it('fails the build, naming file:line:col, and writes no site', () => {
    const root = mkdtempSync(join(buildsDir, 'real-shapes-mobile-'));
    cpSync(join(fixturesDir, 'real-shapes'), root, { recursive: true });
    const file = join(root, 'proposals/10-3/52/cgj.mdx');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('感谢你们'));
    lines.splice(at + 1, 0, '', '经办人电话：13812345678。');
    writeFileSync(file, lines.join('\n'));
    const result = build(root, { SOURCE_DATE_EPOCH: BUILD_EPOCH });
    expect(result.ok).toBe(false);
    // Line numbers count from 1; the new line is two below 感谢你们… .
    expect(result.output).toContain(`proposals/10-3/52/cgj.mdx:${at + 3}:7`);
    expect(result.output).toContain('138****5678');
    expect(result.output).not.toContain('13812345678');
    expect(existsSync(join(result.outDir, 'index.html'))).toBe(false);
  }, 180_000);
});
