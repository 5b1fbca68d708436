/**
 * Every content-model check of DESIGN.md, each with a broken record: the
 * problem must name the file, the line, the field, and say what is wrong in
 * Chinese. Nothing with a problem yields a corpus (nothing is published).
 */
import { describe, expect, it } from 'vitest';
import { checkCorpus } from '../src/lib/model/corpus/index.ts';
import {
  expectOnlyProblem,
  fixtureFiles,
  problemLines,
  PROPOSAL,
  reply,
  REPLY,
  reportOfficial,
  withFiles,
} from './helpers.ts';

const okReply = `category: A\nrepliedOn: 2021-06-30\ndisclosure: public`;

describe('the fixture root', () => {
  it('is valid', () => {
    const result = checkCorpus(fixtureFiles());
    expect(result.problems).toEqual([]);
    expect(result.corpus?.replies).toHaveLength(6);
  });
  it('ignores `_` drafts entirely', () => {
    const result = checkCorpus(withFiles({ 'proposals/7-1/20210001/_draft.mdx': 'not even frontmatter {' }));
    expect(result.problems).toEqual([]);
    expect(result.corpus?.replies.map((r) => r.id)).not.toContain('7-1/20210001/_gaj-draft');
  });
});

describe('site.yaml', () => {
  it('requires title', () => {
    expectOnlyProblem(
      withFiles({ 'site.yaml': 'description: 说明\ndemo: true\n' }),
      /^site\.yaml:1:1 title — 缺少必填字段 → 请添加 title$/,
    );
  });
  it('rejects unknown fields at their key', () => {
    expectOnlyProblem(
      withFiles({ 'site.yaml': 'title: 站点\ndescription: 说明\ndemos: true\n' }),
      /^site\.yaml:3:1 demos — 未知字段/,
    );
  });
  it('wants demo to be a boolean', () => {
    expectOnlyProblem(
      withFiles({ 'site.yaml': 'title: 站点\ndescription: 说明\ndemo: 是\n' }),
      /^site\.yaml:3:7 demo — 应为 true 或 false（是）→ 请写成 true（是）或 false（否）/,
    );
  });
  it('names the file of a YAML syntax error', () => {
    const lines = problemLines(withFiles({ 'site.yaml': 'title: 站点\ndescription: [未闭合\n' }));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(/^site\.yaml:\d+:\d+ yaml — YAML 语法错误/);
  });
  it('is required', () => {
    expectOnlyProblem(withFiles({ 'site.yaml': null }), /^site\.yaml:1:1 file — 缺少此文件$/);
  });
});

describe('units, topics, proposers', () => {
  const units = (extra: string) =>
    `- { id: fgw, name: 市发展改革委, kind: department }\n- { id: gaj, name: 市公安局, kind: department }\n- { id: jtj, name: 市交通运输局, kind: department }\n- { id: sfj, name: 市司法局, kind: department }\n- { id: mzj, name: 市民政局, kind: department }\n- { id: zsj, name: 市政务服务数据管理局, kind: department }\n${extra}`;
  it('ids are lowercase [a-z0-9-]', () => {
    expectOnlyProblem(
      withFiles({ 'units.yaml': units('- { id: Water, name: 水务局, kind: department }\n') }),
      /^units\.yaml:7:9 id — 只能使用小写字母、数字和连字符/,
    );
  });
  it('ids are unique', () => {
    expectOnlyProblem(
      withFiles({ 'units.yaml': units('- { id: gaj, name: 公安局, kind: department }\n') }),
      /^units\.yaml:7:9 id — id "gaj" 重复/,
    );
  });
  it('kind is one of the listed values', () => {
    expectOnlyProblem(
      withFiles({ 'units.yaml': units('- { id: water, name: 水务局, kind: bureau }\n') }),
      /^units\.yaml:7:33 kind — 取值无效（bureau）→ 可选值：department（市直部门）、district（区政府）、other（其他单位）$/,
    );
  });
  it('topics need a name', () => {
    expectOnlyProblem(
      withFiles({ 'topics.yaml': '- { id: transport, name: 交通出行 }\n- { id: health }\n' }),
      /^topics\.yaml:2:3 name — 缺少必填字段/,
    );
  });
  it('proposer kind is checked', () => {
    expectOnlyProblem(
      withFiles({ 'proposers.yaml': '- { id: member-a, name: 张委员, kind: deputy }\n' }),
      /^proposers\.yaml:1:36 kind — 取值无效/,
    );
  });
});

