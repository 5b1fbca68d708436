/** `npm run validate` as an editor runs it: every problem, one line each, and the exit code. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from './helpers.ts';

const repo = join(import.meta.dirname, '..');
function validate(dir: string) {
  const r = spawnSync(join(repo, 'node_modules', '.bin', 'tsx'), ['scripts/validate.ts', dir], {
    cwd: repo,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run validate', () => {
  it('accepts a root written from the examples of DESIGN.md, comments and drafts included', () => {
    const r = validate(join(fixturesDir, 'design-example'));
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('通过');
  });

  it('prints every problem as path:line:col field — message and exits 1', () => {
    const root = join(mkdtempSync(join(tmpdir(), 'open-replies-validate-')), 'content');
    cpSync(join(fixturesDir, 'design-example'), root, { recursive: true });
    writeFileSync(join(root, 'topics.yaml'), '- id: industry\n  name: 产业发展\n  colour: red\n');
    writeFileSync(
      join(root, 'units.yaml'),
      '- id: fgw\n  name: 市发展改革委\n  kind: department\n- id: kjcxw\n  name: [\n',
    );
    const r = validate(root);
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      'topics.yaml:3:3 colour — 未知字段（colour）→ 内容模型中没有这个字段，请检查拼写；可用字段：id、name',
      expect.stringMatching(/^units\.yaml:\d+:\d+ yaml — YAML 语法错误/),
    ]);
    expect(r.stderr).toContain('发现 2 个问题');
  });

  it('says so when the folder does not exist', () => {
    const r = validate('/nonexistent/content');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('无法读取内容目录');
  });
});
