/**
 * Proposer pages, commitments, issues raised again, similar replies and
 * satisfaction, as a reader meets them in Chromium: with JavaScript off,
 * linked from where proposers are named, sorted by pre-rendered orders, each
 * chart with its table and a CSV that downloads. Issues raised again need
 * several sessions: a copy of content/ gets the 智慧停车 proposal in two more
 * sessions (see `raisedAgain`).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DataPackage } from '../../src/lib/open-data/index.ts';
import { launch } from './browser.ts';
import { build, repoRoot, type Build } from './build.ts';
import { BUILD_EPOCH } from './global-setup.ts';
import { serve, type Served } from './serve.ts';

const demoDist = inject('demoDist');
let demo: Served;
let browser: Browser;
let again: Build;
let againServed: Served;

/** content/ with the parking proposal 7-1/20210010 filed again in sessions 6-4 and 6-5. */
function raisedAgain(): string {
  const root = join(mkdtempSync(join(tmpdir(), 'open-replies-again-')), 'content');
  cpSync(join(repoRoot, 'content'), root, { recursive: true });
  const source = readFileSync(join(root, 'proposals/7-1/20210010/index.mdx'), 'utf8');
  for (const [session, name, number, title] of [
    ['6-4', '市政协六届四次会议', '20190031', '关于加快智慧停车平台建设的提案'],
    ['6-5', '市政协六届五次会议', '20200017', '关于完善智慧停车治理的提案'],
  ]) {
    writeFileSync(join(root, `sessions/${session}.yaml`), `id: "${session}"\nname: ${name}\n`);
    mkdirSync(join(root, `proposals/${session}/${number}`), { recursive: true });
    writeFileSync(
      join(root, `proposals/${session}/${number}/index.mdx`),
      source
        .replace(/number: "\d+"/, `number: "${number}"`)
        .replace(/title: .*/, `title: ${title}`)
        .replace(/filedOn: \d{4}/, `filedOn: ${session === '6-4' ? 2019 : 2020}`)
        .replace(/\nkey: .*/, ''),
    );
  }
  return root;
}

beforeAll(async () => {
  again = build(raisedAgain(), { SOURCE_DATE_EPOCH: BUILD_EPOCH });
  [demo, browser] = await Promise.all([serve(demoDist), launch()]);
  againServed = await serve(again.outDir);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await againServed?.close();
});

async function open(url: string) {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  return { page, close: () => context.close() };
}

describe('proposers', () => {
  it('are linked from the proposal page and the proposal list', async () => {
    const { page, close } = await open(`${demo.url}/proposals/7-1/20210010/`);
    await page.locator('.meta a[href^="/proposers/"]').first().click();
    expect(page.url()).toMatch(/\/proposers\/[a-z0-9-]+\/$/);
    expect(await page.locator('h1').innerText()).toBe('市政协人口资源环境委员会');
    await page.goto(`${demo.url}/proposals/`);
    expect(await page.locator('.proposal-meta a[href^="/proposers/"]').count()).toBeGreaterThan(10);
    await close();
  });

  it('a proposer page lists proposals with outcomes, key proposals, an outcome chart with table and CSV, and a feed', async () => {
    const { page, close } = await open(`${demo.url}/proposers/committee-population/`);
    expect(await page.locator('#key + ol li').count()).toBeGreaterThan(0);
    expect(await page.locator('#all + ol li').count()).toBe(3);
    const chart = page.locator('figure#proposer-committee-population-categories');
    expect(await chart.locator('svg').count()).toBeGreaterThanOrEqual(1);
    expect(await chart.locator('table tbody tr').count()).toBe(4);
    const csv = await chart.locator('a[download]').getAttribute('href');
    expect(readFileSync(join(demoDist, csv!), 'utf8')).toMatch(/^\uFEFF类别,含义,答复,占比\n/);
    const feed = readFileSync(join(demoDist, 'feeds/proposers/committee-population.xml'), 'utf8');
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(feed).toContain('/proposals/7-1/20210010/gaj/');
    await close();
  });

  it('the listing sorts without JavaScript through pre-rendered orders', async () => {
    const { page, close } = await open(`${demo.url}/proposers/`);
    expect(await page.locator('caption').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^委员/), expect.stringMatching(/^专门委员会/)]),
    );
    await page.locator('th a', { hasText: '提案' }).first().click();
    expect(page.url()).toMatch(/\/proposers\/by\/count\/$/);
    const counts = (await page.locator('tbody tr td:nth-child(3)').allInnerTexts()).map(Number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(await page.locator('th[aria-sort="descending"]').innerText()).toBe('提案');
    await page.locator('.proposer-orders a', { hasText: '按界别' }).click();
    expect(page.url()).toMatch(/\/proposers\/by\/sector\/$/);
    expect(await page.locator('caption').first().innerText()).toMatch(/（\d+）$/);
    await close();
  });

  it('are a table of the open data', () => {
    const csv = readFileSync(join(demoDist, 'data/proposers.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe(
      // The package's CSVs have no BOM (the data package says utf-8); spreadsheets get the XLSX.
      'id,name,kind,sector,proposals,first,key_proposals,sessions,a,b,c,d,published,withheld,unpublished,url',
    );
    expect(csv).toContain('committee-population,市政协人口资源环境委员会,committee,,3,');
    const pkg = JSON.parse(readFileSync(join(demoDist, 'data/datapackage.json'), 'utf8')) as DataPackage;
    expect(pkg.resources.map((r: { name: string }) => r.name)).toEqual(
      expect.arrayContaining(['proposers', 'commitments']),
    );
  });
});