describe('sessions', () => {
  const session = (official: string) =>
    `id: "7-1"\nname: 市政协七届一次会议\nofficial:\n  source: { title: 通报, publishedOn: 2022-04-10 }\n${official}`;
  const figures = { ...reportOfficial, ...reportOfficial.categories };
  const official = (f: Partial<typeof figures> = {}) => {
    const v = { ...figures, ...f };
    return `  received: ${v.received}\n  plenary: ${v.plenary}\n  betweenSessions: ${v.betweenSessions}\n  registered: ${v.registered}\n  toGovernment: ${v.toGovernment}\n  repliesDue: ${v.repliesDue}\n  categories: { A: ${v.A}, B: ${v.B}, C: ${v.C}, D: ${v.D} }\n`;
  };
  it("accepts the report's figures", () => {
    expect(problemLines(withFiles({ 'sessions/7-1.yaml': session(official()) }))).toEqual([]);
  });
  it('plenary + betweenSessions = received', () => {
    expectOnlyProblem(
      withFiles({ 'sessions/7-1.yaml': session(official({ received: 740 })) }),
      /^sessions\/7-1\.yaml:5:13 official\.received — 应等于 plenary \+ betweenSessions/,
    );
  });
  it('registered ≤ received', () => {
    expectOnlyProblem(
      withFiles({ 'sessions/7-1.yaml': session(official({ registered: 800, toGovernment: 500 })) }),
      /^sessions\/7-1\.yaml:8:15 official\.registered — 不能大于 received/,
    );
  });
  it('toGovernment ≤ registered', () => {
    expectOnlyProblem(
      withFiles({ 'sessions/7-1.yaml': session(official({ toGovernment: 600 })) }),
      /^sessions\/7-1\.yaml:9:17 official\.toGovernment — 不能大于 registered/,
    );
  });
  it('A+B+C+D = repliesDue', () => {
    expectOnlyProblem(
      withFiles({ 'sessions/7-1.yaml': session(official({ A: 460 })) }),
      /^sessions\/7-1\.yaml:11:15 official\.categories — A\+B\+C\+D 应等于 repliesDue（616），实际为 615$/,
    );
  });
  it('one file per session', () => {
    expectOnlyProblem(
      withFiles({ 'sessions/7-1.yml': 'id: "7-1"\nname: 重复的会议\n' }),
      /^sessions\/7-1\.yml:1:1 id — 会议 "7-1" 已由另一个文件定义/,
    );
  });
  it('the id matches the file name', () => {
    expectOnlyProblem(
      withFiles({ 'sessions/7-1.yaml': 'id: "7-2"\nname: 会议\n' }),
      /^sessions\/7-1\.yaml:1:5 id — 应与文件名一致（"7-1"）/,
    );
  });
  it('dates are real calendar dates', () => {
    const text = session(official()).replace('2022-04-10', '2022-02-30');
    expectOnlyProblem(
      withFiles({ 'sessions/7-1.yaml': text }),
      /^sessions\/7-1\.yaml:4:37 official\.source\.publishedOn — 日期不存在（2022-02-30）/,
    );
  });
});

