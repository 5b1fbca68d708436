/** Open-data downloads: rows from the gate's output only, CSV/JSON/XLSX that agree, and the data package. */
import { csvParse, csvParseRows } from 'd3-dsv';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { textFromMarkdown } from '../src/lib/plain-text.ts';
import { describe, expect, it } from 'vitest';
import type { ProposalEntryData, PublishedEntryData, ReplyEntryData } from '../src/lib/disclosure.ts';
import { publishedReply } from './helpers.ts';
import {
  BOM,
  dataPackage,
  parseCsv,
  proposalFields,
  toXlsx,
  proposalRows,
  replyFields,
  replyRows,
  tables,
  toCsv,
  toJson,
  unitFields,
  unitRows,
  utf8Bytes,
  withheldFields,
  withheldRows,
  type TableName,
} from '../src/lib/open-data/index.ts';
import type { Proposer, Topic, Unit } from '../src/lib/model/schemas/registry.ts';

const siteUrl = 'https://replies.example.org';
const SECRET = 'CANARY-不得公开的正文';

const units: Unit[] = [
  { id: 'sfj', name: '市司法局', fullName: '深圳市司法局', kind: 'department' },
  { id: 'rsj', name: '市人力资源保障局', kind: 'department' },
  { id: 'ftq', name: '福田区政府', kind: 'district' },
];
const topics: Topic[] = [
  { id: 'law', name: '法治建设' },
  { id: 'talent', name: '人才' },
];
const proposers: Proposer[] = [
  { id: 'committee-social-law', name: '市政协社会法制和民族宗教委员会', kind: 'committee' },
  { id: 'member-a', name: '王某', kind: 'member', sector: '律师界' },
];

const proposal = (
  number: string,
  title: string,
  extra: Partial<ProposalEntryData['data']> = {},
): ProposalEntryData => ({
  id: `7-1/${number}`,
  session: '7-1',
  number,
  body: `${title}的摘要，含逗号,和"引号"。\n第二行`,
  data: {
    number,
    title,
    kind: 'plenary',
    proposers: ['committee-social-law', 'member-a'],
    topics: ['law', 'talent'],
    units: [
      { unit: 'sfj', role: 'lead' },
      { unit: 'rsj', role: 'co' },
    ],
    ...extra,
  },
});

const proposals = [
  proposal('20210009', '关于大力发展律师行业，助推法治城市示范建设的提案', {
    key: { supervisor: '郑红波', supervisorTitle: '副市长' },
    filedOn: '2021-05-14',
  }),
  proposal('20210010', '关于"社区矫正"的提案'),
];

const key = (number: string, unit: string) => ({
  id: `7-1/${number}/${unit}`,
  session: '7-1',
  number,
  unit,
  proposal: `7-1/${number}`,
});

const tricky =
  '市政协社会法制和民族宗教委员会：\n\n一、关于"青年律师"，我局将：\n- 培训, 带教\n- 交流\r\n\n=SUM(A1) 结尾';

const published: PublishedEntryData = publishedReply({ body: tricky });
const summary: PublishedEntryData = {
  ...key('20210010', 'sfj'),
  state: 'published',
  disclosure: 'summary',
  category: 'B',
  repliedOn: '2021-08-01',
  publishedOn: '2021-08-01',
  corrections: [],
  commitments: [],
  body: '摘要：正在推进。',
};
// A withheld entry with smuggled text, and an unpublished one with a body: neither may leak.
const withheld = {
  ...key('20210009', 'rsj'),
  state: 'withheld',
  category: 'C',
  withheldReason: 'work-secret',
  body: SECRET,
  docNo: SECRET,
} as unknown as ReplyEntryData;
const unpublished = { ...key('20210010', 'rsj'), state: 'unpublished', body: SECRET } as unknown as ReplyEntryData;
const pendingDressedUp = {
  ...published,
  ...key('20210010', 'rsj'),
  state: 'unpublished',
  body: SECRET,
} as unknown as ReplyEntryData;

