/**
 * Incremental builds: a record page whose code and inputs did not change is
 * copied from the last build, a session whose pages did not change reuses the
 * search index kept in Astro's cache directory, and a build that reused them
 * after an edit writes exactly what a clean build of the same content writes,
 * whichever pages the edit shows on.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../helpers.ts';
import { build, buildsDir, projectCopy, readTree, type Build } from './build.ts';
import { BUILD_EPOCH } from './global-setup.ts';

/** The session's cached index: its one digest directory and when it was written. */
function cached(cache: string, session: string) {
  const dir = join(cache, 'pagefind', session);
  const [digest, ...more] = readdirSync(dir);
  expect(more).toEqual([]);
  return { digest, written: statSync(join(dir, digest)).mtimeMs };
}

/** The cached compressed copies: entry → when it was written. */
function copies(cache: string): Map<string, number> {
  const dir = join(cache, 'precompress');
  return new Map(
    readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => /\.(br|gz)$/.test(f))
      .map((f) => [f, statSync(join(dir, f)).mtimeMs]),
  );
}

function differing(a: string, b: string): string[] {
  const ta = readTree(a, { raw: true });
  const tb = readTree(b, { raw: true });
  const paths = new Set([...ta.keys(), ...tb.keys()]);
  return [...paths].filter((p) => ta.get(p) !== tb.get(p)).sort();
}

/** The record pages (a proposal's, a reply's) Astro copied from its last build instead of rendering. */
function restored(output: string): string[] {
  return [...output.matchAll(/(proposals\/\S+\/index\.html)\S*\s+\S*\(restored\)/g)].map((m) => m[1]).sort();
}

/** The record pages of a built site. */
function recordPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /^proposals\/\d+-\d+\/\d+\/(?:[^/]+\/)?index\.html$/.test(f))
    .sort();
}

function edit(file: string, from: string, to: string) {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

describe('an incremental build', () => {
  it('copies unchanged pages, reuses an unchanged session index, and equals a clean build byte for byte after edits', () => {
    mkdirSync(buildsDir, { recursive: true });
    const work = mkdtempSync(join(buildsDir, 'incremental-'));
    const root = join(work, 'content');
    cpSync(join(fixturesDir, 'leak'), root, { recursive: true });
    const project = projectCopy(join(work, 'project'));
    const cache = join(project, 'cache');
    const env = { SOURCE_DATE_EPOCH: BUILD_EPOCH };
    const again = () => build(root, env, { project, log: true });
    const proposal = (...path: string[]) => join(root, 'proposals', '7-1', ...path);
    const renderedPages = (b: Build) => recordPages(b.outDir).filter((p) => !restored(b.output).includes(p));
    const expectSameAsClean = (b: Build) => {
      const clean = build(root, env);
      expect(clean.ok, clean.output).toBe(true);
      expect(differing(b.outDir, clean.outDir)).toEqual([]);
    };

    const first = again();
    expect(first.ok, first.output).toBe(true);
    expect(restored(first.output)).toEqual([]);
    const before = cached(cache, '7-1');
    const firstCopies = copies(cache);
    expect(firstCopies.size).toBeGreaterThan(100);

    // Nothing changed: every record page is copied, the index is taken from the cache, and so are the .br/.gz copies.
    const same = again();
    expect(same.ok, same.output).toBe(true);
    expect(restored(same.output)).toEqual(recordPages(first.outDir));
    // Every cache entry of the copies is as the first build wrote it: taken, not made again.
    expect(copies(cache)).toEqual(firstCopies);
    expect(cached(cache, '7-1')).toEqual(before);
    expect(differing(first.outDir, same.outDir)).toEqual([]);
    // Taken as hard links: the output's index and compressed copies are the cache's files, no bytes written.
    const inode = (path: string) => statSync(path).ino;
    expect(inode(join(same.outDir, 'pagefind', '7-1', 'pagefind-entry.json'))).toBe(
      inode(join(cache, 'pagefind', '7-1', before.digest, 'pagefind-entry.json')),
    );
    const [copy] = readdirSync(join(cache, 'precompress'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.br'));
    const linked = readdirSync(same.outDir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.br') && inode(join(same.outDir, f)) === inode(join(cache, 'precompress', copy)));
    expect(linked.length).toBeGreaterThan(0);

    // One reply's text edited: its page and its proposal's are rendered, its session is indexed again.
    edit(proposal('20210002', 'fgw.mdx'), '实施方案。', '实施方案，增量构建校验词。');
    const edited = again();
    expect(edited.ok, edited.output).toBe(true);
    expect(renderedPages(edited)).toEqual([
      'proposals/7-1/20210002/fgw/index.html',
      'proposals/7-1/20210002/index.html',
    ]);
    expect(cached(cache, '7-1').digest).not.toBe(before.digest);
    // Only the files the edit changed are compressed again (the pages that show it, listings, data files).
    const editedCopies = copies(cache);
    const remade = [...editedCopies.keys()].filter((k) => editedCopies.get(k) !== firstCopies.get(k));
    expect(remade.length).toBeGreaterThan(0);
    expect(remade.length).toBeLessThan(editedCopies.size / 4);
    // A clean build of the edited content, with an empty cache, writes the same bytes.
    expectSameAsClean(edited);
    expect(differing(first.outDir, edited.outDir).some((p) => p.startsWith('pagefind/7-1/'))).toBe(true);

    // A proposer renamed: shown on both proposal pages, and in the search tags of every reply to them.
    edit(join(root, 'proposers.yaml'), '张委员', '章委员');
    const renamed = again();
    expect(renamed.ok, renamed.output).toBe(true);
    expect(renderedPages(renamed)).toEqual([
      'proposals/7-1/20210001/gaj/index.html',
      'proposals/7-1/20210001/index.html',
      'proposals/7-1/20210002/fgw/index.html',
      'proposals/7-1/20210002/index.html',
    ]);
    expectSameAsClean(renamed);

    // A proposal retitled (shown on its replies' pages) and a reply embargoed (its page goes; its
    // proposal's other replies stop linking to it): the pages that show either are rendered again.
    edit(proposal('20210002', 'index.mdx'), '关于发展数字经济的提案', '关于加快发展数字经济的提案');
    edit(proposal('20210001', 'gaj.mdx'), 'disclosure: public', 'publishOn: 2099-12-31\ndisclosure: public');
    const later = again();
    expect(later.ok, later.output).toBe(true);
    expect(recordPages(later.outDir)).not.toContain('proposals/7-1/20210001/gaj/index.html');
    expect(renderedPages(later)).toEqual([
      'proposals/7-1/20210001/index.html',
      'proposals/7-1/20210002/fgw/index.html',
      'proposals/7-1/20210002/index.html',
    ]);
    expectSameAsClean(later);
  }, 900_000);
});
