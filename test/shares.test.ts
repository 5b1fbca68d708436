/**
 * Checking a content root in shares by session (`npm run validate` on every
 * core) must say exactly what checking it whole says: the same problems, the
 * same records.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkContentRoot, checkContentRootInWorkers } from '../src/lib/content-root.ts';
import { checkCorpus } from '../src/lib/model/corpus/index.ts';
import { mergeShareProblems, sessionFolder, shareBySession } from '../src/lib/model/corpus/shares.ts';
import { formatProblem, sortProblems } from '../src/lib/model/problems.ts';
import { fixtureFiles, fixturesDir, withFiles } from './helpers.ts';

const realShapes = fixtureFiles('real-shapes');

/** What the shares of `files` find together, as validate prints it. */
function inShares(files: Map<string, string>, n: number) {
  const results = shareBySession([...files.keys()], n).map((share) =>
    checkCorpus(new Map(share.map((p) => [p, files.get(p)!]))),
  );
  return {
    problems: sortProblems(mergeShareProblems(results.map((r) => r.problems))).map(formatProblem),
    replies: results.flatMap((r) => r.corpus?.replies.map((x) => x.id) ?? []).sort(),
  };
}
function whole(files: Map<string, string>) {
  const r = checkCorpus(files);
  return {
    problems: sortProblems(r.problems).map(formatProblem),
    replies: (r.corpus?.replies.map((x) => x.id) ?? []).sort(),
  };
}

describe('a content root checked in shares by session', () => {
  it('deals whole sessions, largest first, to the share with the fewest records, and every share has the shared files', () => {
    const paths = [
      'site.yaml',
      'sessions/a.yaml',
      'proposals/a/1/index.mdx',
      'proposals/a/1/x.mdx',
      'proposals/a/2/index.mdx',
      'proposals/b/1/index.mdx',
      'proposals/c/1/index.mdx',
      'proposals/c/1/y.mdx',
      'proposals/stray.mdx',
    ];
    expect(shareBySession(paths, 2)).toEqual([
      [
        'site.yaml',
        'sessions/a.yaml',
        'proposals/stray.mdx',
        'proposals/a/1/index.mdx',
        'proposals/a/1/x.mdx',
        'proposals/a/2/index.mdx',
      ],
      [
        'site.yaml',
        'sessions/a.yaml',
        'proposals/stray.mdx',
        'proposals/c/1/index.mdx',
        'proposals/c/1/y.mdx',
        'proposals/b/1/index.mdx',
      ],
    ]);
    // More shares than sessions: the empty ones are dropped; none asked: one.
    expect(shareBySession(paths, 5)).toHaveLength(3);
    const [all] = shareBySession(paths, 0);
    expect(shareBySession(paths, 0)).toHaveLength(1);
    expect([...all].sort()).toEqual([...paths].sort());
    expect(shareBySession(['site.yaml'], 2)).toEqual([['site.yaml']]);
    expect([
      sessionFolder('proposals/7-1/1/index.mdx'),
      sessionFolder('proposals/stray.mdx'),
      sessionFolder('sessions/7-1.yaml'),
      sessionFolder('archive/proposals/7-1/1/index.mdx'),
    ]).toEqual(['7-1', undefined, undefined, undefined]);
    // Sessions of the same size are dealt in name order, whatever order the paths come in.
    const tied = ['proposals/b/1/index.mdx', 'proposals/c/1/index.mdx', 'proposals/a/1/index.mdx'];
    expect(shareBySession(tied, 3)).toEqual([[tied[2]], [tied[0]], [tied[1]]]);
  });

  it('finds what the whole root finds in a clean root', () => {
    expect(inShares(realShapes, 2)).toEqual(whole(realShapes));
    expect(whole(realShapes).replies.length).toBeGreaterThan(3);
  });

  it('finds every problem the whole root finds, once, in shared files and in every session', () => {
    const broken = withFiles(
      {
        'units.yaml': `${realShapes.get('units.yaml')!}- { id: Bad Id, name: 坏单位, kind: department }\n`,
        'sessions/10-4.yaml': realShapes
          .get('sessions/10-4.yaml')!
          .replace('name: 区政协十届四次会议', 'name: 区政协十届四次会议\nyear: 二〇二五'),
        'proposals/10-3/52/zjj.mdx': realShapes
          .get('proposals/10-3/52/zjj.mdx')!
          .replace('disclosure: public', 'disclosure: public\nrepliedOn2: 2024-05-10'),
        'proposals/10-4/2025D048/fgw.mdx': `${realShapes.get('proposals/10-4/2025D048/fgw.mdx')!}\n手机 13812345678。\n`,
        'proposals/10-4/2025D048/FGW.MDX': 'x',
        'proposals/9-9/1/index.mdx': realShapes
          .get('proposals/10-3/52/index.mdx')!
          .replace(/^number: .*$/m, 'number: "1"'),
      },
      realShapes,
    );
    const expected = whole(broken);
    expect(expected.problems.length, expected.problems.join('\n')).toBeGreaterThanOrEqual(6);
    for (const n of [2, 3]) expect(inShares(broken, n), `${n} shares`).toEqual(expected);
  });

  it('in worker threads, reads and checks a root on disk as checkContentRoot does', async () => {
    const root = mkdtempSync(join(tmpdir(), 'shares-'));
    cpSync(join(fixturesDir, 'real-shapes'), root, { recursive: true });
    const clean = await checkContentRoot(root);
    expect(await checkContentRootInWorkers(root, { workers: 2, filesPerWorker: 1 })).toEqual({
      problems: [],
      proposals: clean.corpus!.proposals.length,
      replies: clean.corpus!.replies.length,
    });
    writeFileSync(join(root, 'proposals/10-4/2025D048/fgw.mdx'), '---\ncategory: A\n---\n手机 13812345678\n');
    const broken = (await checkContentRoot(root)).problems;
    const inWorkers = await checkContentRootInWorkers(root, { workers: 2, filesPerWorker: 1 });
    expect(sortProblems(inWorkers.problems)).toEqual(sortProblems(broken));
    expect(inWorkers).toMatchObject({ proposals: 0, replies: 0 });
  });
});