const replies: ReplyEntryData[] = [summary, withheld, unpublished, published, pendingDressedUp];
const lookups = {
  siteUrl,
  proposals: new Map(proposals.map((p) => [p.id, p])),
  units: new Map(units.map((u) => [u.id, u])),
  sessions: new Map([['7-1', { name: '市政协七届一次会议' }]]),
  proposers: new Map(proposers.map((p) => [p.id, p])),
  topics: new Map(topics.map((t) => [t.id, t])),
};

const names = (fields: readonly { name: string }[]) => fields.map((f) => f.name);

describe('replyRows', () => {
  const rows = replyRows(replies, lookups);
  it('has one row per published reply, in a stable order, and drops everything else', () => {
    expect(rows.map((r) => r.id)).toEqual(['7-1/20210009/sfj', '7-1/20210010/sfj']);
    expect(JSON.stringify(rows)).not.toContain(SECRET);
    expect(JSON.stringify(rows)).not.toContain('rsj');
  });
  it('fills every field, in the fields’ order, with labels beside codes and the proposal’s facts joined', () => {
    for (const r of rows) expect(Object.keys(r)).toEqual(names(replyFields));
    expect(rows[0]).toEqual({
      id: '7-1/20210009/sfj',
      proposal: '7-1/20210009',
      session: '7-1',
      session_name: '市政协七届一次会议',
      number: '20210009',
      proposal_title: '关于大力发展律师行业，助推法治城市示范建设的提案',
      title: null,
      unit: 'sfj',
      unit_name: '市司法局',
      role: 'lead',
      role_label: '主办',
      category: 'A',
      category_label: '已解决或基本解决',
      replied_on: '2021-09-22',
      published_on: '2021-09-27',
      filed_on: '2021-05-14',
      days_to_reply: 131,
      doc_no: '深司函〔2021〕12号',
      index_no: null,
      signed_by: '张三',
      disclosure: 'public',
      disclosure_label: '全文公开',
      feedback: 'satisfied',
      feedback_label: '满意',
      corrections: 1,
      key: true,
      supervisor: '郑红波',
      supervisor_title: '副市长',
      topics: '法治建设；人才',
      proposers: '市政协社会法制和民族宗教委员会；王某',
      url: 'https://replies.example.org/proposals/7-1/20210009/sfj/',
      text: '市政协社会法制和民族宗教委员会：\n一、关于"青年律师"，我局将：\n培训, 带教\n交流\n=SUM(A1) 结尾',
      text_markdown: tricky.trim(),
    });
    expect(rows[1]).toMatchObject({
      disclosure: 'summary',
      disclosure_label: '摘要公开',
      doc_no: null,
      signed_by: null,
      feedback: null,
      feedback_label: null,
      corrections: 0,
      key: false,
      supervisor: null,
      filed_on: null,
      days_to_reply: null,
    });
  });
  it('tolerates a co-handling opinion without a category, and carries the document’s own title and 索引号', () => {
    const co: PublishedEntryData = {
      ...publishedReply({ ...key('20210009', 'rsj'), title: '关于第20210009号提案的协办意见', indexNo: '1144/2021-7' }),
      category: undefined,
    };
    const [row] = replyRows([co], lookups);
    expect(row).toMatchObject({
      role: 'co',
      role_label: '协办',
      category: null,
      category_label: null,
      title: '关于第20210009号提案的协办意见',
      index_no: '1144/2021-7',
    });
  });
});

describe('plain text', () => {
  it('renders redactions, asides and attachments as their visible words, with no tags and no leading newline', () => {
    const text = textFromMarkdown(
      '\n尊敬的委员：\n\n联系电话：<Redacted reason="privacy" />。\n\n<Redacted reason="work-secret" />\n\n<Aside>本段已更正。</Aside>\n\n一、**加快建设**。\n\n<Attachment title="项目清单" />\n',
    );
    expect(text).toBe(
      '尊敬的委员：\n联系电话：［此处内容已删除：涉及个人隐私］。\n［此处内容已删除：涉及工作秘密］\n说明：本段已更正。\n一、加快建设。\n附件：项目清单（本站未收录附件文件）',
    );
    expect(text).not.toMatch(/[<>*¶]/);
  });
  it('keeps table cells apart', () => {
    expect(textFromMarkdown('| 项目 | 金额 |\n| --- | --- |\n| 甲 | 1 |\n')).toBe('项目 金额\n甲 1');
  });
});

