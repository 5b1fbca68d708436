/** Reading a content root from disk: the one part of the corpus code that touches the file system. */
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { checkCorpus, isIgnored, type CheckResult } from './model/corpus/index.ts';

/** The content root: `CONTENT_DIR` when set, else `content/`, resolved from the working directory. */
export function contentRoot(env: Record<string, string | undefined> = process.env): string {
  return resolve(env.CONTENT_DIR || 'content');
}

/** Every file below `root` that is part of the corpus, as `relative path → text`. */
export async function readContentRoot(root: string): Promise<Map<string, string>> {
  let entries;
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (e) {
    throw new Error(`无法读取内容目录 ${root}：${(e as Error).message}`);
  }
  const paths = entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    // Everything under proposals/ and sessions/ is read, so a misnamed record (fgw.MDX, fgw.mdx.bak) is reported, not skipped.
    .filter((p) => !isIgnored(p) && (/\.(ya?ml|mdx?)$/.test(p) || /^(proposals|sessions)\//.test(p)))
    .sort();
  // Synchronous reads: for tens of thousands of small files they beat a pool of async ones.
  return new Map(paths.map((p) => [p, readFileSync(join(root, p), 'utf8')]));
}

/** Read and check a content root. */
export async function checkContentRoot(root: string, opts: { render?: boolean } = {}): Promise<CheckResult> {
  return checkCorpus(await readContentRoot(root), opts);
}
