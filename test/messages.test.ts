/**
 * The editors' message table: each mistake an office editor makes (issue 11's
 * list and the bad inputs of DESIGN.md) → the exact line `npm run validate`
 * prints. A change of wording fails here first: change it on purpose or not at all.
 */
import { describe, expect, it } from 'vitest';
import { checkCorpus } from '../src/lib/model/corpus/index.ts';
import { fixtureFiles, problemLines, PROPOSAL, reply, REPLY, withFiles } from './helpers.ts';

const proposal = fixtureFiles().get(PROPOSAL)!;
const okReply = 'category: A\nrepliedOn: 2021-06-30\ndisclosure: public';
const replyWith = (from: string, to: string, body?: string) => ({ [REPLY]: reply(okReply.replace(from, to), body) });
const proposalWith = (from: string, to: string) => ({ [PROPOSAL]: proposal.replace(from, to) });
const R = 'proposals/7-1/20210001/gaj.mdx';
const P = 'proposals/7-1/20210001/index.mdx';

/** [mistake, changed files, every line validate prints] */
const table: [string, Record<string, string | null>, string[]][] = [
  // YAML as typed on a Chinese keyboard
  [
    'full-width colon',
    replyWith('category: A', 'category：A'),
    [`${R}:2:9 yaml — category 后面是全角冒号“：”→ 请改用半角冒号并加一个空格：category: A`],
  ],
  [
    'full-width colon and a space',
    replyWith('category: A', 'category： A'),
    [`${R}:2:9 yaml — category 后面是全角冒号“：”→ 请改用半角冒号并加一个空格：category: A`],
  ],
  [
    'no space after the colon',
    replyWith('category: A', 'category:A'),
    [`${R}:2:10 yaml — category 的冒号后缺少空格 → 请写成 category: A`],
  ],
  [
    'a full-width space after the colon',
    replyWith('category: A', 'category:\u3000A'),
    [`${R}:2:10 yaml — 冒号后是全角空格“　”→ 请改用半角空格`],
  ],
  [
    'an unclosed [ (reported once, where the parser stops, naming the brackets)',
    proposalWith('topics: [transport]', 'topics: [transport'),
    [
      `${P}:8:1 yaml — YAML 语法错误：缩进不正确，或上面某一行的 [ ]、{ }、引号没有成对 → 同一层的字段应对齐，下一层多缩进两个空格；请检查括号和引号是否闭合`,
    ],
  ],
  [
    'a line indented under a field with a value (one message, not two)',
    proposalWith('kind: plenary', 'kind: plenary\n  extra: b'),
    [
      `${P}:4:7 yaml — YAML 语法错误：这一行不是“字段: 值”的写法 → 请检查冒号（半角 :，其后加一个空格）以及上一行的引号和括号`,
    ],
  ],
  [
    'Tab indentation',
    proposalWith('  - { unit: jtj, role: co }', '\t- { unit: jtj, role: co }'),
    [`${P}:10:1 yaml — YAML 缩进中有 Tab（制表符）→ 请改用空格缩进（每层两个空格）`],
  ],
  [
    'full-width space indentation',
    proposalWith('  - { unit: jtj, role: co }', '\u3000- { unit: jtj, role: co }'),
    [`${P}:10:1 yaml — YAML 缩进中有全角空格“　”→ 请改用半角空格`],
  ],
  [
    'full-width letters in a key',
    replyWith('category: A', 'ｃａtegory: A'),
    [`${R}:2:1 yaml — 字段名中有全角字符（ｃａtegory）→ 请用半角字母重写：category`],
  ],
  [
    'an invisible character',
    replyWith('category: A', 'category: A\u200b'),
    [`${R}:2:12 yaml — 有不可见字符（零宽空格 U+200B）→ 请删除它，或重新输入这一行`],
  ],
  [
    'full-width letter in a value',
    replyWith('category: A', 'category: Ａ'),
    [
      `${R}:2:11 category — 取值无效（Ａ）→ 应写成 A；可选值：A（已解决或基本解决）、B（正在解决或已列入计划解决）、C（因条件限制暂时不能解决）、D（留作参考）`,
    ],
  ],
  ['a UTF-8 BOM is ignored', { [REPLY]: `\ufeff${reply(okReply)}` }, []],
  [
    'unclosed frontmatter',
    { [REPLY]: `---\n${okReply}\n\n正文。\n` },
    [`${R}:1:1 frontmatter — 第 1 行的 --- 开始了字段部分，但没有结束的 --- → 请在最后一个字段的下一行写一行 ---`],
  ],
  [
    'no frontmatter',
    { [REPLY]: `正文。\n` },
    [
      `${R}:1:1 frontmatter — 缺少字段部分（第 1 行为 正文。）→ 文件第 1 行应为 ---，接着写字段，再以一行 --- 结束，正文写在其后`,
    ],
  ],
  [
    'a field written twice',
    replyWith('disclosure: public', 'disclosure: public\ncategory: B'),
    [`${R}:5:1 yaml — YAML 语法错误：同一个字段写了两次 → 请删除其中一行`],
  ],
  // Fields
  [
    'date with slashes',
    replyWith('2021-06-30', '2021/7/5'),
    [`${R}:3:12 repliedOn — 日期格式不正确（2021/7/5）→ 应写成 2021-07-05`],
  ],
  [
    'date that does not exist',
    replyWith('2021-06-30', '2021-02-29'),
    [`${R}:3:12 repliedOn — 日期不存在（2021-02-29）→ 请核对月份和日期，格式为 YYYY-MM-DD`],
  ],
  [
    'a missing required field',
    proposalWith('title: 关于提升智慧停车治理水平的提案\n', ''),
    [`${P}:2:1 title — 缺少必填字段 → 请添加 title`],
  ],
  [
    'a missing enum field',
    proposalWith('kind: plenary\n', ''),
    [`${P}:2:1 kind — 缺少必填字段 → 请添加 kind，可选值：plenary（大会提案）、between-sessions（平时提案）`],
  ],
  [
    'a lead unit reply without category',
    replyWith('category: A\n', ''),
    [
      `${R}:3:13 category — 缺少必填字段：主办单位的答复在 disclosure 为 public 时必须填写 category → 请添加 category，可选值：A（已解决或基本解决）、B（正在解决或已列入计划解决）、C（因条件限制暂时不能解决）、D（留作参考）（只有协办意见或 pending 的答复可以不填）`,
    ],
  ],
  [
    'a published reply without repliedOn',
    replyWith('repliedOn: 2021-06-30\n', ''),
    [
      `${R}:2:1 repliedOn — 缺少必填字段 → 请添加一行，例如 repliedOn: 2021-06-30（只有 disclosure 为 pending 的答复可以不填）`,
    ],
  ],
  [
    'a key typo',
    replyWith('disclosure: public', 'disclosur: public'),
    [
      `${R}:2:1 disclosure — 缺少必填字段 → 请添加 disclosure，可选值：public（全文公开）、summary（摘要公开）、withheld（不公开）、pending（待审核，暂不发布）`,
      `${R}:4:1 disclosur — 未知字段（disclosur）→ 是否应为 disclosure？`,
    ],
  ],
  [
    'an unknown field',
    { 'site.yaml': 'title: 站点\ndescription: 说明\ncolour: red\n' },
    [
      'site.yaml:3:1 colour — 未知字段（colour）→ 内容模型中没有这个字段，请检查拼写；可用字段：title、description、demo',
    ],
  ],
  [
    'a unit id typo',
    proposalWith('unit: mzj', 'unit: mjz'),
    [`${P}:12:13 units[3].unit — 单位 "mjz" 不在 units.yaml 中 → 是否应为 mzj（市民政局）？`],
  ],
  [
    'a topic id typo',
    proposalWith('topics: [transport]', 'topics: [transprot]'),
    [`${P}:7:10 topics[0] — 主题 "transprot" 不在 topics.yaml 中 → 是否应为 transport（交通出行）？`],
  ],
  [
    'a proposer id typo',
    proposalWith('proposers: [member-a]', 'proposers: [membr-a]'),
    [`${P}:5:13 proposers[0] — 提案者 "membr-a" 不在 proposers.yaml 中 → 是否应为 member-a（张委员）？`],
  ],
  [
    'an id in Chinese',
    proposalWith('proposers: [member-a]', 'proposers: [张委员]'),
    [`${P}:5:13 proposers[0] — 只能使用小写字母、数字和连字符（-）（张委员）`],
  ],
  [
    'a session folder typo',
    Object.fromEntries(
      ['index.mdx', 'fgw.mdx', 'zsj.mdx'].flatMap((f) => [
        [`proposals/7-1/20210002/${f}`, null],
        [`proposals/07-1/20210002/${f}`, fixtureFiles().get(`proposals/7-1/20210002/${f}`)!],
      ]),
    ),
    [
      'proposals/07-1/20210002/index.mdx:2:1 session — 会议 "07-1" 不存在：应有 sessions/07-1.yaml → 是否应为 7-1（市政协七届一次会议）？',
    ],
  ],
  [
    'disclosure in Chinese',
    replyWith('disclosure: public', 'disclosure: 公开'),
    [
      `${R}:4:13 disclosure — 取值无效（公开）→ 应写成 public；可选值：public（全文公开）、summary（摘要公开）、withheld（不公开）、pending（待审核，暂不发布）`,
    ],
  ],
  [
    'category as printed',
    replyWith('category: A', 'category: A类'),
    [
      `${R}:2:11 category — 取值无效（A类）→ 应写成 A；可选值：A（已解决或基本解决）、B（正在解决或已列入计划解决）、C（因条件限制暂时不能解决）、D（留作参考）`,
    ],
  ],
  [
    'an unknown enum value',
    replyWith('category: A', 'category: E'),
    [
      `${R}:2:11 category — 取值无效（E）→ 可选值：A（已解决或基本解决）、B（正在解决或已列入计划解决）、C（因条件限制暂时不能解决）、D（留作参考）`,
    ],
  ],
  [
    'an unquoted number',
    proposalWith('number: "20210001"', 'number: 20210001'),
    [`${P}:2:9 number — 应为文本，实际为数字（20210001）→ 请加上引号："20210001"`],
  ],
  [
    'withheld without a reason',
    { [REPLY]: reply(okReply.replace('public', 'withheld'), '') },
    [
      `${R}:4:13 disclosure — 为 withheld（不公开）时必须写明不公开理由 → 请添加一行 withheldReason，可选值：state-secret（涉及国家秘密）、work-secret（涉及工作秘密）、privacy（涉及个人隐私）、sensitive（涉及敏感信息）、other（其他原因）`,
    ],
  ],
  [
    'demo is not yes/no',
    { 'site.yaml': 'title: 站点\ndescription: 说明\ndemo: 是\n' },
    ['site.yaml:3:7 demo — 应为 true 或 false（是）→ 请写成 true（是）或 false（否），不加引号'],
  ],
  [
    'a list written as one value',
    proposalWith('topics: [transport]', 'topics: transport'),
    [`${P}:7:9 topics — 应为列表（transport）→ 请写成 [transport]`],
  ],
  [
    'an empty list',
    proposalWith('topics: [transport]', 'topics: []'),
    [`${P}:7:9 topics — 不能为空列表 → 请至少写一项`],
  ],
  // Bodies
  [
    '<br>',
    replyWith('', '', '\n第一行<br>第二行\n'),
    [`${R}:7:4 body — 不允许 <br> → 换行请空一行：段与段之间留一个空行`],
  ],
  [
    '< before a digit',
    replyWith('', '', '\n面积<3平方米\n'),
    [
      `${R}:7:3 body — 正文中的半角“<”后面是“3”，会被当作标签的开始 → 表示“小于”请写“＜”或“小于”，书名号内的标题请用〈…〉`,
    ],
  ],
  [
    'ASCII angle brackets in a cited title',
    replyWith('', '', '\n根据《关于印发<长春市2025年城市体检工作方案>的通知》，\n'),
    [
      `${R}:7:8 body — 正文中的半角“<…>”会被当作标签（<长春市2025年城市体检工作方案>）→ 书名号内的标题请改用〈长春市2025年城市体检工作方案〉；表示“小于”请写“＜”或“小于”`,
    ],
  ],
  [
    'a stray {',
    replyWith('', '', '\n金额{1+1\n'),
    [`${R}:7:3 body — 正文中的半角“{”没有配对的“}”→ 正文中的花括号请改用全角｛｝`],
  ],
  [
    'braces around text',
    replyWith('', '', '\n金额为 {1 + 1} 元。\n'),
    [`${R}:7:5 body — 不允许使用 {表达式}（{1 + 1}）→ 正文中的花括号请改用全角：｛1 + 1｝`],
  ],
  [
    'an unclosed <Aside>',
    replyWith('', '', '\n第一段。\n\n<Aside>\n\n说明。\n'),
    [`${R}:9:1 body — <Aside> 没有结束标签 → 请在说明文字之后单独写一行 </Aside>`],
  ],
  [
    'a misspelt closing tag',
    replyWith('', '', '\n<Aside>\n说明。\n</Asid>\n'),
    [`${R}:9:1 body — 结束标签 </Asid> 与第 7 行的 <Aside> 不一致 → 请写成 </Aside>`],
  ],
  [
    'an HTML link',
    replyWith('', '', '\n见 <a href="https://example.org">网站</a>\n'),
    [`${R}:7:3 body — 不允许 HTML 链接 <a> → 请写成 [链接文字](https://…)`],
  ],
  [
    'a Markdown image',
    replyWith('', '', '\n![照片](images/center.jpg)\n'),
    [
      `${R}:7:1 body — 不允许在正文中插入图片（![照片](images/center.jpg)）→ 请作为附件列出：<Attachment href="images/center.jpg" title="照片" />`,
    ],
  ],
  [
    'every body problem in one run',
    replyWith('', '', '\n一<br>\n\n二<3\n\n三{x\n\n![图](a.png)\n'),
    [
      `${R}:7:2 body — 不允许 <br> → 换行请空一行：段与段之间留一个空行`,
      `${R}:9:2 body — 正文中的半角“<”后面是“3”，会被当作标签的开始 → 表示“小于”请写“＜”或“小于”，书名号内的标题请用〈…〉`,
      `${R}:11:2 body — 正文中的半角“{”没有配对的“}”→ 正文中的花括号请改用全角｛｝`,
      `${R}:13:1 body — 不允许在正文中插入图片（![图](a.png)）→ 请作为附件列出：<Attachment href="a.png" title="图" />`,
    ],
  ],
  ['import', replyWith('', '', '\nimport X from "x"\n'), [`${R}:7:1 body — 不允许使用 import 或 export`]],
  [
    'a javascript: link',
    replyWith('', '', '\n[点击](javascript:alert(1))\n'),
    [`${R}:7:1 body — 链接地址不安全：只允许 http:、https:、mailto: 或相对地址，实际为 "javascript:alert(1)"`],
  ],
  [
    'an unknown component',
    replyWith('', '', '\n<Note>提示</Note>\n'),
    [
      `${R}:7:1 body — 不允许使用 <Note> → 只能使用 <Aside>、<Redacted reason="…" />、<Attachment href="…" title="…" /> 和 <Signature>落款</Signature>；不允许 HTML 标签`,
    ],
  ],
];

describe('every mistake gets its exact message', () => {
  it.each(table)('%s', (_name, changes, expected) => {
    const files = withFiles(changes);
    expect(problemLines(files).sort()).toEqual([...expected].sort());
    if (expected.length) expect(checkCorpus(files).corpus).toBeUndefined();
  });
});
