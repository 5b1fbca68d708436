/**
 * `npx tsx scripts/compare-styles.ts BEFORE_DIST AFTER_DIST [--pages /a/,/b/]`:
 * proves that a change of stylesheets (global rules moved into scoped
 * component styles, files split) leaves every page looking the same. The HTML
 * and CSS bytes change on purpose (data-astro-cid attributes, other bundles),
 * so the proof is by what the browser computes instead: both sites are served,
 * each page is opened at a desktop (1280 px) and a phone (375 px) width, in
 * light and dark, and once as printed, and for every element (and its ::before,
 * ::after and ::marker) the full computed style (every property
 * getComputedStyle lists) and its bounding box are dumped; the two dumps are
 * compared and every difference printed. Exit status 1 when there is one.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launch } from '../test/e2e/browser.ts';
import { serve } from '../test/e2e/serve.ts';

const DEFAULT_PAGES = [
  '/',
  '/proposals/',
  '/proposals/7-1/20210009/',
  '/proposals/7-1/20210009/sfj/',
  // A correction notice, and a paragraph addressed (#p2: :target); a summary; a withheld reply; notes and redactions.
  '/proposals/7-1/20210014/mzj/#p2',
  '/proposals/7-1/20210016/longhua/',
  '/proposals/7-1/20210020/',
  '/proposals/7-1/20210008/rsj/',
  '/units/fgw/',
  '/stats/',
  '/data/',
  '/search/?q=停车',
  // A filter chosen: the chips, the emptied and disabled filter labels.
  '/search/?q=停车&category=B',
  '/disclosure/',
  '/commitments/',
  '/proposers/',
  '/proposers/committee-economy/',
  '/about/',
  '/about/methodology/',
  '/sessions/7-1/',
  '/key/',
  '/corrections/',
  '/topics/',
  '/no-such-page/',
];

interface Mode {
  name: string;
  width: number;
  scheme: 'light' | 'dark';
  media: 'screen' | 'print';
}
const MODES: Mode[] = [
  { name: 'desktop', width: 1280, scheme: 'light', media: 'screen' },
  { name: 'phone', width: 375, scheme: 'light', media: 'screen' },
  { name: 'desktop-dark', width: 1280, scheme: 'dark', media: 'screen' },
  { name: 'print', width: 1280, scheme: 'light', media: 'print' },
];

/** One element: its tag path, box and computed values (in the order of `props`). */
interface Dumped {
  path: string;
  box: string;
  style: string[];
  pseudo: Record<string, string[]>;
}
interface Dump {
  props: string[];
  elements: Dumped[];
}

/**
 * Runs in the page: every element in document order, with its style and box.
 * A string, not a function, because tsx's transform would add helper calls
 * (`__name`) that do not exist in the page.
 */
const DUMP_PAGE = `(() => {
  const props = Array.from(getComputedStyle(document.documentElement));
  const values = (s) => props.map((p) => s.getPropertyValue(p));
  const elements = [];
  const walk = (el, path) => {
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const pseudo = {};
    for (const p of ['::before', '::after', '::marker']) {
      const ps = getComputedStyle(el, p);
      if (ps.content && ps.content !== 'none' && ps.content !== 'normal') pseudo[p] = values(ps);
    }
    elements.push({
      path,
      box: [r.x, r.y, r.width, r.height].map((n) => n.toFixed(2)).join(','),
      style: values(s),
      pseudo,
    });
    const counts = new Map();
    for (const child of Array.from(el.children)) {
      const tag = child.tagName.toLowerCase();
      const n = (counts.get(tag) ?? 0) + 1;
      counts.set(tag, n);
      walk(child, path + '>' + tag + (n > 1 ? '[' + n + ']' : ''));
    }
  };
  // The head is not drawn, and its list of stylesheet links changes on purpose (one per CSS bundle).
  elements.push({ path: 'html', box: '', style: values(getComputedStyle(document.documentElement)), pseudo: {} });
  walk(document.body, 'html>body');
  return { props, elements };
})()`;

async function dump(page: Page, url: string, mode: Mode): Promise<Dump> {
  await page.setViewportSize({ width: mode.width, height: 900 });
  await page.emulateMedia({ media: mode.media, colorScheme: mode.scheme });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  // The search page fills its results after the index answers.
  if (url.includes('/search/')) await page.waitForSelector('#search-results li', { timeout: 15000 }).catch(() => {});
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate<Dump>(DUMP_PAGE);
}

