/**
 * `npx tsx scripts/bench/import.ts [--replies 100] [--out DIR]`: N Word
 * replies made like the tests' (each layout in turn: category marks, 文号
 * forms, both date forms, tables, contact lines, co-handling opinions, no
 * 落款), a content root for them, then `npm run import` of the whole folder,
 * timed from outside as an editor would run it. Prints the wall time and
 * leaves DIR for reruns (`CONTENT_DIR=DIR/content npx tsx scripts/import.ts
 * --force DIR/inputs`).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { replyDocx, type ReplyShape } from '../../test/import/documents.ts';

const { values } = parseArgs({ options: { replies: { type: 'string', default: '100' }, out: { type: 'string' } } });
const n = Number(values.replies);
const out = values.out ?? mkdtempSync(join(tmpdir(), 'open-replies-bench-import-'));
const repo = join(import.meta.dirname, '..', '..');
const root = join(out, 'content');
const inputs = join(out, 'inputs');
rmSync(out, { recursive: true, force: true });
mkdirSync(inputs, { recursive: true });
cpSync(join(repo, 'test/fixtures/design-example'), root, { recursive: true });
rmSync(join(root, 'proposals'), { recursive: true });

const shapes: ReplyShape[] = [
  { category: 'top', docNo: '〔〕', signature: 'arabic' },
  { category: 'bracket', docNo: '【】', signature: 'chinese', tableRows: 12 },
  { category: 'line', docNo: '[]', signature: 'arabic', contact: true },
  { co: true, category: 'none', unitName: '市科技创新委', signature: 'chinese' },
  { category: 'top', signature: 'arabic', tableRows: 40, contact: true, image: true },
];
const long = Array.from({ length: 12 }, (_, i) =>
  `　　第${i + 1}项，我委会同有关部门研究落实，已取得阶段性进展。`.repeat(3),
);
for (let i = 0; i < n; i++) {
  const shape = { ...shapes[i % shapes.length], number: String(20210001 + i), paragraphs: long };
  writeFileSync(join(inputs, `reply-${String(i + 1).padStart(3, '0')}.docx`), await replyDocx(shape));
}

const started = performance.now();
const r = spawnSync(join(repo, 'node_modules/.bin/tsx'), [join(repo, 'scripts/import.ts'), inputs], {
  cwd: repo,
  env: { ...process.env, CONTENT_DIR: root },
  encoding: 'utf8',
});
const seconds = (performance.now() - started) / 1000;
const ok = r.stdout.split('\n').filter((l) => l.startsWith('✓')).length;
console.log(`${n} replies: ${ok} imported, exit ${r.status}, ${seconds.toFixed(2)} s wall (process start to exit)`);
console.log(`inputs: ${inputs}\nroot:   ${root}`);
if (r.status !== 0)
  console.log(
    r.stdout
      .split('\n')
      .filter((l) => l.startsWith('✗'))
      .slice(0, 5)
      .join('\n'),
    r.stderr,
  );