describe('proposals', () => {
  const base = fixtureFiles().get(PROPOSAL)!;
  it('number must match the folder', () => {
    expectOnlyProblem(
      withFiles({ [PROPOSAL]: base.replace('number: "20210001"', 'number: "20210009"') }),
      /^proposals\/7-1\/20210001\/index\.mdx:2:9 number — 应与文件夹名一致/,
    );
  });
  it('number is a quoted digit string', () => {
    expectOnlyProblem(
      withFiles({ [PROPOSAL]: base.replace('number: "20210001"', 'number: 20210001') }),
      /index\.mdx:2:9 number — 应为文本，实际为数字（20210001）→ 请加上引号："20210001"$/,
    );
  });
  it('every proposer exists', () => {
    expectOnlyProblem(
      withFiles({ [PROPOSAL]: base.replace('proposers: [member-a]', 'proposers: [member-a, member-x]') }),
      /index\.mdx:5:23 proposers\[1\] — 提案者 "member-x" 不在 proposers\.yaml 中/,
    );
  });
  it('every topic exists', () => {
    expectOnlyProblem(
      withFiles({ [PROPOSAL]: base.replace('topics: [transport]', 'topics: [transit]') }),
      /index\.mdx:7:10 topics\[0\] — 主题 "transit" 不在 topics\.yaml 中/,
    );
  });
  it('every unit exists', () => {
    const lines = problemLines(withFiles({ [PROPOSAL]: base.replace('unit: mzj', 'unit: water') }));
    expect(lines).toContain('proposals/7-1/20210001/index.mdx:12:13 units[3].unit — 单位 "water" 不在 units.yaml 中');
  });
  it('role is lead, co or split', () => {
    expectOnlyProblem(
      withFiles({ [PROPOSAL]: base.replace('{ unit: jtj, role: co }', '{ unit: jtj, role: helper }') }),
      /index\.mdx:10:24 units\[1\]\.role — 取值无效（helper）→ 可选值：lead（主办）、co（协办）、split（分办）$/,
    );
  });
  it('the session folder must be a session', () => {
    const files = fixtureFiles();
    const moved = new Map(
      [...files].map(([p, t]) => [p.replace('proposals/7-1/20210002/', 'proposals/7-9/20210002/'), t]),
    );
    const lines = problemLines(moved);
    expect(lines[0]).toMatch(/^proposals\/7-9\/20210002\/index\.mdx:2:1 session — 会议 "7-9" 不存在/);
  });
  it('filedOn is a real date', () => {
    expectOnlyProblem(
      withFiles({ [PROPOSAL]: base.replace('filedOn: 2021-01-20', 'filedOn: 2021-13-01') }),
      /index\.mdx:6:10 filedOn — 日期不存在（2021-13-01）/,
    );
  });
  it('a key proposal may leave its supervisor unnamed (key: {}), but not empty strings', () => {
    expect(
      problemLines(withFiles({ [PROPOSAL]: base.replace('topics: [transport]', 'topics: [transport]\nkey: {}') })),
    ).toEqual([]);
    expect(
      problemLines(
        withFiles({
          [PROPOSAL]: base.replace('topics: [transport]', 'topics: [transport]\nkey: { supervisorTitle: 市长 }'),
        }),
      ),
    ).toEqual([]);
    expectOnlyProblem(
      withFiles({ [PROPOSAL]: base.replace('topics: [transport]', 'topics: [transport]\nkey: { supervisor: "" }') }),
      /index\.mdx:8:\d+ key\.supervisor — 不能为空/,
    );
  });
  it('unknown fields are errors', () => {
    expectOnlyProblem(
      withFiles({ [PROPOSAL]: base.replace('kind: plenary', 'kind: plenary\nstatus: done') }),
      /index\.mdx:5:1 status — 未知字段/,
    );
  });
  it('needs frontmatter', () => {
    expectOnlyProblem(
      withFiles({
        'proposals/7-1/20210002/index.mdx': '建议加快数字经济发展。\n',
        'proposals/7-1/20210002/fgw.mdx': null,
      }),
      /^proposals\/7-1\/20210002\/index\.mdx:1:1 frontmatter — 缺少字段部分/,
    );
  });
  it('a misnamed record is reported, not skipped', () => {
    expectOnlyProblem(
      withFiles({ 'proposals/7-1/20210001/gaj.mdx.bak': reply(okReply) }),
      /^proposals\/7-1\/20210001\/gaj\.mdx\.bak:1:1 file — 位置或文件名不正确/,
    );
  });
  it('records must sit in proposals/<session>/<number>/', () => {
    expectOnlyProblem(
      withFiles({ 'proposals/7-1/note.mdx': reply(okReply) }),
      /^proposals\/7-1\/note\.mdx:1:1 file — 位置或文件名不正确/,
    );
  });
});