describe('CSV and JSON', () => {
  const rows = replyRows(replies, lookups);
  const csv = toCsv(rows, replyFields);
  const json = toJson(rows, { columns: replyFields, pretty: true });

  it('starts with the header in the fields’ order, no BOM (the package says utf-8); a BOM only when asked', () => {
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csvParseRows(csv)[0]).toEqual(names(replyFields));
    expect(csv.endsWith('\n')).toBe(true);
    expect(toCsv(rows, replyFields, { bom: true })).toBe(`${BOM}${csv}`);
  });
  it('parses back with csvParse to the same rows as the JSON', () => {
    const parsed = csvParse(csv);
    expect(parsed.columns).toEqual(names(replyFields));
    const fromJson = JSON.parse(json) as Record<string, string | number | null>[];
    expect(parsed).toHaveLength(fromJson.length);
    parsed.forEach((row, i) => {
      for (const f of replyFields) {
        const v = fromJson[i][f.name];
        expect(row[f.name]).toBe(v === null ? '' : String(v));
      }
    });
    expect(parseCsv(csv, replyFields)).toEqual(fromJson);
  });
  it('keeps Chinese, commas, quotes, newlines and a leading = intact', () => {
    const back = parseCsv(csv, replyFields);
    expect(back[0].text_markdown).toBe(tricky.trim());
    expect(back[1].proposal_title).toBe('关于"社区矫正"的提案');
  });
  it('writes JSON compact or pretty, keys in the fields’ order whatever the input order', () => {
    const shuffled = rows.map((r) => Object.fromEntries(Object.entries(r).reverse()));
    const compact = toJson(shuffled, { columns: replyFields });
    expect(compact).toBe(`${JSON.stringify(rows)}\n`);
    expect(Object.keys((JSON.parse(compact) as object[])[0])).toEqual(names(replyFields));
    expect(json).toBe(`${JSON.stringify(rows, null, 2)}\n`);
  });
  it('writes a header alone when there are no rows', () => {
    expect(toCsv([], replyFields)).toBe(`${names(replyFields).join(',')}\n`);
    expect(toJson([])).toBe('[]\n');
  });
  it('refuses to read a CSV whose columns do not match the fields', () => {
    expect(() => parseCsv(toCsv(rows, [...replyFields].reverse()), replyFields)).toThrow(/不一致/);
  });
});

describe('withheldRows', () => {
  const rows = withheldRows(replies, lookups);
  it('lists withheld replies with metadata only, never text', () => {
    expect(rows).toEqual([
      {
        id: '7-1/20210009/rsj',
        proposal: '7-1/20210009',
        session: '7-1',
        session_name: '市政协七届一次会议',
        number: '20210009',
        proposal_title: '关于大力发展律师行业，助推法治城市示范建设的提案',
        unit: 'rsj',
        unit_name: '市人力资源保障局',
        role: 'co',
        role_label: '协办',
        category: 'C',
        category_label: '因条件限制暂时不能解决',
        withheld_reason: 'work-secret',
        withheld_reason_label: '涉及工作秘密',
        url: 'https://replies.example.org/proposals/7-1/20210009/',
      },
    ]);
    expect(names(withheldFields)).not.toContain('text');
    expect(names(withheldFields)).not.toContain('doc_no');
    expect(rows[0]).not.toHaveProperty('text');
    const csv = toCsv(rows, withheldFields);
    expect(csv).not.toContain(SECRET);
    expect(toJson(rows)).not.toContain(SECRET);
  });
});

