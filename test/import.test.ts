/**
 * `npm run import`'s readers: Word replies in several layouts, plain text and
 * Markdown, ledgers in .xlsx and .csv, and hostile files — each made here.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkCorpus, splitFrontmatter } from '../src/lib/model/corpus/index.ts';
import { planImport, type ImportOptions, type Outcome } from '../src/lib/import/index.ts';
import { printedDate, sessionFromText } from '../src/lib/import/text.ts';
import { readSupervisor, splitNames } from '../src/lib/import/ledger.ts';
import { formatProblem } from '../src/lib/model/problems.ts';
import { fixtureFiles, withFiles } from './helpers.ts';
import { replyDocx, workbook, type ReplyShape } from './import/documents.ts';

const design = fixtureFiles('design-example');
const base = withFiles(
  {
    'proposers.yaml': `${design.get('proposers.yaml')}- id: member-ma-qing\n  name: 马青\n  kind: member\n- id: party-cndca\n  name: 民建深圳市委会\n  kind: party\n`,
  },
  design,
);
const yamlList = <T>(path: string) => parse(base.get(path)!) as T[];

/** Options over the design-example root, minus the given files (so the importer may write them). */
function options(extra: Partial<ImportOptions> = {}, remove: string[] = []): ImportOptions {
  const files = new Map(base);
  for (const r of remove) files.delete(r);
  return {
    registries: {
      units: yamlList('units.yaml'),
      proposers: yamlList('proposers.yaml'),
      topics: yamlList('topics.yaml'),
      sessions: ['7-1'],
    },
    read: (p) => files.get(p),
    ...extra,
  };
}

const FGW = 'proposals/7-1/20210001/fgw.mdx';
const INDEX = 'proposals/7-1/20210001/index.mdx';

async function importReply(shape: ReplyShape = {}, extra: Partial<ImportOptions> = {}, remove = [FGW]) {
  return planImport('reply.docx', await replyDocx(shape), options(extra, remove));
}

function written(o: Outcome, path: string) {
  const w = o.writes.find((x) => x.path === path);
  expect(w, `${path} 应被写入：${o.summary}`).toBeDefined();
  const fm = splitFrontmatter(w!.text)!;
  return { text: w!.text, data: parse(fm.yaml) as Record<string, unknown>, body: fm.body };
}

/** The root with the outcome's files written and some text replaced in them, and its problems. */
function validateWith(o: Outcome, edit: (path: string, text: string) => string = (_, t) => t, removed: string[] = []) {
  const changes: Record<string, string | null> = Object.fromEntries(removed.map((r) => [r, null]));
  for (const w of o.writes) changes[w.path] = edit(w.path, w.text);
  return checkCorpus(withFiles(changes, base)).problems.map(formatProblem);
}

