/**
 * What an editor reads about a record file as a whole (src/lib/model/corpus/files.ts):
 * a file with no frontmatter or an unclosed one, a template placeholder left in,
 * and what the loader gets to render. Each message names the file, line and
 * column, and nothing of such a root is published.
 */
import { describe, expect, it } from 'vitest';
import { checkCorpus } from '../src/lib/model/corpus/index.ts';
import { expectOnlyProblem, problemLines, REPLY, reply, withFiles } from './helpers.ts';

const fm = 'category: A\nrepliedOn: 2021-06-30\ndisclosure: public';

describe('a record file as a whole', () => {
  it('without frontmatter: quotes its first line, shortened past 20 characters, or says it is blank', () => {
    expectOnlyProblem(
      withFiles({ [REPLY]: '答复正文\n' }),
      /gaj\.mdx:1:1 frontmatter — 缺少字段部分（第 1 行为 答复正文）→ 文件第 1 行应为 ---/,
    );
    expectOnlyProblem(
      withFiles({ [REPLY]: `${'一二三四五六七八九十'.repeat(3)}\n` }),
      /缺少字段部分（第 1 行为 一二三四五六七八九十一二三四五六七八九十…）/,
    );
    expectOnlyProblem(
      withFiles({ [REPLY]: `${'一二三四五六七八九十'.repeat(2)}\n` }),
      /（第 1 行为 一二三四五六七八九十一二三四五六七八九十）/,
    );
    expectOnlyProblem(withFiles({ [REPLY]: '   \n---\ncategory: A\n---\n' }), /缺少字段部分（第 1 行是空行）/);
  });

  it('with an opening --- and no closing one: says where the fields start', () => {
    expectOnlyProblem(
      withFiles({ [REPLY]: '---\ncategory: A\n\n正文\n' }),
      /gaj\.mdx:1:1 frontmatter — 第 1 行的 --- 开始了字段部分，但没有结束的 ---/,
    );
  });

  it('with an empty frontmatter: reads it as no fields, and names the fields that are missing', () => {
    const lines = problemLines(withFiles({ [REPLY]: '---\n---\n\n正文。\n' }));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.startsWith(`${REPLY}:`) && !l.includes(' frontmatter — '))).toBe(true);
    expect(lines.some((l) => / disclosure — /.test(l))).toBe(true);
  });

  it('with its closing --- on the last line and no line end after it: a record with no body', () => {
    expect(problemLines(withFiles({ [REPLY]: '---\ndisclosure: pending\n---' }))).toEqual([]);
    expectOnlyProblem(
      withFiles({ [REPLY]: '---' }),
      /gaj\.mdx:1:1 frontmatter — 第 1 行的 --- 开始了字段部分，但没有结束的 ---/,
    );
    expectOnlyProblem(withFiles({ [REPLY]: '---标题\n正文\n' }), /缺少字段部分（第 1 行为 ---标题）/);
  });

  it('with a template placeholder left in: points at it, and the body is not read further', () => {
    const lines = problemLines(withFiles({ [REPLY]: reply(fm, '\n第一段。\n\n  【待填写：答复正文。】{x\n') }));
    expect(lines).toEqual([`${REPLY}:9:3 body — 模板的占位文字还在（【待填写…】）→ 请换成正文`]);
    const first = problemLines(withFiles({ [REPLY]: reply(fm, '【待填写】\n') }));
    expect(first).toEqual([`${REPLY}:6:1 body — 模板的占位文字还在（【待填写…】）→ 请换成正文`]);
    const atStart = problemLines(withFiles({ [REPLY]: reply(fm, '【待填写】{x\n') }));
    expect(atStart).toEqual([`${REPLY}:6:1 body — 模板的占位文字还在（【待填写…】）→ 请换成正文`]);
  });

  it('renders a body only when it has no problem, and an empty body as empty', () => {
    const empty = checkCorpus(withFiles({ [REPLY]: reply(fm, '\n') }), { render: true }).corpus!;
    expect(empty.replies.find((r) => r.file === REPLY)!.html).toBe('');
    const full = checkCorpus(withFiles({ [REPLY]: reply(fm, '\n正文。\n') }), { render: true }).corpus!;
    expect(full.replies.find((r) => r.file === REPLY)!.html).toContain('<p>正文。</p>');
    const notRendered = checkCorpus(withFiles({ [REPLY]: reply(fm, '\n正文。\n') })).corpus!;
    expect(notRendered.replies.find((r) => r.file === REPLY)!.html).toBeUndefined();
  });
});