describe('proposalRows', () => {
  const rows = proposalRows(proposals, { ...lookups, replies });
  it('joins names with ；and counts published replies only', () => {
    expect(rows.map((r) => Object.keys(r))).toEqual(rows.map(() => names(proposalFields)));
    expect(rows[0]).toMatchObject({
      id: '7-1/20210009',
      proposers: '市政协社会法制和民族宗教委员会；王某',
      topics: '法治建设；人才',
      session_name: '市政协七届一次会议',
      kind_label: '大会提案',
      units: 'sfj；rsj',
      unit_names: '市司法局（主办）；市人力资源保障局（协办）',
      key: true,
      key_supervisor: '郑红波',
      key_supervisor_title: '副市长',
      filed_on: '2021-05-14',
      published_replies: 1,
      url: 'https://replies.example.org/proposals/7-1/20210009/',
    });
    // 20210010 has a summary (published) and two entries that are not: one counts.
    expect(rows[1]).toMatchObject({ key: false, key_supervisor: null, filed_on: null, published_replies: 1 });
    // A soft line break inside a paragraph reads as a space, as on the page.
    expect(rows[1].text).toBe('关于"社区矫正"的提案的摘要，含逗号,和"引号"。 第二行');
    expect(parseCsv(toCsv(rows, proposalFields), proposalFields)).toEqual(JSON.parse(toJson(rows)));
  });
});

describe('unitRows', () => {
  it('counts published and withheld replies, never unpublished ones', () => {
    const rows = unitRows(units, replies, siteUrl);
    expect(rows.map((r) => Object.keys(r))).toEqual(rows.map(() => names(unitFields)));
    expect(rows).toEqual([
      {
        id: 'sfj',
        name: '市司法局',
        full_name: '深圳市司法局',
        kind: 'department',
        kind_label: '市直部门',
        replies: 2,
        published: 2,
        withheld: 0,
        url: 'https://replies.example.org/units/sfj/',
      },
      {
        id: 'rsj',
        name: '市人力资源保障局',
        full_name: null,
        kind: 'department',
        kind_label: '市直部门',
        replies: 1,
        published: 0,
        withheld: 1,
        url: 'https://replies.example.org/units/rsj/',
      },
      {
        id: 'ftq',
        name: '福田区政府',
        full_name: null,
        kind: 'district',
        kind_label: '区政府',
        replies: 0,
        published: 0,
        withheld: 0,
        url: 'https://replies.example.org/units/ftq/',
      },
    ]);
  });
});

