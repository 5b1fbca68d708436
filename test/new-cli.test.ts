/** `npm run new`: a template an editor fills in; validation names every blank until it validates. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from './helpers.ts';

const repo = join(import.meta.dirname, '..');
const tsx = join(repo, 'node_modules', '.bin', 'tsx');
const run = (script: string, args: string[], root: string) =>
  spawnSync(tsx, [script, ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, CONTENT_DIR: root } });

describe('npm run new', () => {
  it('writes a proposal and a reply that validate once the blanks are filled', () => {
    const root = join(mkdtempSync(join(tmpdir(), 'open-replies-new-')), 'content');
    cpSync(join(fixturesDir, 'design-example'), root, { recursive: true });
    const made = run('scripts/new.ts', ['7-1', '20210099', 'fgw'], root);
    expect(made.status).toBe(0);
    const dir = join(root, 'proposals/7-1/20210099');
    const index = readFileSync(join(dir, 'index.mdx'), 'utf8');
    const reply = readFileSync(join(dir, 'fgw.mdx'), 'utf8');
    // Every field has a Chinese comment above it.
    for (const text of [index, reply])
      for (const [i, line] of text.split('\n').entries())
        if (/^[a-zA-Z]+:/.test(line)) expect(text.split('\n')[i - 1]).toMatch(/^# .*[\u4e00-\u9fff]/);

    const blanks = run('scripts/validate.ts', [root], root);
    expect(blanks.status).toBe(1);
    expect(blanks.stdout.trim().split('\n')).toEqual([
      'proposals/7-1/20210099/fgw.mdx:11:10 category — 未填写（冒号后为空）→ 请填写其中一个：A（已解决或基本解决）、B（正在解决或已列入计划解决）、C（因条件限制暂时不能解决）、D（留作参考）',
      'proposals/7-1/20210099/fgw.mdx:13:11 repliedOn — 未填写（冒号后为空）→ 请在冒号后填写，例如 repliedOn: 2021-06-30；可选字段不需要时请删除这一行',
      'proposals/7-1/20210099/fgw.mdx:25:1 body — 模板的占位文字还在（【待填写…】）→ 请换成正文',
      'proposals/7-1/20210099/index.mdx:5:7 title — 未填写（冒号后为空）→ 请在冒号后填写内容；可选字段不需要时请删除这一行',
      'proposals/7-1/20210099/index.mdx:7:6 kind — 未填写（冒号后为空）→ 请填写其中一个：plenary（大会提案）、between-sessions（平时提案）',
      'proposals/7-1/20210099/index.mdx:9:12 proposers — 不能为空列表 → 请至少写一项',
      'proposals/7-1/20210099/index.mdx:15:9 topics — 不能为空列表 → 请至少写一项',
      'proposals/7-1/20210099/index.mdx:23:1 body — 模板的占位文字还在（【待填写…】）→ 请换成正文',
    ]);

    writeFileSync(
      join(dir, 'index.mdx'),
      index
        .replace('title:\n', 'title: 关于加快数字经济发展的提案\n')
        .replace('kind:\n', 'kind: plenary\n')
        .replace('proposers: []', 'proposers: [member-liu-danning]')
        .replace('topics: []', 'topics: [industry]')
        .replace(/【待填写[^】]*】/, '建议加快数字经济发展。'),
    );
    writeFileSync(
      join(dir, 'fgw.mdx'),
      reply
        .replace('category:\n', 'category: A\n')
        .replace('repliedOn:\n', 'repliedOn: 2021年6月30日\n')
        .replace(/【待填写[^】]*】/, '我委高度重视。'),
    );
    const filled = run('scripts/validate.ts', [root], root);
    expect(filled.stdout).toBe('');
    expect(filled.status).toBe(0);
  }, 120_000);

  it('never overwrites a record', () => {
    const root = join(mkdtempSync(join(tmpdir(), 'open-replies-new-')), 'content');
    cpSync(join(fixturesDir, 'design-example'), root, { recursive: true });
    const r = run('scripts/new.ts', ['7-1', '20210001', 'fgw'], root);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('已存在，不会覆盖');
  }, 60_000);

  it('refuses a proposal number the schema would refuse, before writing anything', () => {
    const root = join(mkdtempSync(join(tmpdir(), 'open-replies-new-')), 'content');
    cpSync(join(fixturesDir, 'design-example'), root, { recursive: true });
    for (const number of ['-1', '2021-', '20210099号']) {
      const r = run('scripts/new.ts', ['7-1', number, 'fgw'], root);
      expect(r.status, number).toBe(2);
      expect(r.stderr).toContain(
        `提案号只能包含字母、数字和连字符（不以连字符开头或结尾，至多 20 个字符），实际为 ${number}`,
      );
      expect(existsSync(join(root, 'proposals', '7-1', number))).toBe(false);
    }
  }, 60_000);
});
