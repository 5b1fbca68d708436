/** Reading a content root from disk: the one part of the corpus code that touches the file system. */
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkCorpus, isIgnored, type CheckResult } from './model/corpus/index.ts';
import { mergeShareProblems, shareBySession } from './model/corpus/shares.ts';
import type { Problem } from './model/problems.ts';

/** The content root: `CONTENT_DIR` when set, else `content/`, resolved from the working directory. */
export function contentRoot(env: Record<string, string | undefined> = process.env): string {
  return resolve(env.CONTENT_DIR || 'content');
}

/** Every path below `root` that is part of the corpus, relative, with `/`, sorted. */
async function contentPaths(root: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (e) {
    throw new Error(`无法读取内容目录 ${root}：${(e as Error).message}`);
  }
  return (
    entries
      .filter((e) => e.isFile())
      .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
      // Everything under proposals/ and sessions/ is read, so a misnamed record (fgw.MDX, fgw.mdx.bak) is reported, not skipped.
      .filter((p) => !isIgnored(p) && (/\.(ya?ml|mdx?)$/.test(p) || /^(proposals|sessions)\//.test(p)))
      .sort()
  );
}

/** The files at `paths` below `root`, as `relative path → text`. */
export function readFiles(root: string, paths: readonly string[]): Map<string, string> {
  // Synchronous reads: for tens of thousands of small files they beat a pool of async ones.
  return new Map(paths.map((p) => [p, readFileSync(join(root, p), 'utf8')]));
}

/** Every file below `root` that is part of the corpus, as `relative path → text`. */
export async function readContentRoot(root: string): Promise<Map<string, string>> {
  return readFiles(root, await contentPaths(root));
}

/** Read and check a content root. */
export async function checkContentRoot(root: string, opts: { render?: boolean } = {}): Promise<CheckResult> {
  return checkCorpus(await readContentRoot(root), opts);
}

/** What checking a content root says without keeping its records: every problem, and how many records passed. */
export interface CheckSummary {
  problems: Problem[];
  proposals: number;
  replies: number;
}

/** Below this many files, starting workers costs more than it saves. */
const FILES_PER_WORKER = 4000;

/**
 * Check a content root on every core (`npm run validate`): the files are
 * shared out by session (src/lib/model/corpus/shares.ts), each share read and
 * checked in a worker thread, and the problems merged. The same problems as
 * `checkContentRoot`, in the order `sortProblems` gives them.
 */
export async function checkContentRootInWorkers(
  root: string,
  { workers = availableParallelism(), filesPerWorker = FILES_PER_WORKER } = {},
): Promise<CheckSummary> {
  const paths = await contentPaths(root);
  const n = Math.min(workers, Math.floor(paths.length / filesPerWorker));
  if (n < 2) {
    const { corpus, problems } = checkCorpus(readFiles(root, paths));
    return { problems, proposals: corpus?.proposals.length ?? 0, replies: corpus?.replies.length ?? 0 };
  }
  const shares = await Promise.all(
    shareBySession(paths, n).map(
      (share) =>
        new Promise<CheckSummary>((done, fail) => {
          const worker = new Worker(new URL('./content-root-worker.ts', import.meta.url), {
            workerData: { root, paths: share },
          });
          worker.once('message', done);
          worker.once('error', fail);
          worker.once('exit', (code) => fail(new Error(`检查进程意外退出（代码 ${code}）`)));
        }),
    ),
  );
  const problems = mergeShareProblems(shares.map((s) => s.problems));
  // A record passes only if the whole root does: the loader publishes nothing from a root with problems.
  const ok = problems.length === 0;
  return {
    problems,
    proposals: ok ? shares.reduce((sum, s) => sum + s.proposals, 0) : 0,
    replies: ok ? shares.reduce((sum, s) => sum + s.replies, 0) : 0,
  };
}
