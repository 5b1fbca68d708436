/**
 * Citing and open data on a built site: the downloads hold exactly the
 * published replies, CSV and JSON agree, the data package describes the files
 * as they are, citations carry the right facts, feeds are well-formed Atom
 * with the right entries, and two builds of the same content are identical.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Package } from 'datapackage';
import ExcelJS from 'exceljs';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Browser, Page } from 'playwright-core';
import { SKIP, visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findBannedTerms } from '../../src/lib/glossary.ts';
import { BOM, parseCsv, tableNames, tables, type DataPackage, type TableName } from '../../src/lib/open-data/index.ts';
import { fixturesDir } from '../helpers.ts';
import { launch } from './browser.ts';
import { build, readTree } from './build.ts';
import { BUILD_EPOCH } from './global-setup.ts';

const fixtureDist = inject('fixtureDist');
const demoDist = inject('demoDist');
const read = (dist: string, path: string) => readFileSync(join(dist, path), 'utf8');

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage();
});
afterAll(async () => browser?.close());

describe('downloads', () => {
  it('hold exactly the published replies, and the withheld ones as metadata only', () => {
    const replies = parseCsv(read(fixtureDist, 'data/replies.csv'), tables.replies.fields);
    expect(replies.map((r) => r.id)).toEqual(['7-1/20210001/gaj', '7-1/20210002/fgw']);
    expect(replies[0].text).toContain('PUBLIC-SENTINEL-4K8');
    const withheld = parseCsv(read(fixtureDist, 'data/withheld.csv'), tables.withheld.fields);
    expect(withheld).toEqual([
      expect.objectContaining({ id: '7-1/20210001/mzj', unit: 'mzj', category: 'C', withheld_reason: 'work-secret' }),
    ]);
    expect(Object.keys(withheld[0])).not.toContain('text');
    for (const file of ['replies.csv', 'replies.json', 'proposals.csv', 'withheld.csv', 'units.csv']) {
      expect(read(fixtureDist, `data/${file}`)).not.toMatch(/CANARY|20210001\/jtj|20210001\/sfj/);
    }
  });

  it.each(tableNames)('%s: CSV (no BOM), JSON and XLSX hold the same rows', async (name) => {
    const csv = read(demoDist, `data/${name}.csv`);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    const json = JSON.parse(read(demoDist, `data/${name}.json`)) as Record<string, unknown>[];
    expect(parseCsv(csv, tables[name].fields)).toEqual(json);
    expect(json.length).toBeGreaterThan(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(demoDist, `data/${name}.xlsx`)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(tables[name].fields.map((f) => f.title));
    expect(ws.rowCount).toBe(json.length + 1);
    const fields = tables[name].fields;
    json.forEach((row: Record<string, unknown>, i: number) => {
      const cells = ws.getRow(i + 2);
      fields.forEach((f, j) =>
        expect(cells.getCell(j + 1).value ?? null, `${name} ${i} ${f.name}`).toEqual(row[f.name]),
      );
    });
  });

  it('reply rows are readable: labels beside codes, plain text without tags, the proposal’s facts joined', () => {
    const rows = parseCsv(read(demoDist, 'data/replies.csv'), tables.replies.fields);
    for (const r of rows) {
      expect(r.text, r.id as string).not.toMatch(/<\/?(Aside|Redacted|Attachment|Signature)|^\s|\*\*|¶/);
      expect(r.session_name).toMatch(/^市政协/);
      expect(r.role_label).toMatch(/^(主办|协办|分办)$/);
      if (r.category !== null) expect(r.category_label).not.toBeNull();
      if (r.filed_on !== null) expect(r.days_to_reply).toBeGreaterThanOrEqual(0);
    }
    // The demonstration corpus redacts a passage: the CSV shows its visible words, the Markdown its tag.
    const redacted = rows.find((r) => String(r.text_markdown).includes('<Redacted'));
    expect(redacted, 'a redacted reply in content/').toBeDefined();
    expect(redacted!.text).toMatch(/［此处内容已删除：[^］]+］/);
    expect(rows.some((r) => r.topics !== null && r.supervisor !== null && r.key === true)).toBe(true);
  });

  it('loads in Frictionless’ JavaScript library: valid descriptor, every table read, foreign keys resolved', async () => {
    for (const dist of [demoDist, fixtureDist]) {
      const base = join(dist, 'data');
      const pkg = await Package.load(join(base, 'datapackage.json'), { basePath: base });
      expect(pkg.errors.map(String)).toEqual([]);
      expect(pkg.valid).toBe(true);
      expect(pkg.resources.map((r: { name: string }) => r.name)).toEqual(tableNames);
      for (const resource of pkg.resources) {
        // `relations: true` checks every foreign key against the table it refers to; a missing one throws.
        const rows = await resource.read({ keyed: true, relations: true, cast: true });
        const json = JSON.parse(read(dist, `data/${resource.name}.json`)) as unknown[];
        expect(rows.length, resource.name).toBe(json.length);
      }
    }
  });

  it('links each table’s XLSX beside its CSV and JSON on /data/, with no developer instructions', () => {
    const doc = read(demoDist, 'data/index.html');
    for (const name of tableNames)
      for (const ext of ['xlsx', 'csv', 'json']) expect(doc).toContain(`href="/data/${name}.${ext}"`);
    expect(doc).not.toMatch(/zod|npm run validate/);
    expect(doc).toContain('href="/about/methodology/"');
  });

  it('offers one CSV per unit and per session, linked from its page, holding only its replies', () => {
    const all = parseCsv(read(demoDist, 'data/replies.csv'), tables.replies.fields);
    expect(read(demoDist, 'units/jtj/index.html')).toContain('href="/data/units/jtj.csv"');
    const jtj = read(demoDist, 'data/units/jtj.csv');
    expect(jtj.startsWith(BOM)).toBe(true);
    const rows = parseCsv(jtj, tables.replies.fields);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(all.filter((r) => r.unit === 'jtj'));
    expect(read(demoDist, 'sessions/7-1/index.html')).toContain('href="/data/sessions/7-1.csv"');
    expect(parseCsv(read(demoDist, 'data/sessions/7-1.csv'), tables.replies.fields)).toEqual(
      all.filter((r) => r.session === '7-1'),
    );
    // The leak fixture's per-unit files hold nothing that is not published.
    for (const unit of ['jtj', 'sfj', 'mzj']) {
      expect(read(fixtureDist, `data/units/${unit}.csv`)).not.toMatch(/CANARY/);
    }
  });

  it('the data package describes every file as it is: fields, row counts, keys', () => {
    const pkg = JSON.parse(read(demoDist, 'data/datapackage.json')) as DataPackage;
    expect(pkg.licenses[0].name).toBe('CC-BY-4.0');
    expect(pkg.created).toMatch(/^2030-01-01/);
    const byName = new Map<string, Record<string, unknown>[]>();
    for (const res of pkg.resources) {
      const text = read(demoDist, `data/${res.path}`);
      const header = text.split('\n')[0].split(',');
      expect(res.schema.fields.map((f: { name: string }) => f.name)).toEqual(header);
      const rows = parseCsv(text, tables[res.name as TableName].fields);
      expect(res.description).toContain(`（${rows.length} 行）`);
      const keys = rows.map((r) => res.schema.primaryKey.map((k: string) => r[k]).join('|'));
      expect(new Set(keys).size).toBe(keys.length);
      for (const f of res.schema.fields) {
        if (f.constraints?.enum)
          for (const r of rows) if (r[f.name] !== null) expect(f.constraints.enum).toContain(r[f.name]);
        if (f.constraints?.required) for (const r of rows) expect(r[f.name]).not.toBeNull();
      }
      byName.set(res.name, rows);
    }
    for (const res of pkg.resources) {
      for (const fk of res.schema.foreignKeys ?? []) {
        const targets = new Set(byName.get(fk.reference.resource)!.map((r) => r[fk.reference.fields]));
        for (const r of byName.get(res.name)!)
          expect(targets.has(r[fk.fields]), `${res.name}.${fk.fields}=${JSON.stringify(r[fk.fields])}`).toBe(true);
      }
    }
  });

  it('publishes the JSON Schemas of the content model', () => {
    const reply = JSON.parse(read(demoDist, 'data/schemas/reply.schema.json')) as {
      properties: Record<string, { enum?: string[] }>;
      additionalProperties: unknown;
    };
    expect(reply.properties.category.enum).toEqual(['A', 'B', 'C', 'D']);
    expect(reply.additionalProperties).toBe(false);
  });
});

describe('a reply page', () => {
  const html = () => read(demoDist, 'proposals/7-1/20210009/sfj/index.html');
  // Citations: test/e2e/cite.test.ts.
  it('has a canonical address, Open Graph tags and schema.org JSON-LD', () => {
    const doc = html();
    expect(doc).toContain('<link rel="canonical" href="https://replies.example.org/proposals/7-1/20210009/sfj/">');
    expect(doc).toContain('<meta property="og:type" content="article">');
    const ld: unknown = JSON.parse(/<script type="application\/ld\+json">([^<]+)<\/script>/.exec(doc)![1]);
    expect(ld).toMatchObject({
      '@type': 'Report',
      author: { '@type': 'GovernmentOrganization', name: '深圳市司法局' },
    });
  });
});

describe('feeds and discovery', () => {
  async function parseXml(xml: string) {
    return page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror')!.textContent };
      const ns = 'http://www.w3.org/2005/Atom';
      const entries = [...doc.getElementsByTagNameNS(ns, 'entry')].map((e) => ({
        id: e.getElementsByTagNameNS(ns, 'id')[0]?.textContent,
        title: e.getElementsByTagNameNS(ns, 'title')[0]?.textContent,
        updated: e.getElementsByTagNameNS(ns, 'updated')[0]?.textContent,
        link: e.getElementsByTagNameNS(ns, 'link')[0]?.getAttribute('href'),
      }));
      return { root: doc.documentElement.localName, ns: doc.documentElement.namespaceURI, entries };
    }, xml);
  }

  it('the replies feed is Atom and lists exactly the published replies, newest first', async () => {
    const feed = await parseXml(read(fixtureDist, 'feeds/replies.xml'));
    expect(feed).toMatchObject({ root: 'feed', ns: 'http://www.w3.org/2005/Atom' });
    const { entries } = feed as { entries: { link: string; updated: string }[] };
    expect(entries.map((e) => e.link)).toEqual([
      'https://replies.example.org/proposals/7-1/20210001/gaj/',
      'https://replies.example.org/proposals/7-1/20210002/fgw/',
    ]);
    for (const e of entries) expect(e.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
  });

  it('gives every entry of the demo replies feed its own updated instant, falling down the feed', async () => {
    const { entries } = (await parseXml(read(demoDist, 'feeds/replies.xml'))) as { entries: { updated: string }[] };
    const instants = entries.map((e) => e.updated);
    expect(instants.length).toBeGreaterThan(10);
    expect(new Set(instants).size).toBe(instants.length);
    expect(instants).toEqual([...instants].sort().reverse());
  });

  it('a unit feed lists its replies only; the corrections feed lists corrections', async () => {
    const unit = (await parseXml(read(demoDist, 'feeds/units/jtj.xml'))) as { entries: { link: string }[] };
    expect(unit.entries.length).toBeGreaterThan(0);
    expect(unit.entries.every((e) => e.link.endsWith('/jtj/'))).toBe(true);
    const corrections = (await parseXml(read(demoDist, 'feeds/corrections.xml'))) as { entries: { link: string }[] };
    expect(corrections.entries.map((e) => e.link)).toContain('https://replies.example.org/proposals/7-1/20210014/mzj/');
  });

  it('pages point to the feeds, and a sitemap and robots.txt exist', () => {
    expect(read(demoDist, 'index.html')).toContain('<link rel="alternate" type="application/atom+xml"');
    expect(read(demoDist, 'units/jtj/index.html')).toContain('href="/feeds/units/jtj.xml"');
    expect(read(demoDist, 'robots.txt')).toContain('Sitemap: https://replies.example.org/sitemap-index.xml');
    const sitemap = read(demoDist, 'sitemap-0.xml');
    expect(sitemap).toContain('<loc>https://replies.example.org/proposals/7-1/20210009/sfj/</loc>');
    expect(read(fixtureDist, 'sitemap-0.xml')).not.toMatch(/20210001\/(jtj|sfj|mzj)\//);
  });

  it('a feed opened in Chromium is a readable Chinese page on how to subscribe, under a strict CSP', async () => {
    const { serve } = await import('./serve.ts');
    const server = await serve(demoDist);
    const p = await browser.newPage();
    // What a production server sends with every file (issue 17): the page must work under it.
    await p.route('**/*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': "default-src 'self'; object-src 'none'" },
      });
    });
    await p.goto(`${server.url}/feeds/replies.xml`);
    const h1 = p.locator('h1');
    await expect.poll(() => h1.count()).toBe(1);
    expect(await h1.textContent()).toBe('提案答复公开：新公开的答复');
    const body = (await p.locator('body').innerText()) ?? '';
    expect(body).not.toContain('does not appear to have any style information');
    expect(body).toContain('怎样订阅');
    expect(body).toContain(`https://replies.example.org/feeds/replies.xml`);
    // The stylesheet loaded: the how-to box has its background.
    expect(await p.locator('.feed-howto').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(
      'rgb(244, 245, 248)',
    );
    expect(await p.locator('.feed-entries li').count()).toBeGreaterThan(0);
    // Nothing the CSP would block: no inline style or script of ours (Chromium's own XSLT deprecation
    // banner, which it injects with inline styles, is the browser's and left aside).
    const inline = await p.evaluate(() =>
      [...document.querySelectorAll('*')]
        .filter((e) => !e.closest('xslt-warning-banner'))
        .filter(
          (e) =>
            ['STYLE', 'SCRIPT'].includes(e.tagName) ||
            e.hasAttribute('style') ||
            [...e.attributes].some((a) => a.name.startsWith('on')),
        )
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    expect(inline).toEqual([]);
    await p.close();
    await server.close();
  });

  it('the feeds stay Atom: the stylesheet instructions sit in the prolog, the root is still atom:feed', async () => {
    for (const path of ['feeds/replies.xml', 'feeds/corrections.xml', 'feeds/units/jtj.xml']) {
      const xml = read(demoDist, path);
      expect(xml.split('\n').slice(0, 4)).toEqual([
        '<?xml version="1.0" encoding="utf-8"?>',
        '<?xml-stylesheet type="text/xsl" href="/feeds/feed.xsl"?>',
        '<?xml-stylesheet type="text/css" href="/feeds/feed.css"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
      ]);
      expect(await parseXml(xml)).toMatchObject({ root: 'feed', ns: 'http://www.w3.org/2005/Atom' });
    }
  });

  it('the corrections page lists every correction, newest first', () => {
    const doc = read(demoDist, 'corrections/index.html');
    expect(doc).toContain('/proposals/7-1/20210014/mzj/');
  });
});

