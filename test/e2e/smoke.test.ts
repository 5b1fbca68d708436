/** The demo content built and read in Chromium, as a visitor would: home → proposal → reply. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { launch } from './browser.ts';
import { build, repoRoot } from './build.ts';
import { serve, type Served } from './serve.ts';

let server: Served;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  const site = build(join(repoRoot, 'content'), { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 0, 1) / 1000) });
  if (!site.ok) throw new Error(site.output);
  server = await serve(site.outDir);
  browser = await launch();
  page = await browser.newPage();
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(e.message));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the demo site in Chromium', () => {
  it('leads from the home page to a proposal and its reply', async () => {
    await page.goto(`${server.url}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('.demo-banner').textContent()).toContain('演示数据');

    await page
      .getByRole('link', { name: /智慧停车/ })
      .first()
      .click();
    await page.waitForURL(/\/proposals\/7-1\/\d+\/$/);
    expect(await page.locator('h1').textContent()).toContain('智慧停车');

    await page
      .getByRole('link', { name: /阅读答复全文/ })
      .first()
      .click();
    await page.waitForURL(/\/proposals\/7-1\/\d+\/[a-z0-9-]+\/$/);
    expect(await page.locator('#p1').count()).toBe(1);
    expect(((await page.locator('.reply-text').textContent()) ?? '').length).toBeGreaterThan(50);
    expect(consoleErrors).toEqual([]);
  }, 60_000);
});