describe('dataPackage', () => {
  const files = (Object.keys(tables) as TableName[]).map((table) => {
    const fields = tables[table].fields;
    const csv = toCsv([], fields);
    return { table, path: `${table}.csv`, rows: 0, bytes: utf8Bytes(csv), header: csvParseRows(csv)[0] };
  });
  const pkg = dataPackage({ files, buildDate: '2030-01-01', siteUrl });

  it('describes the package: name, licence, creation date', () => {
    expect(pkg.name).toBe('open-replies');
    expect(pkg.profile).toBe('tabular-data-package');
    expect(pkg.licenses).toEqual([
      {
        name: 'CC-BY-4.0',
        path: 'https://creativecommons.org/licenses/by/4.0/', // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers `any`
        title: expect.any(String),
      },
    ]);
    expect(pkg.created).toBe('2030-01-01T00:00:00+08:00');
    expect(pkg.homepage).toBe('https://replies.example.org/data/');
  });
  it('lists every resource with fields matching its CSV header exactly', () => {
    expect(pkg.resources.map((r) => r.name)).toEqual([
      'replies',
      'proposals',
      'units',
      'withheld',
      'proposers',
      'commitments',
    ]);
    for (const r of pkg.resources) {
      const file = files.find((f) => f.path === r.path)!;
      expect(r.schema.fields.map((f) => f.name)).toEqual(file.header);
      expect(r).toMatchObject({ format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', bytes: file.bytes });
      for (const f of r.schema.fields) expect(['string', 'integer', 'date', 'boolean']).toContain(f.type);
      // Every column documented in Chinese.
      for (const f of r.schema.fields) {
        expect(f.title, f.name).toMatch(/\p{Script=Han}/u);
        expect(f.description, f.name).toMatch(/\p{Script=Han}/u);
      }
      expect(r.schema.primaryKey).toEqual(['id']);
    }
  });
  it('gives enums, required fields and foreign keys', () => {
    const replies = pkg.resources.find((r) => r.name === 'replies')!;
    const field = (n: string) => replies.schema.fields.find((f) => f.name === n)!;
    expect(field('category').constraints?.enum).toEqual(['A', 'B', 'C', 'D']);
    expect(field('disclosure').constraints?.enum).toEqual(['public', 'summary']);
    expect(field('replied_on').type).toBe('date');
    expect(field('corrections').type).toBe('integer');
    expect(field('doc_no').constraints).toBeUndefined();
    expect(field('id').constraints).toEqual({ required: true, unique: true });
    expect(replies.schema.foreignKeys).toEqual([
      { fields: 'proposal', reference: { resource: 'proposals', fields: 'id' } },
      { fields: 'unit', reference: { resource: 'units', fields: 'id' } },
    ]);
    const withheld = pkg.resources.find((r) => r.name === 'withheld')!;
    expect(withheld.schema.foreignKeys!.map((k) => k.reference.resource)).toEqual(['proposals', 'units']);
    // No empty arrays (Frictionless rejects `foreignKeys: []`): a table that refers to none has no key at all.
    for (const name of ['proposals', 'units']) {
      expect(pkg.resources.find((r) => r.name === name)!.schema).not.toHaveProperty('foreignKeys');
    }
    expect(JSON.stringify(pkg)).not.toContain('[]');
    expect(withheld.schema.fields.find((f) => f.name === 'withheld_reason')?.constraints?.enum).toEqual([
      'state-secret',
      'work-secret',
      'privacy',
      'sensitive',
      'other',
    ]);
  });
  it('describes JSON files too, and drops foreign keys to tables it does not hold', () => {
    const p = dataPackage({
      files: [{ table: 'replies', path: 'replies.json', rows: 2 }],
      buildDate: '2030-01-01',
      siteUrl,
    });
    expect(p.profile).toBe('data-package');
    expect(p.resources[0]).toMatchObject({ name: 'replies', format: 'json', mediatype: 'application/json' });
    expect(p.resources[0].schema).not.toHaveProperty('foreignKeys');
  });
  it('refuses duplicate resource names', () => {
    expect(() =>
      dataPackage({
        files: [
          { table: 'replies', path: 'replies.csv', rows: 0 },
          { table: 'replies', path: 'replies.json', rows: 0 },
        ],
        buildDate: '2030-01-01',
        siteUrl,
      }),
    ).toThrow(/重复/);
  });
});

describe('XLSX', () => {
  const dangerous = ['=HYPERLINK("http://evil.example","点我")', '+1+1', '-2+3', '@SUM(A1:A2)', '=1+1'];
  const many = dangerous.map((d, i) => ({ ...replyRows([published], lookups)[0], id: `x/${i}`, doc_no: d, text: d }));
  const write = () => toXlsx(many, replyFields, { sheet: '已公开答复', date: '2030-01-01' });

  it('writes every cell that starts with =, +, - or @ as a string, never a formula', async () => {
    const bytes = await write();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const col = (name: string) => replyFields.findIndex((f) => f.name === name) + 1;
    dangerous.forEach((d, i) => {
      for (const name of ['doc_no', 'text']) {
        const cell = ws.getRow(i + 2).getCell(col(name));
        expect(cell.type, `${name} ${d}`).toBe(ExcelJS.ValueType.String);
        expect(cell.value).toBe(d);
        expect(cell.formula).toBeUndefined();
      }
    });
    // And in the file itself: no formula element anywhere in the sheet.
    const sheet = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).not.toMatch(/<f[ >]/);
  });

  it('has the Chinese column titles as its header and the rows’ values typed as in the JSON', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await write()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('已公开答复');
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(replyFields.map((f) => f.title));
    const r = ws.getRow(2);
    const at = (name: string) => r.getCell(replyFields.findIndex((f) => f.name === name) + 1).value;
    expect(at('days_to_reply')).toBe(131);
    expect(at('key')).toBe(true);
    expect(at('replied_on')).toBe('2021-09-22');
    expect(at('index_no')).toBeNull();
    expect(ws.rowCount).toBe(many.length + 1);
  });

  it('is byte-identical when written twice, with the document and zip dates fixed to the given day', async () => {
    const a = await write();
    await new Promise((r) => setTimeout(r, 2100)); // past the zip format's two-second clock
    const b = await write();
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    const zip = await JSZip.loadAsync(a);
    for (const f of Object.values(zip.files)) expect(f.date.getFullYear(), f.name).toBe(2030);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('2030-01-01T00:00:00Z');
  });
});