/** Used values that follow from the layout: listed after the differences that cause them. */
const SIZES = new Set(['height', 'block-size', 'width', 'inline-size', 'transform-origin', 'perspective-origin']);

/** Every difference between two dumps of one page, one line each. */
export function compare(a: Dump, b: Dump, limit = 40): { diffs: string[]; tokens: string[] } {
  const out: string[] = [];
  const boxes: string[] = [];
  const tokens: string[] = [];
  if (a.props.join() !== b.props.join()) return { diffs: ['the two pages list different properties'], tokens: [] };
  const byPath = new Map(b.elements.map((e) => [e.path, e]));
  for (const ea of a.elements) {
    const eb = byPath.get(ea.path);
    if (!eb) {
      out.push(`${ea.path}: only before`);
      continue;
    }
    byPath.delete(ea.path);
    // Boxes last: a style difference moves the boxes after it, and is what to read first.
    if (ea.box !== eb.box) boxes.push(`${ea.path}: box ${ea.box} → ${eb.box}`);
    ea.style.forEach((v, i) => {
      // Custom properties are how a value is spelled (a token may become light-dark(…)); what they give
      // is in the standard properties. They are told apart once, at the root.
      if (a.props[i].startsWith('--')) {
        if (ea.path === 'html' && v !== eb.style[i]) tokens.push(`${a.props[i]}: ${v} → ${eb.style[i]}`);
        return;
      }
      if (v !== eb.style[i])
        (SIZES.has(a.props[i]) ? boxes : out).push(`${ea.path}: ${a.props[i]} ${v} → ${eb.style[i]}`);
    });
    for (const p of new Set([...Object.keys(ea.pseudo), ...Object.keys(eb.pseudo)])) {
      const [pa, pb] = [ea.pseudo[p], eb.pseudo[p]];
      if (!pa || !pb) out.push(`${ea.path}${p}: ${pa ? 'only before' : 'only after'}`);
      else
        pa.forEach((v, i) => {
          if (v !== pb[i] && !a.props[i].startsWith('--')) out.push(`${ea.path}${p}: ${a.props[i]} ${v} → ${pb[i]}`);
        });
    }
  }
  for (const path of byPath.keys()) out.push(`${path}: only after`);
  out.push(...boxes);
  return {
    diffs: out.length > limit ? [...out.slice(0, limit), `… and ${out.length - limit} more`] : out,
    tokens,
  };
}

const args = process.argv.slice(2);
const pagesArg = args.indexOf('--pages');
const pages = pagesArg >= 0 ? args.splice(pagesArg, 2)[1].split(',') : DEFAULT_PAGES;
const [before, after] = args;
if (!before || !after) {
  console.error('usage: tsx scripts/compare-styles.ts BEFORE_DIST AFTER_DIST [--pages /a/,/b/]');
  process.exit(2);
}
const [sa, sb] = [await serve(resolve(before)), await serve(resolve(after))];
const browser = await launch();
const page = await browser.newPage();
let elements = 0;
let views = 0;
let differing = 0;
const tokenChanges = new Set<string>();
for (const path of pages) {
  for (const mode of MODES) {
    const [da, db] = [
      await dump(page, sa.url + encodeURI(path), mode),
      await dump(page, sb.url + encodeURI(path), mode),
    ];
    views++;
    elements += da.elements.length;
    const { diffs, tokens } = compare(da, db);
    for (const t of tokens) tokenChanges.add(t);
    if (diffs.length) {
      differing++;
      console.log(`✗ ${path} [${mode.name}] ${da.elements.length} elements:`);
      for (const d of diffs) console.log(`    ${d}`);
    } else console.log(`✓ ${path} [${mode.name}] ${da.elements.length} elements`);
  }
}
if (tokenChanges.size) {
  console.log(
    `custom properties spelled differently at the root (not counted; their effect is in the properties above):`,
  );
  for (const t of tokenChanges) console.log(`    ${t}`);
}
await browser.close();
await sa.close();
await sb.close();
console.log(
  `${pages.length} pages × ${MODES.length} modes = ${views} views, ${elements} elements compared (each with ${'~'}all computed properties and its box): ${differing} views differ`,
);
process.exit(differing ? 1 : 0);