/** Every built HTML page of `dist`, as a path and its parsed tree. */
function pages(dist: string): [string, Root][] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => {
      const path = join(e.parentPath, e.name);
      return [relative(dist, path), fromHtml(readFileSync(path, 'utf8'))];
    });
}

const hasClass = (node: Element, name: string) =>
  Array.isArray(node.properties.className) && node.properties.className.includes(name);

describe('words and methods', () => {
  it('no page uses the banned variants of the glossary’s terms (quoted documents and the glossary aside)', () => {
    const problems: string[] = [];
    for (const [path, tree] of [...pages(demoDist), ...pages(fixtureDist)]) {
      const attrs: string[] = [];
      visit(tree, 'element', (node: Element, index, parent) => {
        // The replies' and proposals' own words are quoted as written; the glossary names the variants it bans.
        if (parent && index !== undefined && (hasClass(node, 'record-text') || hasClass(node, 'glossary'))) {
          parent.children.splice(index, 1);
          return [SKIP, index];
        }
        for (const key of ['title', 'alt', 'content', 'ariaLabel'])
          if (typeof node.properties[key] === 'string') attrs.push(node.properties[key]);
      });
      for (const f of findBannedTerms(`${toText(tree)}\n${attrs.join('\n')}`))
        problems.push(`${path}: “${f.variant}” 应为“${f.use}”：…${f.context}…`);
    }
    expect(problems).toEqual([]);
  });

  it('the check finds a banned variant where there is one', () => {
    expect(findBannedTerms('本站收录各承办单位的复文，提案人可以查阅；答复文号照录。').map((f) => f.variant)).toEqual([
      '提案人',
      '复文',
      '承办单位',
    ]);
  });

  it('every chart’s source line links to the methodology page, which exists', () => {
    let charts = 0;
    for (const [path, tree] of pages(demoDist)) {
      visit(tree, 'element', (node: Element) => {
        if (node.tagName !== 'figcaption' || !hasClass(node, 'chart-source')) return;
        charts += 1;
        const links: string[] = [];
        visit(node, 'element', (a: Element) => {
          if (a.tagName === 'a') links.push(String(a.properties.href));
        });
        expect(links, path).toContain('/about/methodology/');
      });
    }
    expect(charts).toBeGreaterThan(10);
    const methodology = read(demoDist, 'about/methodology/index.html');
    for (const heading of ['收录范围', '每项数字怎样计算', '办理天数量的是什么', '办理结果类别', '公开规则', '更正'])
      expect(methodology).toContain(heading);
    expect(methodology).toContain('应有答复（政府公布）');
  });

  it('the reply-time chart says which dates it measures', () => {
    const stats = read(demoDist, 'stats/index.html');
    expect(stats).toMatch(/办理天数 = 答复日期 − 提案提交日期/);
  });

  it('states plainly what licence covers the data and what applies to reply texts', () => {
    const about = toText(fromHtml(read(demoDist, 'about/data/index.html')));
    expect(about).toContain('CC BY 4.0');
    expect(about).toMatch(/答复正文是各答复单位制发的公文[^\n]*本站不对它们主张任何权利，CC BY 4.0 不适用于它们/);
    expect(read(demoDist, 'about/index.html')).toContain('id="glossary"');
  });
});

describe('reproducible builds', () => {
  it('two builds of the same content with the same SOURCE_DATE_EPOCH are byte-identical', () => {
    const again = build(join(fixturesDir, 'leak'), { SOURCE_DATE_EPOCH: BUILD_EPOCH });
    expect(again.ok, again.output).toBe(true);
    const a = readTree(fixtureDist, { raw: true });
    const b = readTree(again.outDir, { raw: true });
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const differing = [...a].filter(([path, text]) => b.get(path) !== text).map(([path]) => path);
    expect(differing).toEqual([]);
  }, 120_000);
});
