/** Open-data downloads: rows from the gate's output only, CSV/JSON that agree, and the data package. */
import { csvParse, csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import type { ProposalEntryData, PublishedEntryData, ReplyEntryData } from '../src/lib/disclosure.ts';
import { publishedReply } from './helpers.ts';
import {
  BOM,
  dataPackage,
  parseCsv,
  proposalFields,
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
} from '../src/lib/exports.ts';
import type { Proposer, Topic, Unit } from '../src/lib/schemas/registry.ts';

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
};

const names = (fields: readonly { name: string }[]) => fields.map((f) => f.name);

describe('replyRows', () => {
  const rows = replyRows(replies, lookups);
  it('has one row per published reply, in a stable order, and drops everything else', () => {
    expect(rows.map((r) => r.id)).toEqual(['7-1/20210009/sfj', '7-1/20210010/sfj']);
    expect(JSON.stringify(rows)).not.toContain(SECRET);
    expect(JSON.stringify(rows)).not.toContain('rsj');
  });
  it('fills every field, in the fields’ order', () => {
    for (const r of rows) expect(Object.keys(r)).toEqual(names(replyFields));
    expect(rows[0]).toEqual({
      id: '7-1/20210009/sfj',
      proposal: '7-1/20210009',
      session: '7-1',
      number: '20210009',
      proposal_title: '关于大力发展律师行业，助推法治城市示范建设的提案',
      unit: 'sfj',
      unit_name: '市司法局',
      role: 'lead',
      category: 'A',
      replied_on: '2021-09-22',
      published_on: '2021-09-27',
      doc_no: '深司函〔2021〕12号',
      signed_by: '张三',
      disclosure: 'public',
      feedback: 'satisfied',
      corrections: 1,
      url: 'https://replies.example.org/proposals/7-1/20210009/sfj/',
      text: tricky,
    });
    expect(rows[1]).toMatchObject({
      disclosure: 'summary',
      doc_no: null,
      signed_by: null,
      feedback: null,
      corrections: 0,
    });
  });
});

describe('CSV and JSON', () => {
  const rows = replyRows(replies, lookups);
  const csv = toCsv(rows, replyFields);
  const json = toJson(rows, { columns: replyFields, pretty: true });

  it('starts with a BOM, then the header in the fields’ order', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csvParseRows(csv.slice(1))[0]).toEqual(names(replyFields));
    expect(csv.endsWith('\n')).toBe(true);
  });
  it('parses back with csvParse to the same rows as the JSON', () => {
    const parsed = csvParse(csv.slice(1));
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
    expect(back[0].text).toBe(tricky);
    expect(back[1].proposal_title).toBe('关于"社区矫正"的提案');
  });
  it('writes JSON compact or pretty, keys in the fields’ order whatever the input order', () => {
    const shuffled = rows.map((r) => Object.fromEntries(Object.entries(r).reverse()));
    const compact = toJson(shuffled, { columns: replyFields });
    expect(compact).toBe(`${JSON.stringify(rows)}\n`);
    expect(Object.keys(JSON.parse(compact)[0])).toEqual(names(replyFields));
    expect(json).toBe(`${JSON.stringify(rows, null, 2)}\n`);
  });
  it('writes a header alone when there are no rows', () => {
    expect(toCsv([], replyFields)).toBe(`${BOM}${names(replyFields).join(',')}\n`);
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
        number: '20210009',
        proposal_title: '关于大力发展律师行业，助推法治城市示范建设的提案',
        unit: 'rsj',
        unit_name: '市人力资源保障局',
        category: 'C',
        withheld_reason: 'work-secret',
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
  const rows = proposalRows(proposals, {
    siteUrl,
    units: lookups.units,
    proposers: new Map(proposers.map((p) => [p.id, p])),
    topics: new Map(topics.map((t) => [t.id, t])),
    replies,
  });
  it('joins names with ；and counts published replies only', () => {
    expect(rows.map((r) => Object.keys(r))).toEqual(rows.map(() => names(proposalFields)));
    expect(rows[0]).toMatchObject({
      id: '7-1/20210009',
      proposers: '市政协社会法制和民族宗教委员会；王某',
      topics: '法治建设；人才',
      units: 'sfj；rsj',
      unit_names: '市司法局；市人力资源保障局',
      key_supervisor: '郑红波',
      key_supervisor_title: '副市长',
      filed_on: '2021-05-14',
      published_replies: 1,
      url: 'https://replies.example.org/proposals/7-1/20210009/',
    });
    // 20210010 has a summary (published) and two entries that are not: one counts.
    expect(rows[1]).toMatchObject({ key_supervisor: null, filed_on: null, published_replies: 1 });
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
    return { table, path: `${table}.csv`, rows: 0, bytes: utf8Bytes(csv), header: csvParseRows(csv.slice(1))[0] };
  });
  const pkg = dataPackage({ files, buildDate: '2030-01-01', siteUrl });

  it('describes the package: name, licence, creation date', () => {
    expect(pkg.name).toBe('open-replies');
    expect(pkg.profile).toBe('tabular-data-package');
    expect(pkg.licenses).toEqual([
      { name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: expect.any(String) },
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
      expect(r).toMatchObject({ format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', bytes: file.bytes, rows: 0 });
      for (const f of r.schema.fields) expect(['string', 'integer', 'date']).toContain(f.type);
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
    expect(withheld.schema.foreignKeys.map((k) => k.reference.resource)).toEqual(['proposals', 'units']);
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
    expect(p.resources[0].schema.foreignKeys).toEqual([]);
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