describe('replies', () => {
  it('category is A, B, C or D', () => {
    expectOnlyProblem(
      withFiles({ [REPLY]: reply('category: E\nrepliedOn: 2021-06-30\ndisclosure: public') }),
      /^proposals\/7-1\/20210001\/gaj\.mdx:2:11 category — 取值无效（E）→ 可选值：A（已解决或基本解决）、B（正在解决或已列入计划解决）、C（因条件限制暂时不能解决）、D（留作参考）$/,
    );
  });
  it('disclosure is one of the four values', () => {
    expectOnlyProblem(
      withFiles({ [REPLY]: reply('category: A\nrepliedOn: 2021-06-30\ndisclosure: open') }),
      /gaj\.mdx:4:13 disclosure — 取值无效（open）→ 可选值：public（全文公开）/,
    );
  });
  it('withheld needs withheldReason', () => {
    expectOnlyProblem(
      withFiles({ [REPLY]: reply('category: A\nrepliedOn: 2021-06-30\ndisclosure: withheld', '') }),
      /gaj\.mdx:4:13 disclosure — 为 withheld（不公开）时必须写明不公开理由 → 请添加一行 withheldReason，可选值：state-secret（涉及国家秘密）/,
    );
  });
  it('withheldReason only with withheld', () => {
    expectOnlyProblem(
      withFiles({ [REPLY]: reply(`${okReply}\nwithheldReason: privacy`) }),
      /gaj\.mdx:5:17 withheldReason — 只有 disclosure 为 withheld 时才能填写/,
    );
  });
  it('withheldReason is one of the listed reasons', () => {
    expectOnlyProblem(
      withFiles({
        [REPLY]: reply('category: A\nrepliedOn: 2021-06-30\ndisclosure: withheld\nwithheldReason: secret', ''),
      }),
      /gaj\.mdx:5:17 withheldReason — 取值无效/,
    );
  });
  it('a withheld body is empty', () => {
    const text = reply(
      'category: A\nrepliedOn: 2021-06-30\ndisclosure: withheld\nwithheldReason: privacy',
      '\n\n不该在这里的文本。\n',
    );
    expectOnlyProblem(
      withFiles({ [REPLY]: text }),
      /^proposals\/7-1\/20210001\/gaj\.mdx:9:1 body — disclosure 为 withheld 的答复正文必须为空/,
    );
  });
  it('repliedOn ≤ publishOn', () => {
    expectOnlyProblem(
      withFiles({ [REPLY]: reply(`${okReply}\npublishOn: 2021-06-01`) }),
      /gaj\.mdx:5:12 publishOn — 不能早于 repliedOn（2021-06-30）$/,
    );
  });
  it('filedOn ≤ repliedOn', () => {
    expectOnlyProblem(
      withFiles({ [REPLY]: reply('category: A\nrepliedOn: 2021-01-02\ndisclosure: public') }),
      /gaj\.mdx:3:12 repliedOn — 不能早于提案的 filedOn（2021-01-20）（2021-01-02）→ 请核对两个日期$/,
    );
    // A reply on the day the proposal was filed is on time.
    expect(
      problemLines(withFiles({ [REPLY]: reply('category: A\nrepliedOn: 2021-01-20\ndisclosure: public') })),
    ).toEqual([]);
  });
  it('repliedOn is a real date', () => {
    expectOnlyProblem(
      withFiles({ [REPLY]: reply('category: A\nrepliedOn: 2021-02-29\ndisclosure: public') }),
      /gaj\.mdx:3:12 repliedOn — 日期不存在（2021-02-29）/,
    );
  });
  it('is required', () => {
    expectOnlyProblem(
      withFiles({ [REPLY]: reply('category: A\ndisclosure: public') }),
      /gaj\.mdx:2:1 repliedOn — 缺少必填字段/,
    );
  });
  it("the unit is one of its proposal's units", () => {
    expectOnlyProblem(
      withFiles({ 'proposals/7-1/20210002/gaj.mdx': reply(okReply) }),
      /^proposals\/7-1\/20210002\/gaj\.mdx:2:1 unit — 单位 "gaj" 不是该提案 units 中的答复单位（fgw、zsj）$/,
    );
  });
  it('the file name is a unit id', () => {
    const lines = problemLines(withFiles({ 'proposals/7-1/20210001/police.mdx': reply(okReply) }));
    expect(lines).toContain(
      'proposals/7-1/20210001/police.mdx:1:1 unit — 文件名应为答复单位的 id：单位 "police" 不在 units.yaml 中',
    );
  });
  it('needs its proposal beside it', () => {
    expectOnlyProblem(
      withFiles({ 'proposals/7-1/20210003/gaj.mdx': reply(okReply) }),
      /^proposals\/7-1\/20210003\/gaj\.mdx:1:1 file — 同一文件夹中缺少提案文件 index\.mdx$/,
    );
  });
  it('corrections have real dates and notes', () => {
    expectOnlyProblem(
      withFiles({ [REPLY]: reply(`${okReply}\ncorrections:\n  - { on: 2021-09-31, note: 更正 }`) }),
      /gaj\.mdx:6:11 corrections\[0\]\.on — 日期不存在（2021-09-31）/,
    );
  });
  it('feedback is one of the listed values', () => {
    expectOnlyProblem(
      withFiles({ [REPLY]: reply(`${okReply}\nfeedback: happy`) }),
      /gaj\.mdx:5:11 feedback — 取值无效/,
    );
  });
  it('checks withheld rules even when another field is wrong', () => {
    const lines = problemLines(
      withFiles({ [REPLY]: reply('category: E\nrepliedOn: 2021-06-30\ndisclosure: withheld', '') }),
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/disclosure — 为 withheld（不公开）时必须写明不公开理由/);
  });
  it('corrections come after the reply, newest last', () => {
    const lines = problemLines(
      withFiles({
        [REPLY]: reply(
          `${okReply}\ncorrections:\n  - { on: 2021-09-01, note: 一 }\n  - { on: 2021-08-01, note: 二 }\n  - { on: 2021-06-01, note: 三 }`,
        ),
      }),
    );
    expect(lines).toEqual([
      'proposals/7-1/20210001/gaj.mdx:7:11 corrections[1].on — 更正应按日期先后排列，最新的在最后（上一条为 2021-09-01）',
      'proposals/7-1/20210001/gaj.mdx:8:11 corrections[2].on — 更正日期不能早于 repliedOn（2021-06-30）',
      'proposals/7-1/20210001/gaj.mdx:8:11 corrections[2].on — 更正应按日期先后排列，最新的在最后（上一条为 2021-08-01）',
    ]);
  });
  it('reports every problem at once, not the first only', () => {
    const lines = problemLines(
      withFiles({
        [REPLY]: reply('category: E\nrepliedOn: 2021-06-30\ndisclosure: public\ncolour: red'),
        'units.yaml': '- { id: Bad, name: x, kind: department }\n',
      }),
    );
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.some((l) => l.includes('category'))).toBe(true);
    expect(lines.some((l) => l.includes('colour'))).toBe(true);
    expect(lines.some((l) => l.startsWith('units.yaml:1:'))).toBe(true);
  });
});
