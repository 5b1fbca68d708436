/**
 * `npm run validate [-- DIR]`: check a content root without building.
 * Prints every problem as `path:line:col field — message` (path relative to
 * the content root), then a summary; exits 1 if there is any problem.
 * DIR defaults to CONTENT_DIR, else `content/`. A large root is checked on
 * every core, shared out by session (src/lib/content-root.ts).
 */
import { resolve } from 'node:path';
import { checkContentRootInWorkers, contentRoot } from '../src/lib/content-root.ts';
import { formatProblem, sortProblems } from '../src/lib/model/problems.ts';

const arg = process.argv.slice(2).find((a) => !a.startsWith('-'));
const root = arg ? resolve(arg) : contentRoot();
const started = performance.now();
try {
  const { problems, proposals, replies } = await checkContentRootInWorkers(root);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (problems.length > 0) {
    for (const p of sortProblems(problems)) console.log(formatProblem(p));
    console.error(`\n${root}：发现 ${problems.length} 个问题（${seconds} 秒）。修正后才能发布。`);
    process.exit(1);
  }
  console.error(`${root}：通过。${proposals} 件提案，${replies} 份答复（${seconds} 秒）。`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
