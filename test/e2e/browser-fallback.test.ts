/**
 * `npm install && npm test` on a machine without Chromium: the harness falls
 * back to the browser inside the @sparticuz/chromium package, and that browser
 * really launches and renders the site. Debian's Chromium stays preferred.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { launch, resolveChromium } from './browser.ts';
import { serve } from './serve.ts';

const nowhere = join(tmpdir(), 'open-replies-no-such-dir', 'chromium');
const scratch = mkdtempSync(join(tmpdir(), 'open-replies-browser-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('choosing the browser', () => {
  it('prefers CHROMIUM_PATH, then Debian, when they exist', () => {
    const fake = join(scratch, 'my-chromium');
    writeFileSync(fake, '');
    expect(resolveChromium({ env: { CHROMIUM_PATH: fake }, debianPath: fake })).toMatchObject({
      source: 'CHROMIUM_PATH',
      executablePath: fake,
    });
    expect(resolveChromium({ env: { CHROMIUM_PATH: nowhere }, debianPath: fake })).toMatchObject({
      source: 'Debian',
      executablePath: fake,
    });
  });
});

describe.runIf(process.platform === 'linux' && process.arch === 'x64')(
  'with neither CHROMIUM_PATH nor Debian Chromium',
  () => {
    it('launches the Chromium of @sparticuz/chromium and renders the demo site', { timeout: 120_000 }, async () => {
      const choice = resolveChromium({ env: { CHROMIUM_PATH: nowhere }, debianPath: nowhere });
      expect(choice.source).toBe('@sparticuz/chromium');
      expect(choice.executablePath).toContain('node_modules');
      const [server, browser] = await Promise.all([serve(inject('demoDist')), launch(choice)]);
      try {
        expect(browser.version()).toMatch(/^\d+\./);
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        await page.goto(`${server.url}/`);
        expect(await page.locator('.demo-banner').textContent()).toContain('演示数据');
        // Scripts run: the search page's script fills in its results.
        await page.goto(`${server.url}/search/?q=${encodeURIComponent('停车')}`);
        await page.locator('#search-results li').first().waitFor({ timeout: 30_000 });
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
        await server.close();
      }
    });
  },
);
