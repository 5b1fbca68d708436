/**
 * The public site as people use it, in Chromium: every page type readable
 * (with JavaScript off too), no accessibility violation found by axe, no CSP
 * error, anchors that work, facets that count right, withheld replies without
 * text, and no dead same-site link anywhere.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axe } from './axe.ts';
import { launch } from './browser.ts';
import { deadLinks } from './links.ts';
import { serve, type Served } from './serve.ts';

const demoDist = inject('demoDist');
const fixtureDist = inject('fixtureDist');

let demo: Served;
let fixture: Served;
let browser: Browser;

beforeAll(async () => {
  [demo, fixture, browser] = await Promise.all([serve(demoDist), serve(fixtureDist), launch()]);
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await fixture?.close();
});

/** Open a page, collecting console errors (a CSP violation is one) and failed requests. */
async function open(url: string, opts: { javaScript?: boolean; width?: number } = {}) {
  const context = await browser.newContext({
    javaScriptEnabled: opts.javaScript ?? true,
    viewport: { width: opts.width ?? 1280, height: 900 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const response = await page.goto(url);
  return { page, errors, status: response?.status(), close: () => context.close() };
}

const pageTypes = [
  ['home', '/'],
  ['proposal list', '/proposals/'],
  ['facet page', '/proposals/filter/unit/jtj/'],
  ['proposal', '/proposals/7-1/20210008/'],
  ['proposal with a withheld reply', '/proposals/7-1/20210020/'],
  ['reply', '/proposals/7-1/20210008/rsj/'],
  ['summary reply', '/proposals/7-1/20210016/longhua/'],
  ['unit index', '/units/'],
  ['unit', '/units/jtj/'],
  ['topic index', '/topics/'],
  ['topic', '/topics/transport/'],
  ['session index', '/sessions/'],
  ['session', '/sessions/7-1/'],
  ['key proposals', '/key/'],
  ['disclosure ledger', '/disclosure/'],
  ['about', '/about/'],
  ['about: categories', '/about/categories/'],
  ['about: publishing', '/about/publishing/'],
  ['about: data', '/about/data/'],
  ['stats', '/stats/'],
  ['search', '/search/'],
  ['data', '/data/'],
  ['proposer index', '/proposers/'],
  ['proposers by count', '/proposers/by/count/'],
  ['proposers by sector', '/proposers/by/sector/'],
  ['proposer', '/proposers/committee-population/'],
  ['commitments', '/commitments/'],
  ['reply with commitments', '/proposals/7-1/20210010/gaj/'],
] as const;

describe('every page type', () => {
  it.each(pageTypes)(
    '%s (%s): readable, in Chinese, no axe violation, no console or CSP error',
    async (_name, path) => {
      const { page, errors, status, close } = await open(demo.url + path);
      expect(status).toBe(200);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.locator('main#main').count()).toBe(1);
      expect(await axe(page)).toEqual([]);
      expect(errors).toEqual([]);
      await close();
    },
  );

  it('the 404 page answers an unknown address', async () => {
    const { page, status, close } = await open(`${demo.url}/proposals/7-1/20210017/zsj/`);
    expect(status).toBe(404);
    expect(await page.locator('h1').textContent()).toContain('找不到');
    expect(await axe(page)).toEqual([]);
    await close();
  });

  it('is readable with JavaScript off, on a narrow screen too', async () => {
    for (const width of [1280, 390]) {
      const { page, close } = await open(`${demo.url}/proposals/7-1/20210008/rsj/`, { javaScript: false, width });
      expect(await page.locator('#p1').isVisible()).toBe(true);
      expect((await page.locator('.record-text').innerText()).length).toBeGreaterThan(300);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(overflow).toBe(false);
      await close();
    }
  });
});

describe('a reply page', () => {
  it('numbers its paragraphs, each number a link to the paragraph (shown numbers: cite.test.ts)', async () => {
    const { page, close } = await open(`${demo.url}/proposals/7-1/20210008/rsj/`);
    const ids = await page.locator('.record-text .para').evaluateAll((els) => els.map((e) => e.id));
    expect(ids.slice(0, 3)).toEqual(['p1', 'p2', 'p3']);
    const mark = page.locator('#p2 > .pilcrow');
    expect(await mark.isVisible()).toBe(true);
    await mark.click();
    expect(page.url()).toMatch(/#p2$/);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('p2');
    await close();
  });

  it('shows a correction notice when corrected', async () => {
    const { page, close } = await open(`${demo.url}/proposals/7-1/20210014/mzj/`);
    expect(await page.locator('.correction-notice').textContent()).toMatch(/本答复已更正[\s\S]*\d{4}年/);
    expect(await page.locator('.meta .corrections').count()).toBe(0); // listed once, in the notice
    await close();
  });

  it('prints its address', async () => {
    const { page, close } = await open(`${demo.url}/proposals/7-1/20210008/rsj/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.print-only').innerText()).toContain('/proposals/7-1/20210008/rsj/');
    expect(await page.locator('.site-nav').isVisible()).toBe(false);
    await close();
  });

  it('stays within the budget: HTML + CSS ≤ 30 KB gzipped, no JavaScript needed', () => {
    const html = readFileSync(join(demoDist, 'proposals/7-1/20210008/rsj/index.html'));
    const css = [...html.toString().matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) =>
      readFileSync(join(demoDist, m[1])),
    );
    const bytes = [html, ...css].reduce((s, b) => s + gzipSync(b).length, 0);
    expect(bytes).toBeLessThanOrEqual(30 * 1024);
    // Scripts are only data blocks or deferred modules (the copy buttons): nothing blocks reading.
    for (const tag of html.toString().match(/<script[^>]*>/g) ?? [])
      expect(tag).toMatch(/type="(application\/ld\+json|module)"/);
  });

  it("loads the search page's own script in one request of ≤ 8 KB gzipped, before Pagefind's", () => {
    const html = readFileSync(join(demoDist, 'search/index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(1);
    const script = readFileSync(join(demoDist, scripts[0]), 'utf8');
    // A static import is one more round trip before the search starts; a schema library is code a reader never runs.
    expect(script).not.toMatch(/^import\b|\bimport\s*\{[^}]*\}\s*from/m);
    expect(gzipSync(script).length).toBeLessThanOrEqual(8 * 1024);
  });
});

describe('the fixture site', () => {
  it('shows a withheld reply as category and reason only, and an unpublished one as 暂未公开 alone', async () => {
    const { page, close } = await open(`${fixture.url}/proposals/7-1/20210001/`);
    const withheld = page.locator('.reply-card', { has: page.locator('#reply-mzj') });
    expect(await withheld.innerText()).toMatch(/C 类[\s\S]*涉及工作秘密/);
    expect(await withheld.locator('.record-text').count()).toBe(0);
    for (const unit of ['jtj', 'sfj']) {
      const card = page.locator('.reply-card', { has: page.locator(`#reply-${unit}`) });
      expect((await card.locator('p').allInnerTexts()).join('')).toBe('暂未公开');
      expect(await card.locator('.badge').count()).toBe(0);
    }
    for (const unit of ['mzj', 'jtj', 'sfj']) {
      expect(await page.locator(`a[href^="/proposals/7-1/20210001/${unit}/"]`).count()).toBe(0);
    }
    await close();
  });

  it('counts each facet value as the number of proposals on its pages', async () => {
    const { page, close } = await open(`${fixture.url}/proposals/`);
    const facets = await page.locator('.facets li').evaluateAll((lis) =>
      lis.flatMap((li) => {
        const a = li.querySelector('a');
        const count = li.querySelector('.count');
        return a && count ? [{ href: a.getAttribute('href')!, count: Number(count.textContent) }] : [];
      }),
    );
    expect(facets.length).toBeGreaterThan(5);
    for (const f of facets) {
      await page.goto(fixture.url + f.href);
      expect(await page.locator('.proposal-list > li').count(), f.href).toBe(f.count);
    }
    await close();
  });
});

describe('links', () => {
  it.each([
    ['demo', () => demoDist],
    ['fixture', () => fixtureDist],
  ])('no same-site link is dead in the %s site', (_name, dist) => {
    const { pages, links, dead } = deadLinks(dist());
    expect(pages).toBeGreaterThan(10);
    expect(links).toBeGreaterThan(pages);
    expect(dead).toEqual([]);
  });
});
