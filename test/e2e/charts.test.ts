/**
 * Charts in Chromium: every chart is an SVG image with a text alternative,
 * drawn without script, and its table and CSV download say the same numbers.
 */
import { csvParseRows } from 'd3-dsv';
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

describe.each(['/stats/', '/sessions/7-1/', '/units/jtj/', '/topics/transport/', '/'])('charts on %s', (path) => {
  it('are images with a name, drawn without JavaScript, and their tables and CSVs hold the numbers drawn', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url + path);
    const figures = page.locator('figure.chart');
    const n = await figures.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const figure = figures.nth(i);
      // One drawing for the column, one re-laid out for phones; the page shows one of them.
      expect(await figure.locator('svg[role="img"]').count()).toBe(2);
      const svg = figure.locator('.chart-wide svg[role="img"]');
      expect(await svg.count()).toBe(1);
      const labelledBy = (await svg.getAttribute('aria-labelledby'))!.split(' ');
      expect(await figure.locator(`[id="${labelledBy[0]}"]`).textContent()).toBeTruthy();
      // Drawn, not collapsed: a chart of a single bar is about 46 px tall.
      expect(await svg.evaluate((e) => e.getBoundingClientRect().height)).toBeGreaterThan(40);

      // Every count in the table is drawn as a label in the chart.
      const svgText = (await svg.locator('text').allTextContents()).join(' ');
      const cells = await figure.locator('table tbody td.num').allTextContents();
      for (const cell of cells.filter((c) => /^\d+$/.test(c) && c !== '0')) expect(svgText).toContain(cell);

      // The CSV is the table, cell for cell.
      const href = await figure.locator('a[download]').getAttribute('href');
      const bytes = Buffer.from(await (await fetch(server.url + href)).arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a BOM, so Excel reads UTF-8
      const parsed = csvParseRows(bytes.toString('utf8').slice(1).trim());
      const header = await figure.locator('table thead th').allTextContents();
      const body = await figure
        .locator('table tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
      expect(parsed).toEqual([header, ...body]);
    }
    await context.close();
  });
});

it("reproduces the report's category shares to the hundredth", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/sessions/7-1/`);
  const table = page.locator('#session-7-1-categories table');
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].slice(2, 4).map((c) => c.textContent)));
  expect(rows).toEqual([
    ['461', '74.84%'],
    ['119', '19.32%'],
    ['32', '5.19%'],
    ['4', '0.65%'],
  ]);
  await page.close();
});

describe.each(['/', '/stats/', '/sessions/7-1/'])('charts on %s at 360 px', (path) => {
  it('draw no text smaller than 11 px: the phone variant, not the wide chart scaled down', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(server.url + path);
    const sizes = await page.evaluate(() =>
      [...document.querySelectorAll('figure.chart svg text')]
        .filter((t) => (t as SVGTextElement).getClientRects().length > 0)
        .map((t) => {
          const svg = (t as SVGTextElement).ownerSVGElement!;
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          return parseFloat(getComputedStyle(t).fontSize) * scale;
        }),
    );
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    // And one drawing per chart is shown.
    const visible = await page.locator('figure.chart svg[role="img"]:visible').count();
    expect(visible).toBe(await page.locator('figure.chart').count());
    await page.close();
  });
});