describe('a Word reply, read from its face', () => {
  it('takes title, number, 文号, 签发人, category, unit and date, and always writes pending', async () => {
    const o = await importReply();
    expect(o.ok).toBe(true);
    const { data } = written(o, FGW);
    expect(data).toEqual({
      title: '关于市政协七届一次会议第20210001号提案答复的函',
      docNo: '深发改函〔2021〕123号',
      category: 'A',
      repliedOn: '2021-06-30',
      signedBy: '张三',
      disclosure: 'pending',
    });
  });

  it.each([
    ['top', 'A'],
    ['bracket', 'B'],
    ['line', 'C'],
  ] as const)('reads the category mark %s', async (category, expected) => {
    expect(written(await importReply({ category }), FGW).data.category).toBe(expected);
  });

  it.each(['〔〕', '【】', '[]'] as const)('reads the 文号 in %s', async (docNo) => {
    expect(written(await importReply({ docNo }), FGW).data.docNo).toBe(`深发改函${docNo[0]}2021${docNo[1]}123号`);
  });

  it('reads a 落款 date in Chinese numerals', async () => {
    expect(written(await importReply({ signature: 'chinese' }), FGW).data.repliedOn).toBe('2021-06-30');
    expect(printedDate('二〇二〇年三月二十七日')).toBe('2020-03-27');
    expect(printedDate('２０２１年６月３０日')).toBe('2021-06-30');
    expect(printedDate('2021年2月30日')).toBeUndefined();
    expect(sessionFromText('政协第十届委员会第三次会议')).toBe('10-3');
  });

  it('keeps the text in the dialect: lists, a GFM table, the 落款 in <Signature>, no layout lines', async () => {
    const { body } = written(await importReply({ tableRows: 2 }), FGW);
    expect(body).toContain('1. 梳理重点产业链的薄弱环节。\n2. 建立链长制。');
    expect(body).toContain('- 引用《关于印发〈深圳市产业链方案〉的通知》｛第3条｝。');
    expect(body).toContain('| 指标 | 2020年 | 2021年 |\n| - | - | - |\n| 指标1 | 0 | 0 |');
    expect(body).toMatch(/<Signature>\n\s+深圳市发展和改革委员会\n\n\s+2021年6月30日\n<\/Signature>/);
    expect(body.trimStart().startsWith('刘丹宁委员：')).toBe(true);
    for (const layout of ['文件', '是否同意公开', '签发人', 'A类', '深发改函', '答复的函'])
      expect(body).not.toContain(layout);
  });

  it('replaces personal data with <Redacted reason="privacy" /> and keeps office numbers and hotlines', async () => {
    const o = await importReply({ contact: true });
    const { body } = written(o, FGW);
    expect(body).toContain('（联系人：<Redacted reason="privacy" />，联系电话：<Redacted reason="privacy" />）');
    expect(body).not.toContain('13812345678');
    expect(body).not.toContain('王小明');
    expect(body).toContain('0755-88123456，12345');
    expect(o.details.join('\n')).toContain('已删除个人信息 2 处（联系人姓名、手机号码）');
  });

  it('reports images and marks where they were, never dropping them silently', async () => {
    const o = await importReply({ image: true });
    expect(o.details.join('\n')).toContain('图片或嵌入对象 1 处未收录');
    expect(written(o, FGW).body).toContain('原件此处有一幅图片或嵌入对象，未收录。');
  });

  it('validates as soon as an editor sets disclosure', async () => {
    const o = await importReply({ tableRows: 3, contact: true, image: true, signature: 'chinese' });
    expect(validateWith(o, (_, t) => t.replace('disclosure: pending', 'disclosure: public'))).toEqual([]);
  });

  it('without a 落款 needs --unit, and then leaves repliedOn for the editor', async () => {
    const without = await importReply({ signature: 'none' });
    expect(without.ok).toBe(false);
    expect(without.summary).toContain('文末没有落款');
    expect(without.summary).toContain('--unit');
    const o = await importReply({ signature: 'none' }, { unit: 'fgw' });
    expect(o.ok).toBe(true);
    const { data, text } = written(o, FGW);
    expect(data.repliedOn).toBeUndefined();
    expect(text).toContain('# 待填 repliedOn：');
    expect(o.details[0]).toContain('待补：repliedOn');
    expect(validateWith(o)).toEqual([]);
  });

  it('names the nearest known unit when the 落款 is not in units.yaml, and writes nothing', async () => {
    const o = await importReply({ unitName: '深圳市发展改革委员会' });
    expect(o.ok).toBe(false);
    expect(o.writes).toEqual([]);
    expect(o.summary).toContain(
      '“深圳市发展改革委员会”不在 units.yaml 中；最接近的是“深圳市发展和改革委员会”（id fgw）',
    );
  });

  it('never overwrites an existing reply without --force', async () => {
    const o = await importReply({}, {}, []);
    expect(o.ok).toBe(false);
    expect(o.summary).toBe(`${FGW} 已存在，未覆盖（确认要覆盖请加 --force）`);
    const forced = await importReply({}, { force: true }, []);
    expect(forced.ok).toBe(true);
    expect(forced.writes[0].replaces).toBe(true);
  });

  it('a co-handling opinion needs no category, and a new proposal lists the lead unit it is addressed to', async () => {
    const o = await importReply({ co: true, unitName: '市科技创新委', category: 'none' }, {}, [
      INDEX,
      'proposals/7-1/20210001/kjcxw.mdx',
      FGW,
    ]);
    expect(o.ok).toBe(true);
    const reply = written(o, 'proposals/7-1/20210001/kjcxw.mdx');
    expect(reply.data.category).toBeUndefined();
    expect(reply.text).not.toContain('待填 category');
    expect(o.details).toContain('这是协办意见：category 可以不填');
    const index = written(o, INDEX);
    expect(index.data.units).toEqual([
      { unit: 'fgw', role: 'lead' },
      { unit: 'kjcxw', role: 'co' },
    ]);
    const problems = validateWith(
      o,
      (path, t) =>
        path === INDEX
          ? t
              .replace(/# 待填 kind.*\n/, 'kind: plenary\n')
              .replace(/# 待填 topics.*\n/, 'topics: [industry]\n')
              .replace(/# 待填 proposers.*\n/, 'proposers: [member-liu-danning]\n')
          : t.replace('disclosure: pending', 'disclosure: public'),
      [FGW],
    );
    expect(problems).toEqual([]);
  });

  it('writes a missing proposal from what the reply says, and it validates once its gaps are filled', async () => {
    const o = await importReply({}, {}, [INDEX, FGW, 'proposals/7-1/20210001/kjcxw.mdx']);
    const index = written(o, INDEX);
    expect(index.data).toEqual({
      number: '20210001',
      title: '关于打造我市优势产业链，保障重点产业链安全的提案',
      proposers: ['member-liu-danning'],
      units: [{ unit: 'fgw', role: 'lead' }],
    });
    expect(index.text).toContain('# 待填 topics：');
    expect(o.details.join('\n')).toContain(`新建提案 ${INDEX}；待补：kind、topics`);
    const removed = ['proposals/7-1/20210001/kjcxw.mdx'];
    expect(validateWith(o, undefined, removed)).toEqual([
      expect.stringMatching(/^proposals\/7-1\/20210001\/index\.mdx:\d+:\d+ kind — /),
      expect.stringMatching(/^proposals\/7-1\/20210001\/index\.mdx:\d+:\d+ topics — /),
    ]);
    const filled = validateWith(
      o,
      (path, t) =>
        path === INDEX
          ? t.replace(/# 待填 kind.*\n/, 'kind: plenary\n').replace(/# 待填 topics.*\n/, 'topics: [industry]\n')
          : t,
      removed,
    );
    expect(filled).toEqual([]);
  });

  it('reads letters in the number (第2025D048号)', async () => {
    const o = await importReply({ number: '2025D048' }, {}, []);
    expect(o.writes.map((w) => w.path)).toEqual(['proposals/7-1/2025D048/fgw.mdx', 'proposals/7-1/2025D048/index.mdx']);
  });
});

describe('plain text and Markdown replies', () => {
  const txt = [
    '内部资料',
    'B类',
    '关于政协七届一次会议第20210001号提案的答复',
    '刘丹宁委员：',
    '　　您的提案收悉。PM2.5<35 的目标已实现，详见 {附表}。',
    '　　联系人：李华　手机：139 1234 5678',
    '深圳市发展和改革委员会',
    '二〇二一年七月一日',
  ].join('\n');

  it('reads a .txt reply, line by line', async () => {
    const o = await planImport('r.txt', new TextEncoder().encode(txt), options({}, [FGW]));
    expect(o.ok).toBe(true);
    const { data, body } = written(o, FGW);
    expect(data).toMatchObject({
      category: 'B',
      repliedOn: '2021-07-01',
      title: '关于政协七届一次会议第20210001号提案的答复',
    });
    expect(body).toContain('PM2.5＜35 的目标已实现，详见 ｛附表｝。');
    expect(body).toContain('联系人：<Redacted reason="privacy" />　手机：<Redacted reason="privacy" />');
    expect(body).not.toContain('内部资料');
    expect(o.details).toContain('标题前的 1 行按版式处理，未计入正文：“内部资料”');
    expect(validateWith(o, (_, t) => t.replace('pending', 'public'))).toEqual([]);
  });

  it('needs a session it can name and that exists', async () => {
    const noSession = new TextEncoder().encode(txt.replace('政协七届一次会议', ''));
    expect((await planImport('r.txt', noSession, options({}, [FGW]))).summary).toBe(
      '无法确定会议：标题和开头没有“X届X次会议”，请用 --session 指定（例如 --session 7-1）',
    );
    const other = await planImport('r.txt', new TextEncoder().encode(txt), options({ session: '8-2' }, [FGW]));
    expect(other.summary).toBe('会议 8-2 不存在：内容目录中没有 sessions/8-2.yaml，请先建立它或用 --session 指定');
  });

  it('reads a GB18030 .txt reply', async () => {
    const o = await planImport('r.txt', iconv.encode(txt, 'gb18030'), options({}, [FGW]));
    expect(written(o, FGW).data.category).toBe('B');
  });

  it('reads a .md reply with raw HTML kept as text', async () => {
    const md = `# 关于第20210001号提案的答复\n\n刘丹宁委员：\n\n见<b>附件</b>。\n\n<div>附表</div>\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n深圳市发展和改革委员会\n\n2021年6月30日\n`;
    const o = await planImport('r.md', new TextEncoder().encode(md), options({ session: '7-1' }, [FGW]));
    const { body } = written(o, FGW);
    expect(body).toContain('见〈b〉附件〈/b〉。');
    expect(body).toContain('〈div〉附表〈/div〉');
    expect(body).toContain('| a | b |');
    expect(
      validateWith(o, (_, t) => t.replace('pending', 'public').replace('disclosure', 'category: A\ndisclosure')),
    ).toEqual([]);
  });
});

describe('malformed and hostile inputs', () => {
  it('a 0-byte file', async () => {
    const o = await planImport('empty.docx', new Uint8Array(), options());
    expect(o).toMatchObject({ ok: false, writes: [], summary: '文件是空的（0 字节），没有可导入的内容' });
  });

  it('a zip that is not a Word document', async () => {
    const zip = await workbook([['a']]); // an .xlsx is a zip too
    const o = await planImport('fake.docx', zip, options());
    expect(o.ok).toBe(false);
    expect(o.summary).toContain('不是有效的 Word 文档（.docx）');
  });

  it('random bytes as .docx and .xlsx', async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect((await planImport('x.docx', junk, options())).summary).toContain('不是有效的 Word 文档');
    expect((await planImport('x.xlsx', junk, options())).summary).toContain('不是有效的 Excel 工作簿');
  });

  it('a file of another kind, and a document that is not a reply', async () => {
    expect((await planImport('scan.pdf', new Uint8Array([1]), options())).summary).toContain('不支持的文件类型 .pdf');
    expect((await planImport('old.doc', new Uint8Array([1]), options())).summary).toContain('另存为” .docx');
    const memo = new TextEncoder().encode('会议通知\n请各单位准时参加。\n');
    expect((await planImport('memo.txt', memo, options())).summary).toContain('看起来不是一份答复');
  });

  it('a huge table', async () => {
    const o = await importReply({ tableRows: 1000 });
    expect(o.ok).toBe(true);
    expect(
      written(o, FGW)
        .body.split('\n')
        .filter((l) => l.startsWith('| 指标')).length,
    ).toBe(1001);
  }, 60_000);
});

describe('the proposal ledger', () => {
  const header = ['序号', '提案号', '案由', '提案人', '主办单位', '协办单位', '分办单位', '督办领导'];
  const rows = (): ExcelJS.CellValue[][] => [
    ['市政协七届一次会议提案办理台账'],
    header,
    [1, 20210101, '关于加快建设智慧停车平台的提案', '刘丹宁、马青等', '市发展改革委', '市科技创新委', '', '市长覃伟中'],
    [2, '20210102', '关于优化营商环境的提案', '民建深圳市委会', '深圳市发展和改革委员会', '', '', ''],
  ];
  const noIndex = (n: string[]) =>
    options(
      {},
      n.map((x) => `proposals/7-1/${x}/index.mdx`),
    );

  it('finds the header below a title row, splits names, reads the supervisor, writes proposals and pending replies', async () => {
    const o = await planImport('台账.xlsx', await workbook(rows()), noIndex([]));
    expect(o.ok).toBe(true);
    expect(o.summary).toBe('台账 2 行 → 新建提案 2 件，待公开答复 3 份');
    const p = written(o, 'proposals/7-1/20210101/index.mdx');
    expect(p.data).toEqual({
      number: '20210101',
      title: '关于加快建设智慧停车平台的提案',
      proposers: ['member-liu-danning', 'member-ma-qing'],
      andOthers: true,
      units: [
        { unit: 'fgw', role: 'lead' },
        { unit: 'kjcxw', role: 'co' },
      ],
      key: { supervisorTitle: '市长', supervisor: '覃伟中' },
    });
    expect(written(o, 'proposals/7-1/20210101/kjcxw.mdx').text).toBe('---\ndisclosure: pending\n---\n');
    expect(o.details).toContain('台账中没有“主题”列：新建提案的 topics 待补（文件中已用“# 待填”注明）');
    const filled = validateWith(o, (path, t) =>
      path.endsWith('index.mdx')
        ? t.replace(/# 待填 kind.*\n/, 'kind: plenary\n').replace(/# 待填 topics.*\n/, 'topics: [industry]\n')
        : t,
    );
    expect(filled).toEqual([]);
  });

  it('reports an unknown name with the nearest known one and does not write that row', async () => {
    const r = rows();
    r[3][4] = '市发展改革局';
    r[3][3] = '刘丹凝';
    const o = await planImport('台账.xlsx', await workbook(r), noIndex([]));
    expect(o.ok).toBe(false);
    expect(o.details).toContain(
      '第 4 行（提案 20210102）：主办单位“市发展改革局”不在 units.yaml 中；最接近的是“市发展改革委”（id fgw）；提案人“刘丹凝”不在 proposers.yaml 中；最接近的是“刘丹宁”（id member-liu-danning）（本行未写入）',
    );
    expect(o.writes.some((w) => w.path.includes('20210102'))).toBe(false);
    expect(o.writes.some((w) => w.path.includes('20210101'))).toBe(true);
  });

  it('never evaluates a formula, and keeps a cell starting with = as text', async () => {
    const r = rows();
    r[2][2] = {
      formula: 'HYPERLINK("http://evil.example/","关于加快建设智慧停车平台的提案")',
      result: '关于加快建设智慧停车平台的提案',
    };
    r[3][2] = '=1+1 关于优化营商环境的提案';
    const o = await planImport('台账.xlsx', await workbook(r), noIndex([]));
    expect(o.ok).toBe(true);
    expect(written(o, 'proposals/7-1/20210101/index.mdx').data.title).toBe('关于加快建设智慧停车平台的提案');
    expect(o.details).toContain('第 3 行第 3 列 是公式，未计算，按其保存的显示值读取');
    expect(written(o, 'proposals/7-1/20210102/index.mdx').data.title).toBe('=1+1 关于优化营商环境的提案');
    expect(o.writes.map((w) => w.text).join('')).not.toContain('evil.example');
  });

  it.each([
    ['UTF-8', (s: string) => new TextEncoder().encode(s)],
    ['UTF-8 with BOM', (s: string) => new TextEncoder().encode(`\uFEFF${s}`)],
    ['GB18030', (s: string) => iconv.encode(s, 'gb18030')],
  ])('reads a .csv ledger in %s', async (_, encode) => {
    const csv = rows()
      .map((r) => r.map((c) => `"${typeof c === 'string' || typeof c === 'number' ? c : ''}"`).join(','))
      .join('\r\n');
    const o = await planImport('台账.csv', encode(csv), noIndex([]));
    expect(o.summary).toBe('台账 2 行 → 新建提案 2 件，待公开答复 3 份');
    expect(written(o, 'proposals/7-1/20210102/index.mdx').data.proposers).toEqual(['party-cndca']);
  });

  it('skips proposals that exist, and never replaces a reply with an empty pending one', async () => {
    const o = await planImport(
      '台账.xlsx',
      await workbook([
        header,
        [1, '20210001', '关于打造我市优势产业链的提案', '刘丹宁', '市发展改革委', '市科技创新委', '', ''],
      ]),
      options({ session: '7-1', force: false }),
    );
    expect(o.summary).toBe('台账 1 行 → 新建提案 0 件，待公开答复 0 份，1 件提案已存在，未覆盖');
    expect(o.writes).toEqual([]);
  });

  it('says a table without the ledger headers is not a ledger', async () => {
    const o = await planImport(
      'x.xlsx',
      await workbook([
        ['姓名', '电话'],
        ['王小明', '13812345678'],
      ]),
      options(),
    );
    expect(o.ok).toBe(false);
    expect(o.summary).toContain('看起来不是提案台账');
  });

  it('splits names and reads supervisors', () => {
    expect(splitNames('马青、周丽等委员')).toEqual({ names: ['马青', '周丽'], andOthers: true });
    expect(splitNames('甲，乙;丙；丁,戊')).toEqual({ names: ['甲', '乙', '丙', '丁', '戊'], andOthers: false });
    expect(readSupervisor('市长覃伟中')).toEqual({ supervisorTitle: '市长', supervisor: '覃伟中' });
    expect(readSupervisor('常务副市长 黄敏')).toEqual({ supervisorTitle: '常务副市长', supervisor: '黄敏' });
    expect(readSupervisor('覃伟中')).toEqual({ supervisor: '覃伟中' });
  });
});
