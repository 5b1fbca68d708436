/**
 * Citing and open data on a built site: the downloads hold exactly the
 * published replies, CSV and JSON agree, the data package describes the files
 * as they are, citations carry the right facts, feeds are well-formed Atom
 * with the right entries, and two builds of the same content are identical.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCsv, tables, type TableName } from '../../src/lib/exports.ts';
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

  it.each(Object.keys(tables) as TableName[])('%s: CSV (with BOM) and JSON hold the same rows', (name) => {
    const csv = read(demoDist, `data/${name}.csv`);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const json = JSON.parse(read(demoDist, `data/${name}.json`));
    expect(parseCsv(csv, tables[name].fields)).toEqual(json);
    expect(json.length).toBeGreaterThan(0);
  });

  it('the data package describes every file as it is: fields, row counts, keys', () => {
    const pkg = JSON.parse(read(demoDist, 'data/datapackage.json'));
    expect(pkg.licenses[0].name).toBe('CC-BY-4.0');
    expect(pkg.created).toMatch(/^2030-01-01/);
    const byName = new Map<string, Record<string, unknown>[]>();
    for (const res of pkg.resources) {
      const text = read(demoDist, `data/${res.path}`);
      const header = text.slice(1).split('\n')[0].split(',');
      expect(res.schema.fields.map((f: { name: string }) => f.name)).toEqual(header);
      const rows = parseCsv(text, tables[res.name as TableName].fields);
      expect(res.rows).toBe(rows.length);
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
          expect(targets.has(r[fk.fields]), `${res.name}.${fk.fields}=${r[fk.fields]}`).toBe(true);
      }
    }
  });

  it('publishes the JSON Schemas of the content model', () => {
    const reply = JSON.parse(read(demoDist, 'data/schemas/reply.schema.json'));
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
    const ld = JSON.parse(/<script type="application\/ld\+json">([^<]+)<\/script>/.exec(doc)![1]);
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

  it('the corrections page lists every correction, newest first', () => {
    const doc = read(demoDist, 'corrections/index.html');
    expect(doc).toContain('/proposals/7-1/20210014/mzj/');
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
