/**
 * Validation of `commitments` on a reply (DESIGN.md): real calendar dates,
 * `checkedOn` required for done and dropped, `evidence` an http(s) link only.
 * Each problem names the file, line:col and field, in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { checkCorpus } from '../src/lib/model/corpus/index.ts';
import { expectOnlyProblem, problemLines, reply, REPLY, withFiles } from './helpers.ts';

const base = `category: B\nrepliedOn: 2021-06-30\ndisclosure: public`;
const withCommitment = (lines: string) => withFiles({ [REPLY]: reply(`${base}\ncommitments:\n${lines}`) });

describe('commitments', () => {
  it('accepts open, done with checkedOn and evidence, dropped with checkedOn', () => {
    const files = withCommitment(
      [
        '  - { text: 2022年底前建成智慧停车平台, due: 2022-12-31, status: open }',
        '  - { text: 出台扶持措施, due: 2022-06-30, status: done, checkedOn: 2022-07-10, evidence: "https://www.sz.gov.cn/a" }',
        '  - { text: 建设公共平台, due: 2023-12-31, status: dropped, checkedOn: 2024-01-05 }',
      ].join('\n'),
    );
    expect(problemLines(files)).toEqual([]);
    const r = checkCorpus(files).corpus!.replies.find((x) => x.id === '7-1/20210001/gaj')!;
    expect(r.data.commitments?.map((c) => c.status)).toEqual(['open', 'done', 'dropped']);
  });
  it('due must be a real calendar date', () => {
    expectOnlyProblem(
      withCommitment('  - text: 建成平台\n    due: 2022-02-30\n    status: open'),
      /^proposals\/7-1\/20210001\/gaj\.mdx:7:10 commitments\[0\]\.due — 日期不存在（2022-02-30）→ 请核对月份和日期/,
    );
  });
  it('checkedOn must be a real calendar date', () => {
    expectOnlyProblem(
      withCommitment('  - text: 建成平台\n    due: 2022-12-31\n    status: done\n    checkedOn: 2023-13-01'),
      /gaj\.mdx:9:16 commitments\[0\]\.checkedOn — /,
    );
  });
  it('done needs checkedOn', () => {
    expectOnlyProblem(
      withCommitment('  - text: 建成平台\n    due: 2022-12-31\n    status: done'),
      /gaj\.mdx:6:5 commitments\[0\]\.checkedOn — 缺少必填字段：status 为 done 时必须填写核实日期 → 请添加一行，例如 checkedOn: 2023-01-10$/,
    );
  });
  it('dropped needs checkedOn', () => {
    expectOnlyProblem(
      withCommitment('  - text: 建成平台\n    due: 2022-12-31\n    status: dropped'),
      /commitments\[0\]\.checkedOn — 缺少必填字段：status 为 dropped 时必须填写核实日期 → 请添加一行，例如 checkedOn: 2023-01-10$/,
    );
  });
  it('evidence must be an http(s) link', () => {
    for (const link of ['javascript:alert(1)', 'ftp://example.org/a', 'file:///etc/passwd', '不是链接']) {
      const lines = problemLines(
        withCommitment(
          `  - text: 建成平台\n    due: 2022-12-31\n    status: done\n    checkedOn: 2023-01-02\n    evidence: "${link}"`,
        ),
      );
      expect(lines, link).toHaveLength(1);
      expect(lines[0]).toMatch(/gaj\.mdx:10:15 commitments\[0\]\.evidence — /);
    }
  });
  it('status is open, done or dropped', () => {
    expectOnlyProblem(
      withCommitment('  - text: 建成平台\n    due: 2022-12-31\n    status: late'),
      /gaj\.mdx:8:13 commitments\[0\]\.status — 取值无效（late）→ 可选值：open（进行中）、done（已完成）、dropped（已放弃）/,
    );
  });
  it('text is required and unknown fields are errors', () => {
    expectOnlyProblem(withCommitment('  - due: 2022-12-31\n    status: open'), /commitments\[0\]\.text — 缺少必填字段/);
    expectOnlyProblem(
      withCommitment('  - text: 建成平台\n    due: 2022-12-31\n    status: open\n    owner: 张三'),
      /gaj\.mdx:9:5 commitments\[0\]\.owner — 未知字段/,
    );
  });
});
