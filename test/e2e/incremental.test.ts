/**
 * Incremental builds: a session whose pages did not change reuses the search
 * index kept in Astro's cache directory, and a build that reused it or
 * re-indexed after an edit writes exactly what a clean build of the same
 * content writes.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../helpers.ts';
import { build, buildsDir, readTree } from './build.ts';
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

describe('an incremental build', () => {
  it('reuses an unchanged session index, re-indexes an edited one, and equals a clean build byte for byte', () => {
    mkdirSync(buildsDir, { recursive: true });
    const work = mkdtempSync(join(buildsDir, 'incremental-'));
    const root = join(work, 'content');
    cpSync(join(fixturesDir, 'leak'), root, { recursive: true });
    const cache = join(work, 'cache');
    const env = { SOURCE_DATE_EPOCH: BUILD_EPOCH, ASTRO_CACHE_DIR: cache };

    const first = build(root, env);
    expect(first.ok, first.output).toBe(true);
    const before = cached(cache, '7-1');
    const firstCopies = copies(cache);
    expect(firstCopies.size).toBeGreaterThan(100);

    // Nothing changed: the index is copied from the cache, not written again, and so are the .br/.gz copies.
    const same = build(root, env);
    expect(same.ok, same.output).toBe(true);
    // Every cache entry of the copies is as the first build wrote it: taken, not made again.
    expect(copies(cache)).toEqual(firstCopies);
    expect(cached(cache, '7-1')).toEqual(before);
    expect(differing(first.outDir, same.outDir)).toEqual([]);

    // One reply edited: its session is indexed again.
    const reply = join(root, 'proposals', '7-1', '20210002', 'fgw.mdx');
    writeFileSync(reply, readFileSync(reply, 'utf8').replace('实施方案。', '实施方案，增量构建校验词。'));
    const edited = build(root, env);
    expect(edited.ok, edited.output).toBe(true);
    expect(cached(cache, '7-1').digest).not.toBe(before.digest);
    // Only the files the edit changed are compressed again (the reply's page, listings, data files).
    const editedCopies = copies(cache);
    const remade = [...editedCopies.keys()].filter((k) => editedCopies.get(k) !== firstCopies.get(k));
    expect(remade.length).toBeGreaterThan(0);
    expect(remade.length).toBeLessThan(editedCopies.size / 4);

    // A clean build of the edited content, with an empty cache, writes the same bytes.
    const clean = build(root, { SOURCE_DATE_EPOCH: BUILD_EPOCH });
    expect(clean.ok, clean.output).toBe(true);
    expect(differing(edited.outDir, clean.outDir)).toEqual([]);
    expect(differing(first.outDir, edited.outDir).some((p) => p.startsWith('pagefind/7-1/'))).toBe(true);
  }, 900_000);
});
