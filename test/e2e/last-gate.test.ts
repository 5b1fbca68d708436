/**
 * The last gate: a build whose earlier gates are broken on purpose (a
 * test-only hook) or bypassed (personal data where no record check looks) is
 * stopped after the output is written; the output folder is removed and the
 * message names the output file and the record.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { lastGateNeedles, type Needles } from '../../src/lib/model/last-gate.ts';
import { guardOutput } from '../../src/integrations/last-gate.ts';
import { checkCorpus } from '../../src/lib/model/corpus/index.ts';
import { fixtureFiles, fixturesDir } from '../helpers.ts';
import { scanOutput, scanOutputInWorkers } from '../../src/integrations/scan-output.ts';
import { precompressDir, madeCopies } from '../../src/integrations/precompress.ts';
import { build, filesContaining, readTree } from './build.ts';

const fixture = join(fixturesDir, 'leak');
const IN_2030 = String(Date.UTC(2030, 0, 1) / 1000);

describe('the last gate after every build', () => {
  it('fails a build whose disclosure gate is broken, names file and record, and removes the output', () => {
    const site = build(fixture, { SOURCE_DATE_EPOCH: IN_2030, OPEN_REPLIES_BREAK_GATE_FOR_TEST: '1' });
    expect(site.ok).toBe(false);
    expect(site.output).toContain('最后一道检查发现输出中有不应公开的内容');
    // The pending reply's text reached its page and the downloads through the broken gate.
    // One line per record, the page first, then the downloads it also reached.
    expect(site.output).toMatch(
      /未公开答复的文字（来自 7-1\/20210001\/jtj） — [^\n]*proposals\/7-1\/20210001\/jtj\/index\.html/,
    );
    expect(existsSync(site.outDir)).toBe(false);
  }, 180_000);

  it('fails a build whose broken gate lets personal data through (a pending reply is never checked), and removes the output', () => {
    const root = mkdtempSync(join(tmpdir(), 'last-gate-'));
    cpSync(fixture, root, { recursive: true });
    const pending = join(root, 'proposals', '7-1', '20210001', 'jtj.mdx');
    writeFileSync(pending, `${readFileSync(pending, 'utf8')}\n联系人手机 13812345678。\n`);
    const site = build(root, { SOURCE_DATE_EPOCH: IN_2030, OPEN_REPLIES_BREAK_GATE_FOR_TEST: '1' });
    expect(site.ok).toBe(false);
    expect(site.output).toMatch(/手机号码（138\*\*\*\*5678） — [^\n]*index\.html/);
    expect(site.output).not.toContain('13812345678');
    expect(existsSync(site.outDir)).toBe(false);
  }, 180_000);
});

describe('the last gate fails closed', () => {
  const empty = async (): Promise<Needles> => Promise.resolve({ sentences: new Map(), notPersonal: [] });
  const site = () => {
    const dir = mkdtempSync(join(tmpdir(), 'last-gate-guard-'));
    writeFileSync(join(dir, 'index.html'), '<p>公开的答复。</p>');
    return dir;
  };

  it('keeps a clean output', async () => {
    const dir = site();
    await guardOutput(dir, empty, new Map(), {});
    expect(existsSync(join(dir, 'index.html'))).toBe(true);
  });

  it('removes the output when the scan itself fails (a copy that cannot be decompressed)', async () => {
    const dir = site();
    writeFileSync(join(dir, 'index.html.br'), Buffer.from('not brotli at all'));
    await expect(guardOutput(dir, empty, new Map(), {})).rejects.toThrow('最后一道检查未能完成，已删除输出目录');
    expect(existsSync(dir)).toBe(false);
  });

  it('removes the output when its needles cannot be had', async () => {
    const dir = site();
    const none = () => Promise.reject(new Error('无法读取内容'));
    await expect(guardOutput(dir, none, new Map(), {})).rejects.toThrow('无法读取内容');
    expect(existsSync(dir)).toBe(false);
  });

  it('never lets a build with the test hook succeed, even when the scan finds nothing', async () => {
    const dir = site();
    const env = { OPEN_REPLIES_BREAK_GATE_FOR_TEST: '1' };
    await expect(guardOutput(dir, empty, new Map(), env)).rejects.toThrow('披露检查在本次构建中被测试开关关闭');
    expect(existsSync(dir)).toBe(false);
  });
});

/** The pure part (pieces, needles, reading, reports) is unit-tested in test/last-gate.test.ts. */
describe('what the last gate reads in an output folder', () => {
  const corpus = checkCorpus(fixtureFiles(), { render: true }).corpus!;
  const needles = lastGateNeedles(corpus, '2030-01-01');

  it("scans every session's search bundle, not only the first: a canary in /pagefind/7-2/ is found", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'last-gate-bundles-'));
    for (const [session, text] of [
      ['7-1', '{"content":"公开的答复"}'],
      ['7-2', '{"content":"联系人手机 13912345678"}'],
    ]) {
      mkdirSync(join(dir, 'pagefind', session, 'fragment'), { recursive: true });
      // Pagefind writes its fragments gzip-compressed.
      writeFileSync(join(dir, 'pagefind', session, 'fragment', 'zh_1.pf_fragment'), gzipSync(text));
    }
    expect(scanOutput(dir, needles).map((l) => l.file)).toEqual(['pagefind/7-2/fragment/zh_1.pf_fragment']);
    // The build's gate shares the files among worker threads: the same finding.
    expect((await scanOutputInWorkers(dir, needles, new Map())).map((l) => l.file)).toEqual([
      'pagefind/7-2/fragment/zh_1.pf_fragment',
    ]);
    expect(filesContaining(readTree(dir), '13912345678')).toEqual(['pagefind/7-2/fragment/zh_1.pf_fragment']);
  });

  it('trusts a compressed copy only while it is byte for byte what precompress made from the scanned original', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'last-gate-copies-'));
    const page = join(dir, 'index.html');
    const sentence = '本委已将停车设施建设纳入年度重点工作计划';
    writeFileSync(page, `<p>${`${sentence}。`.repeat(100)}</p>`);
    await precompressDir(dir);
    expect(madeCopies.get(`${page}.gz`)).toBeDefined();
    expect(madeCopies.get(`${page}.br`)).toBeDefined();
    expect(scanOutput(dir, needles, madeCopies)).toEqual([]);
    // Replaced after precompress (or never made by it): decompressed and scanned.
    writeFileSync(`${page}.gz`, gzipSync(`<p>联系人手机 13912345678</p>`));
    expect(scanOutput(dir, needles, madeCopies).map((l) => l.file)).toEqual(['index.html.gz']);
    // The copy is as made, but the original changed after it was compressed: the copy is scanned.
    await precompressDir(dir);
    writeFileSync(page, '<p>另一段文字。</p>');
    writeFileSync(`${page}.br`, readFileSync(`${page}.br`));
    const leaks = scanOutput(dir, { ...needles, sentences: new Map([[sentence, 'x']]) }, madeCopies);
    expect(leaks.map((l) => l.file).sort()).toEqual(['index.html.br', 'index.html.gz']);
  });

  it('scans a copy precompress took from its cache: a cache entry is a file like any other, never trusted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'last-gate-cached-'));
    const cache = join(dir, '..', `${basename(dir)}-cache`);
    const page = join(dir, 'index.html');
    writeFileSync(page, `<p>${'本委已将停车设施建设纳入年度重点工作计划。'.repeat(100)}</p>`);
    await precompressDir(dir, 4, cache);
    // Someone (or a disk error) replaces the cached gzip copy with other text.
    const entry = readdirSync(cache, { recursive: true })
      .map(String)
      .find((f) => f.endsWith('.gz'))!;
    writeFileSync(join(cache, entry), gzipSync('<p>联系人手机 13912345678</p>'));
    await precompressDir(dir, 4, cache);
    expect(scanOutput(dir, needles, madeCopies).map((l) => l.file)).toEqual(['index.html.gz']);
  });
});