describe('commitments', () => {
  it('are shown beside the reply text, overdue after their due date', async () => {
    const { page, close } = await open(`${demo.url}/proposals/7-1/20210010/gaj/`);
    const list = page.locator('article .commitments');
    expect(await list.locator('li').count()).toBe(2);
    expect(await page.locator('#c1').innerText()).toMatch(/已完成[\s\S]*核实于/);
    expect(await page.locator('#c2').innerText()).toMatch(/已逾期[\s\S]*2023年6月30日/);
    await close();
  });

  it('/commitments/ lists overdue, open, done and dropped, by session, with the overdue chart, its table and CSV', async () => {
    const { page, close } = await open(`${demo.url}/commitments/`);
    for (const id of ['overdue', 'open', 'done', 'dropped']) expect(await page.locator(`h2#${id}`).count()).toBe(1);
    expect(await page.locator('h2#overdue').innerText()).toBe('已逾期（2）');
    expect(await page.locator('section:has(#by-session) tbody tr').count()).toBe(1);
    const chart = page.locator('figure#commitments-overdue-units');
    expect(await chart.locator('table tbody tr').count()).toBe(2);
    expect(readFileSync(join(demoDist, 'data/charts/commitments-overdue-units.csv'), 'utf8')).toMatch(
      /^\uFEFF单位,已逾期/,
    );
    await page.locator('#overdue + div a').first().click();
    expect(page.url()).toMatch(/\/proposals\/7-1\/\d+\/[a-z]+\/#c\d$/);
    await close();
  });

  it('overdue commitments have a feed, and the open data a table', () => {
    const feed = readFileSync(join(demoDist, 'feeds/commitments-overdue.xml'), 'utf8');
    expect(feed.match(/<entry>/g)).toHaveLength(2);
    expect(feed).toContain('2023年6月底前在重点片区试点路内停车泊位动态调价');
    const csv = readFileSync(join(demoDist, 'data/commitments.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(7);
  });
});

describe('issues raised again', () => {
  it('builds', () => expect(again.ok, again.output).toBe(true));

  it('a proposal page shows related proposals from other sessions with their outcomes', async () => {
    const { page, close } = await open(`${againServed.url}/proposals/7-1/20210010/`);
    const related = page.locator('section.related-proposals li');
    expect(await related.count()).toBe(2);
    expect(await related.locator('a').first().getAttribute('href')).toMatch(/^\/proposals\/6-[45]\//);
    expect(await related.first().innerText()).toMatch(/市政协六届[四五]次会议[\s\S]*相似度 0\.\d\d/);
    await close();
  });

  it('a topic page shows the matter raised in three sessions', async () => {
    const { page, close } = await open(`${againServed.url}/topics/transport/`);
    const matter = page.locator('section.recurring details').first();
    expect(await matter.locator('summary').innerText()).toMatch(/3 次会议，3 件提案$/);
    expect(await matter.locator('li a[href^="/proposals/"]').first().getAttribute('href')).toBe(
      '/proposals/6-4/20190031/',
    );
    await close();
  });

  it('and the demo site, with one session, shows none', async () => {
    const { page, close } = await open(`${demo.url}/topics/transport/`);
    expect(await page.locator('section.recurring .empty').count()).toBe(1);
    await close();
  });
});

describe('similar replies and satisfaction', () => {
  it('/stats/ has both as charts with tables and CSV files', async () => {
    const { page, close } = await open(`${demo.url}/stats/`);
    for (const id of ['stats-similar-replies', 'stats-satisfaction-units', 'stats-satisfaction-sessions']) {
      const fig = page.locator(`figure#${id}`);
      expect(await fig.locator('table tbody tr').count(), id).toBeGreaterThan(0);
      expect(readFileSync(join(demoDist, `data/charts/${id}.csv`), 'utf8').startsWith('\uFEFF')).toBe(true);
    }
    expect(await page.locator('#stats-similar-replies-heading').innerText()).toContain('相似答复');
    const header = await page.locator('figure#stats-satisfaction-units thead').innerText();
    expect(header).toMatch(/满意[\s\S]*基本满意[\s\S]*不满意[\s\S]*未注明意见/);
    await close();
  });

  it('a unit page shows its feedback and its similar replies (or says there are none)', async () => {
    const { page, close } = await open(`${demo.url}/units/jtj/`);
    expect(await page.locator('figure#unit-jtj-satisfaction table tbody tr').count()).toBe(4);
    expect(await page.locator('h2#similar').count()).toBe(1);
    await close();
  });
});
