/**
 * The one rule that must hold: nothing that is not cleared reaches dist/.
 * The fixture root has a distinct canary string in a pending reply, an
 * embargoed reply and a `_` draft; a copy adds a withheld reply with text by
 * mistake. Every file of the output is scanned, gzip'd files decompressed.
 */
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir } from '../helpers.ts';
import { build, filesContaining, readTree, type Build } from './build.ts';

const fixture = join(fixturesDir, 'leak');
const canaries = [
  'CANARY-PENDING-9X1',
  'CANARY-EMBARGO-3M5',
  'CANARY-DRAFT-5T7',
  // Metadata of records not published, and of a withheld one beyond category and reason.
  'CANARY-META-DOCNO-1P4',
  'CANARY-META-SIGNER-8R2',
  'CANARY-META-CORRECTION-6W3',
  'CANARY-WITHHELD-DOCNO-7J9',
  'CANARY-WITHHELD-SIGNER-2Z5',
  // A unit whose only reply is embargoed.
  'CANARY-ONLY-PENDING-4D1',
  'CANARY-ONLY-PENDING-TEXT-3N8',
  // Commitments of a pending, a withheld, an embargoed reply and a draft, and a pending one's evidence link.
  'CANARY-COMMIT-PENDING-5Q2',
  'canary-commit-pending-evidence',
  'CANARY-COMMIT-WITHHELD-8V4',
  'CANARY-COMMIT-EMBARGO-2H6',
  'CANARY-COMMIT-DRAFT-1L9',
];
const IN_2030 = String(Date.UTC(2030, 0, 1) / 1000);
const IN_2099 = String(Date.UTC(2099, 5, 1) / 1000);

describe('a build on 2030-01-01', () => {
  let site: Build;
  let tree: Map<string, string>;
  beforeAll(() => {
    site = build(fixture, { SOURCE_DATE_EPOCH: IN_2030 });
    tree = readTree(site.outDir);
  }, 120_000);

  it('succeeds and publishes the public reply', () => {
    expect(site.ok, site.output).toBe(true);
    expect(filesContaining(tree, 'PUBLIC-SENTINEL-4K8').length).toBeGreaterThan(0);
    expect(tree.has('proposals/7-1/20210001/gaj/index.html')).toBe(true);
    expect(tree.has('proposals/7-1/20210002/fgw/index.html')).toBe(true);
  });

  it("shows the published reply's commitment on its page, the commitments page, the feed and the open data", () => {
    const found = filesContaining(tree, 'PUBLIC-COMMIT-SENTINEL-6F1');
    for (const file of [
      'proposals/7-1/20210001/gaj/index.html',
      'commitments/index.html',
      'feeds/commitments-overdue.xml',
      'data/commitments.csv',
      'data/commitments.json',
    ])
      expect(found).toContain(file);
  });

  it('scans the search index decompressed: the public sentinel is in a Pagefind fragment', () => {
    expect(filesContaining(tree, 'PUBLIC-SENTINEL-4K8').some((f) => /^pagefind\/[^/]+\/fragment\//.test(f))).toBe(true);
  });

  it("scans the server's precompressed copies decompressed: the public sentinel is in a .br and a .gz page", () => {
    const found = filesContaining(tree, 'PUBLIC-SENTINEL-4K8');
    expect(found.some((f) => f.endsWith('.html.br'))).toBe(true);
    expect(found.some((f) => f.endsWith('.html.gz'))).toBe(true);
  });

  it.each(canaries)('contains %s nowhere', (canary) => {
    expect(tree.size).toBeGreaterThan(0);
    expect(filesContaining(tree, canary)).toEqual([]);
  });

  it('has no page for pending, embargoed or withheld replies', () => {
    for (const unit of ['jtj', 'sfj', 'mzj']) expect(tree.has(`proposals/7-1/20210001/${unit}/index.html`)).toBe(false);
  });

  it('lists no reply on the page of a unit whose only reply is not yet published', () => {
    const page = tree.get('units/zsj/index.html')!;
    expect(page).toContain('暂未公开 1');
    expect(page).not.toContain('/proposals/7-1/20210002/zsj/');
    expect(page).not.toContain('关于发展数字经济的提案');
  });

  it('shows the withheld reply as category and reason only, and the others as not yet published', () => {
    const page = tree.get('proposals/7-1/20210001/index.html')!;
    expect(page).toContain('涉及工作秘密');
    expect(page).toContain('暂未公开');
  });
});

describe('a build after the embargo', () => {
  it('publishes the embargoed reply, and still not the pending one or the draft', () => {
    const site = build(fixture, { SOURCE_DATE_EPOCH: IN_2099 });
    expect(site.ok, site.output).toBe(true);
    const tree = readTree(site.outDir);
    expect(filesContaining(tree, 'CANARY-EMBARGO-3M5')).toContain('proposals/7-1/20210001/sfj/index.html');
    expect(filesContaining(tree, 'CANARY-PENDING-9X1')).toEqual([]);
    expect(filesContaining(tree, 'CANARY-DRAFT-5T7')).toEqual([]);
    expect(filesContaining(tree, 'CANARY-META-DOCNO-1P4')).toEqual([]);
    // Its commitment comes with it; the pending, withheld and draft ones still do not.
    expect(filesContaining(tree, 'CANARY-COMMIT-EMBARGO-2H6')).toContain('proposals/7-1/20210001/sfj/index.html');
    for (const c of ['CANARY-COMMIT-PENDING-5Q2', 'CANARY-COMMIT-WITHHELD-8V4', 'CANARY-COMMIT-DRAFT-1L9'])
      expect(filesContaining(tree, c)).toEqual([]);
  }, 120_000);
});

describe('a withheld reply with text by mistake', () => {
  it('fails the build, names file, line and field, and publishes nothing', () => {
    const root = join(mkdtempSync(join(tmpdir(), 'open-replies-bad-')), 'content');
    cpSync(fixture, root, { recursive: true });
    writeFileSync(
      join(root, 'proposals/7-1/20210001/mzj.mdx'),
      '---\ncategory: C\nrepliedOn: 2021-06-30\ndisclosure: withheld\nwithheldReason: work-secret\n---\n\nCANARY-WITHHELD-2B6\n',
    );
    const site = build(root, { SOURCE_DATE_EPOCH: IN_2030 });
    expect(site.ok).toBe(false);
    expect(site.output).toContain(
      'proposals/7-1/20210001/mzj.mdx:8:1 body — disclosure 为 withheld 的答复正文必须为空',
    );
    const tree = readTree(site.outDir);
    expect(filesContaining(tree, 'CANARY-WITHHELD-2B6')).toEqual([]);
    expect(existsSync(join(site.outDir, 'index.html'))).toBe(false);
  }, 120_000);
});
