/** `npm run import` as an editor runs it: files written or not, one report line per input, the exit code. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContentRoot } from '../src/lib/content-root.ts';
import { fixturesDir } from './helpers.ts';
import { replyDocx } from './import/documents.ts';

const repo = join(import.meta.dirname, '..');
function run(root: string, args: string[]) {
  const r = spawnSync(join(repo, 'node_modules', '.bin', 'tsx'), ['scripts/import.ts', ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: root },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let inputs: string;
beforeAll(async () => {
  inputs = mkdtempSync(join(tmpdir(), 'open-replies-import-in-'));
  writeFileSync(join(inputs, 'fgw.docx'), await replyDocx({ contact: true }));
  writeFileSync(join(inputs, 'broken.docx'), 'not a zip');
});

function freshRoot(): string {
  const root = join(mkdtempSync(join(tmpdir(), 'open-replies-import-')), 'content');
  cpSync(join(fixturesDir, 'design-example'), root, { recursive: true });
  rmSync(join(root, 'proposals/7-1/20210001/fgw.mdx'));
  return root;
}
const FGW = 'proposals/7-1/20210001/fgw.mdx';

// Each run starts a process: on a busy two-core machine that takes seconds.
describe('npm run import', { timeout: 120_000 }, () => {
  it('writes a pending reply, reports one line per input, and exits 1 when one failed', () => {
    const root = freshRoot();
    const r = run(root, [join(inputs, 'fgw.docx'), join(inputs, 'broken.docx')]);
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => /^[✓✗]/.test(l));
    expect(lines).toEqual([
      expect.stringMatching(/^✓ .*fgw\.docx：→ proposals\/7-1\/20210001\/fgw\.mdx（disclosure: pending）$/),
      expect.stringMatching(/^✗ .*broken\.docx：不是有效的 Word 文档（\.docx）/),
    ]);
    expect(r.stderr).toContain('2 个文件，1 个成功，1 个失败');
    const text = readFileSync(join(root, FGW), 'utf8');
    expect(text).toContain('disclosure: pending');
    expect(text).not.toContain('13812345678');
    // No temporary file left behind.
    expect(readdirSync(join(root, 'proposals/7-1/20210001')).filter((f) => f.includes('import-tmp'))).toEqual([]);
  });

  it('never overwrites without --force; --dry-run writes nothing', () => {
    const root = freshRoot();
    expect(run(root, ['--dry-run', join(inputs, 'fgw.docx')]).stdout).toContain(`--- ${FGW} ---`);
    expect(readdirSync(join(root, 'proposals/7-1/20210001'))).not.toContain('fgw.mdx');
    expect(run(root, [join(inputs, 'fgw.docx')]).status).toBe(0);
    writeFileSync(join(root, FGW), readFileSync(join(root, FGW), 'utf8').replace('pending', 'public'));
    const again = run(root, [join(inputs, 'fgw.docx')]);
    expect(again.status).toBe(1);
    expect(again.stdout).toContain(`${FGW} 已存在，未覆盖（确认要覆盖请加 --force）`);
    expect(readFileSync(join(root, FGW), 'utf8')).toContain('disclosure: public');
    const forced = run(root, ['--force', join(inputs, 'fgw.docx')]);
    expect(forced.status).toBe(0);
    expect(readFileSync(join(root, FGW), 'utf8')).toContain('disclosure: pending');
  });

  it('imports a folder: two units’ replies make one new proposal, which validates once its gaps are filled', async () => {
    const root = freshRoot();
    rmSync(join(root, 'proposals/7-1/20210001'), { recursive: true });
    const dir = mkdtempSync(join(tmpdir(), 'open-replies-import-dir-'));
    writeFileSync(join(dir, 'a.docx'), await replyDocx({ tableRows: 3, signature: 'chinese' }));
    writeFileSync(join(dir, 'b.docx'), await replyDocx({ co: true, category: 'none', unitName: '市科技创新委' }));
    const r = run(root, [dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('kjcxw 已加入本次新建的 proposals/7-1/20210001/index.mdx 的 units');
    const index = join(root, 'proposals/7-1/20210001/index.mdx');
    writeFileSync(
      index,
      readFileSync(index, 'utf8')
        .replace(/# 待填 kind.*\n/, 'kind: plenary\n')
        .replace(/# 待填 topics.*\n/, 'topics: [industry]\n'),
    );
    for (const unit of ['fgw', 'kjcxw']) {
      const path = join(root, `proposals/7-1/20210001/${unit}.mdx`);
      writeFileSync(path, readFileSync(path, 'utf8').replace('pending', 'public'));
    }
    expect((await checkContentRoot(root)).problems).toEqual([]);
  });

  it('explains its usage and bad options', () => {
    const r = run(freshRoot(), []);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('用法：npm run import');
  });
});
