/** The demo content read in Chromium, as a visitor would: home → proposal → reply → back. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from './browser.ts';
import { serve, type Served } from './serve.ts';

let server: Served;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([serve(inject('demoDist')), launch()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the demo site in Chromium', () => {
  it('leads from the home page to a proposal, its reply and back', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${server.url}/`);
    expect(await page.locator('.demo-banner').textContent()).toContain('演示数据');

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '提案', exact: true }).click();
    await page.waitForURL(/\/proposals\/$/);
    await page
      .getByRole('link', { name: /智慧停车/ })
      .first()
      .click();
    await page.waitForURL(/\/proposals\/7-1\/\d+\/$/);
    expect(await page.locator('h1').textContent()).toContain('智慧停车');

    await page
      .getByRole('link', { name: /单独查看并引用这份答复/ })
      .first()
      .click();
    await page.waitForURL(/\/proposals\/7-1\/\d+\/[a-z0-9-]+\/$/);
    expect(await page.locator('#p1').count()).toBe(1);
    expect((await page.locator('.record-text').innerText()).length).toBeGreaterThan(50);

    await page.getByRole('link', { name: /回到提案/ }).click();
    await page.waitForURL(/\/proposals\/7-1\/\d+\/$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sends a search from the header to /search/ with the query in the address', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/units/`);
    await page.getByRole('searchbox', { name: '搜索答复全文' }).fill('停车');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('停车');
    await page.close();
  });
});
