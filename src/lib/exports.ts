/**
 * The open-data downloads: one table each of published replies, proposals,
 * units and withheld replies, as CSV (UTF-8 with a BOM, so Excel reads the
 * Chinese) and JSON, described by a Frictionless Data Package.
 *
 * Each table's fields are defined once, below: they give the CSV's column
 * order, the JSON's key order, the row types and the package's schema, so
 * the three can never disagree. Pure: works on the disclosure gate's output
 * only, and filters by state again (defence in depth), so an unpublished
 * reply passed in by mistake is dropped and a withheld one never carries text.
 */
import { commitmentTable, proposerTable } from './open-data/accountability-tables.ts';
import { csvFormat, csvParse } from 'd3-dsv';
import { isPublished, isWithheld, type ProposalEntryData, type ReplyEntryData } from './disclosure.ts';
import { categoryZh, disclosureZh, feedbackZh, proposalKindZh, roleZh, withheldReasonZh } from './labels.ts';
import { categories, withheldReasons } from './schemas/common.ts';
import { roles } from './schemas/proposal.ts';
import type { Proposer, Topic, Unit } from './schemas/registry.ts';
import { proposalUrl, replyUrl, unitUrl } from './urls.ts';
import { compareProposals } from './views.ts';

// ---------------------------------------------------------------------------
// Shared helpers

/** The absolute address of a site path: `absoluteUrl('https://x.org', '/a/')` → `https://x.org/a/`. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(path, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}

/** A calendar date as an RFC 3339 instant: midnight in Beijing, `2021-09-27T00:00:00+08:00`. */
export function rfc3339(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`日期应为 YYYY-MM-DD，实际为 "${date}"`);
  return `${date}T00:00:00+08:00`;
}

/** Byte length of a text in UTF-8 (what the package's `bytes` counts). */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Multi-valued cells (proposers, topics, units) are joined with a full-width semicolon. */
export const LIST_SEPARATOR = '；';

// ---------------------------------------------------------------------------
// Field definitions: the one place that says what each table holds.

export type FieldType = 'string' | 'integer' | 'date';

/** One column of a table; also a Frictionless Table Schema field. */
export interface FieldDef {
  name: string;
  type: FieldType;
  /** Chinese column title. */
  title: string;
  description: string;
  /** `uri` for addresses. */
  format?: 'uri';
  /** Never empty. Optional fields are empty in CSV and `null` in JSON. */
  required?: boolean;
  unique?: boolean;
  enum?: readonly string[];
}

type CellOf<F extends FieldDef> =
  (F['type'] extends 'integer' ? number : string) | (F extends { required: true } ? never : null);

/** A row type derived from field definitions: every field, nothing else. */
export type RowOf<Fs extends readonly FieldDef[]> = { [F in Fs[number] as F['name']]: CellOf<F> };

/** A row of any table. */
export type Row = Record<string, string | number | null>;

const labelled = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k} ${v}`)
    .join('；');

const reply = {
  id: {
    name: 'id',
    type: 'string',
    title: '答复编号',
    description: '会次/提案号/单位，如 7-1/20210009/sfj',
    required: true,
    unique: true,
  },
  proposal: {
    name: 'proposal',
    type: 'string',
    title: '提案编号',
    description: '会次/提案号，对应 proposals 的 id',
    required: true,
  },
  session: { name: 'session', type: 'string', title: '会次', description: '届-次，如 7-1', required: true },
  number: {
    name: 'number',
    type: 'string',
    title: '提案号',
    description: '提案号（数字串，保留前导零）',
    required: true,
  },
  proposal_title: {
    name: 'proposal_title',
    type: 'string',
    title: '提案名称',
    description: '提案名称',
    required: true,
  },
  unit: {
    name: 'unit',
    type: 'string',
    title: '单位编号',
    description: '答复单位的 id，对应 units 的 id',
    required: true,
  },
  unit_name: { name: 'unit_name', type: 'string', title: '答复单位', description: '答复单位简称', required: true },
} as const satisfies Record<string, FieldDef>;

const category = {
  name: 'category',
  type: 'string',
  title: '办理结果',
  description: `答复类别：${labelled(categoryZh)}；未定类别的协办意见为空`,
  enum: categories,
} as const satisfies FieldDef;

/** One row per published reply (full text or summary). */
export const replyFields = [
  reply.id,
  reply.proposal,
  reply.session,
  reply.number,
  reply.proposal_title,
  reply.unit,
  reply.unit_name,
  {
    name: 'role',
    type: 'string',
    title: '办理方式',
    description: `承办角色：${labelled(roleZh)}`,
    required: true,
    enum: roles,
  },
  category,
  { name: 'replied_on', type: 'date', title: '答复日期', description: '单位作出答复的日期', required: true },
  { name: 'published_on', type: 'date', title: '公开日期', description: '本站公开的日期', required: true },
  { name: 'doc_no', type: 'string', title: '文号', description: '答复的文号，没有时为空' },
  { name: 'signed_by', type: 'string', title: '签发人', description: '签发人，未注明时为空' },
  {
    name: 'disclosure',
    type: 'string',
    title: '公开方式',
    description: `${labelled(disclosureZh)}（摘要公开时 text 为摘要）`,
    required: true,
    enum: ['public', 'summary'],
  },
  {
    name: 'feedback',
    type: 'string',
    title: '提案者反馈',
    description: `提案者对答复的意见：${labelled(feedbackZh)}；未注明时为空`,
    enum: ['satisfied', 'basically-satisfied', 'unsatisfied'],
  },
  { name: 'corrections', type: 'integer', title: '更正次数', description: '公开后的更正次数', required: true },
  { name: 'url', type: 'string', format: 'uri', title: '网址', description: '答复的永久地址', required: true },
  {
    name: 'text',
    type: 'string',
    title: '正文',
    description: '答复正文（Markdown，含 <Aside>、<Redacted>、<Attachment> 标记）；摘要公开时为摘要',
    required: true,
  },
] as const satisfies readonly FieldDef[];

/** One row per proposal. */
export const proposalFields = [
  {
    name: 'id',
    type: 'string',
    title: '提案编号',
    description: '会次/提案号，如 7-1/20210009',
    required: true,
    unique: true,
  },
  reply.session,
  reply.number,
  { name: 'title', type: 'string', title: '提案名称', description: '提案名称', required: true },
  {
    name: 'kind',
    type: 'string',
    title: '提案类型',
    description: labelled(proposalKindZh),
    required: true,
    enum: ['plenary', 'between-sessions'],
  },
  {
    name: 'proposers',
    type: 'string',
    title: '提案者',
    description: `提案者名称，第一提案者在前，以“${LIST_SEPARATOR}”分隔`,
    required: true,
  },
  { name: 'topics', type: 'string', title: '主题', description: `主题名称，以“${LIST_SEPARATOR}”分隔`, required: true },
  {
    name: 'units',
    type: 'string',
    title: '承办单位编号',
    description: `承办单位 id（对应 units 的 id），以“${LIST_SEPARATOR}”分隔`,
    required: true,
  },
  {
    name: 'unit_names',
    type: 'string',
    title: '承办单位',
    description: `承办单位简称，与 units 一一对应，以“${LIST_SEPARATOR}”分隔`,
    required: true,
  },
  { name: 'key_supervisor', type: 'string', title: '领衔督办', description: '重点提案的领衔督办领导；非重点提案为空' },
  { name: 'key_supervisor_title', type: 'string', title: '督办领导职务', description: '领衔督办领导的职务，如 市长' },
  { name: 'filed_on', type: 'date', title: '提交日期', description: '提案提交日期，未知时为空' },
  {
    name: 'published_replies',
    type: 'integer',
    title: '已公开答复数',
    description: '全文或摘要已公开的答复数',
    required: true,
  },
  { name: 'url', type: 'string', format: 'uri', title: '网址', description: '提案页面的永久地址', required: true },
  { name: 'text', type: 'string', title: '提案摘要', description: '提案的案由和建议摘要（Markdown）', required: true },
] as const satisfies readonly FieldDef[];

/** One row per unit. */
export const unitFields = [
  { name: 'id', type: 'string', title: '单位编号', description: '单位 id', required: true, unique: true },
  { name: 'name', type: 'string', title: '简称', description: '单位简称', required: true },
  { name: 'full_name', type: 'string', title: '全称', description: '单位全称，未注明时为空' },
  {
    name: 'kind',
    type: 'string',
    title: '类型',
    description: 'department 市直部门；district 区政府；other 其他',
    required: true,
    enum: ['department', 'district', 'other'],
  },
  {
    name: 'replies',
    type: 'integer',
    title: '答复数',
    description: '已公开与不予公开的答复之和（未到公开日期的不计）',
    required: true,
  },
  { name: 'published', type: 'integer', title: '已公开', description: '全文或摘要已公开的答复数', required: true },
  { name: 'withheld', type: 'integer', title: '不予公开', description: '不予公开的答复数', required: true },
  { name: 'url', type: 'string', format: 'uri', title: '网址', description: '单位页面的地址', required: true },
] as const satisfies readonly FieldDef[];

/** One row per withheld reply: the ledger entry, never text. */
export const withheldFields = [
  reply.id,
  reply.proposal,
  reply.session,
  reply.number,
  reply.proposal_title,
  reply.unit,
  reply.unit_name,
  category,
  {
    name: 'withheld_reason',
    type: 'string',
    title: '不予公开理由',
    description: labelled(withheldReasonZh),
    required: true,
    enum: withheldReasons,
  },
  { name: 'url', type: 'string', format: 'uri', title: '网址', description: '提案页面的永久地址', required: true },
] as const satisfies readonly FieldDef[];

export type ReplyRow = RowOf<typeof replyFields>;
export type ProposalRow = RowOf<typeof proposalFields>;
export type UnitRow = RowOf<typeof unitFields>;
export type WithheldRow = RowOf<typeof withheldFields>;

export interface ForeignKey {
  fields: string;
  reference: { resource: string; fields: string };
}

export interface TableDef {
  title: string;
  description: string;
  fields: readonly FieldDef[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
}

const toProposals: ForeignKey = { fields: 'proposal', reference: { resource: 'proposals', fields: 'id' } };
const toUnits: ForeignKey = { fields: 'unit', reference: { resource: 'units', fields: 'id' } };

/** The tables, by the resource name each has in the data package (foreign keys refer to these names). */
export const tables = {
  replies: {
    title: '已公开答复',
    description: '全文公开和摘要公开的答复，每行一份',
    fields: replyFields,
    primaryKey: ['id'],
    foreignKeys: [toProposals, toUnits],
  },
  proposals: {
    title: '提案',
    description: '提案及其承办单位，每行一件',
    fields: proposalFields,
    primaryKey: ['id'],
    foreignKeys: [],
  },
  units: {
    title: '承办单位',
    description: '承办单位及其答复数，每行一个',
    fields: unitFields,
    primaryKey: ['id'],
    foreignKeys: [],
  },
  withheld: {
    title: '不予公开清单',
    description: '不予公开的答复：提案、单位、类别和理由，不含正文',
    fields: withheldFields,
    primaryKey: ['id'],
    foreignKeys: [toProposals, toUnits],
  },
  proposers: proposerTable,
  commitments: commitmentTable,
} as const satisfies Record<string, TableDef>;

export type TableName = keyof typeof tables;

// ---------------------------------------------------------------------------
// Rows

/** What the rows need besides the replies themselves. */
export interface ExportLookups {
  /** The site's absolute address, e.g. https://replies.example.org. */
  siteUrl: string;
  proposals: Map<string, ProposalEntryData>;
  units: Map<string, Unit>;
}

const published = (replies: readonly ReplyEntryData[]) => replies.filter(isPublished);
const withheld = (replies: readonly ReplyEntryData[]) => replies.filter(isWithheld);

/** Newest session first, then by number, then by unit id: the same order every build. */
function byReply(a: { session: string; number: string; unit: string }, b: typeof a): number {
  return compareProposals(a, b) || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0);
}

function lookup<T>(map: Map<string, T>, id: string, what: string, of: string): T {
  const v = map.get(id);
  if (v === undefined) throw new Error(`导出数据时找不到${what} "${id}"（${of}）`);
  return v;
}

/** One row per published reply; anything else passed in is dropped. */
export function replyRows(replies: readonly ReplyEntryData[], lookups: ExportLookups): ReplyRow[] {
  return published(replies)
    .sort(byReply)
    .map((r) => {
      const p = lookup(lookups.proposals, r.proposal, '提案', r.id);
      const u = lookup(lookups.units, r.unit, '单位', r.id);
      const role = p.data.units.find((a) => a.unit === r.unit)?.role;
      if (role === undefined) throw new Error(`导出数据时单位 "${r.unit}" 不在提案 ${p.id} 的承办单位中`);
      return {
        id: r.id,
        proposal: r.proposal,
        session: r.session,
        number: r.number,
        proposal_title: p.data.title,
        unit: r.unit,
        unit_name: u.name,
        role,
        category: r.category ?? null,
        replied_on: r.repliedOn,
        published_on: r.publishedOn,
        doc_no: r.docNo ?? null,
        signed_by: r.signedBy ?? null,
        disclosure: r.disclosure,
        feedback: r.feedback ?? null,
        corrections: r.corrections.length,
        url: absoluteUrl(lookups.siteUrl, replyUrl(r.session, r.number, r.unit)),
        text: r.body,
      };
    });
}

export interface ProposalLookups extends Omit<ExportLookups, 'proposals'> {
  proposers: Map<string, Proposer>;
  topics: Map<string, Topic>;
  /** Every reply (the gate's output): only published ones are counted. */
  replies: readonly ReplyEntryData[];
}

/** One row per proposal, with the count of its published replies. */
export function proposalRows(proposals: readonly ProposalEntryData[], lookups: ProposalLookups): ProposalRow[] {
  const publishedCount = new Map<string, number>();
  for (const r of published(lookups.replies)) publishedCount.set(r.proposal, (publishedCount.get(r.proposal) ?? 0) + 1);
  return [...proposals].sort(compareProposals).map((p) => {
    const d = p.data;
    return {
      id: p.id,
      session: p.session,
      number: p.number,
      title: d.title,
      kind: d.kind,
      proposers: d.proposers.map((id) => lookup(lookups.proposers, id, '提案者', p.id).name).join(LIST_SEPARATOR),
      topics: d.topics.map((id) => lookup(lookups.topics, id, '主题', p.id).name).join(LIST_SEPARATOR),
      units: d.units.map((a) => a.unit).join(LIST_SEPARATOR),
      unit_names: d.units.map((a) => lookup(lookups.units, a.unit, '单位', p.id).name).join(LIST_SEPARATOR),
      key_supervisor: d.key?.supervisor ?? null,
      key_supervisor_title: d.key?.supervisorTitle ?? null,
      filed_on: d.filedOn ?? null,
      published_replies: publishedCount.get(p.id) ?? 0,
      url: absoluteUrl(lookups.siteUrl, proposalUrl(p.session, p.number)),
      text: p.body,
    };
  });
}

/**
 * One row per unit, in the order of `units.yaml`, with its counts. Counted
 * from the gate's output: `replies` is published + withheld; replies not yet
 * published are not counted here.
 */
export function unitRows(units: readonly Unit[], replies: readonly ReplyEntryData[], siteUrl: string): UnitRow[] {
  const count = (list: { unit: string }[]) => {
    const m = new Map<string, number>();
    for (const r of list) m.set(r.unit, (m.get(r.unit) ?? 0) + 1);
    return m;
  };
  const pub = count(published(replies));
  const wh = count(withheld(replies));
  return units.map((u) => {
    const p = pub.get(u.id) ?? 0;
    const w = wh.get(u.id) ?? 0;
    return {
      id: u.id,
      name: u.name,
      full_name: u.fullName ?? null,
      kind: u.kind,
      replies: p + w,
      published: p,
      withheld: w,
      url: absoluteUrl(siteUrl, unitUrl(u.id)),
    };
  });
}

/** One row per withheld reply: metadata only. Published and unpublished replies are dropped. */
export function withheldRows(replies: readonly ReplyEntryData[], lookups: ExportLookups): WithheldRow[] {
  return withheld(replies)
    .sort(byReply)
    .map((r) => ({
      id: r.id,
      proposal: r.proposal,
      session: r.session,
      number: r.number,
      proposal_title: lookup(lookups.proposals, r.proposal, '提案', r.id).data.title,
      unit: r.unit,
      unit_name: lookup(lookups.units, r.unit, '单位', r.id).name,
      category: r.category ?? null,
      withheld_reason: r.withheldReason,
      url: absoluteUrl(lookups.siteUrl, proposalUrl(r.session, r.number)),
    }));
}

// ---------------------------------------------------------------------------
// Files

/** The UTF-8 byte order mark: Excel needs it to read a CSV file as UTF-8. */
export const BOM = '\uFEFF';

type Columns = readonly (string | { name: string })[];
const names = (columns: Columns) => columns.map((c) => (typeof c === 'string' ? c : c.name));

/**
 * A CSV file: BOM, header, one line per row, the columns in the given order,
 * a final newline. Quoting by d3-dsv; empty cells for `null`.
 */
export function toCsv<R extends object>(rows: readonly R[], columns: Columns): string {
  return `${BOM}${csvFormat(rows as readonly Row[], names(columns))}\n`;
}

/**
 * A CSV file read back into rows typed by its fields: integers become numbers,
 * empty cells `null`. The inverse of `toCsv` (for checks and scripts).
 */
export function parseCsv(text: string, fields: readonly FieldDef[]): Row[] {
  const parsed = csvParse(text.startsWith(BOM) ? text.slice(BOM.length) : text);
  const expected = fields.map((f) => f.name);
  if (parsed.columns.join(',') !== expected.join(',')) {
    throw new Error(`CSV 的列（${parsed.columns.join(',')}）与字段定义（${expected.join(',')}）不一致`);
  }
  return parsed.map((raw) => {
    const row: Row = {};
    for (const f of fields) {
      const v = raw[f.name] ?? '';
      row[f.name] = v === '' ? null : f.type === 'integer' ? Number(v) : v;
    }
    return row;
  });
}

/**
 * A JSON file: an array of rows, each row's keys in the columns' order when
 * given (else as built). Pretty: two-space indent. Always ends with a newline.
 */
export function toJson<R extends object>(
  rows: readonly R[],
  options: { columns?: Columns; pretty?: boolean } = {},
): string {
  const cols = options.columns ? names(options.columns) : undefined;
  const ordered = cols ? rows.map((r) => Object.fromEntries(cols.map((c) => [c, (r as Row)[c] ?? null]))) : rows;
  return `${JSON.stringify(ordered, null, options.pretty ? 2 : undefined)}\n`;
}

// ---------------------------------------------------------------------------
// The data package

/** One file of the downloads. */
export interface PackageFile {
  /** Which table it holds: gives its schema. */
  table: TableName;
  /** Its path relative to the package descriptor, e.g. `replies.csv`. */
  path: string;
  /** The resource name; defaults to the table's name (foreign keys refer to it). */
  name?: string;
  /** Defaults to the table's title. */
  title?: string;
  /** How many rows it holds. */
  rows: number;
  /** Its size in bytes (see `utf8Bytes`). */
  bytes?: number;
}

export interface DataPackageInput {
  files: PackageFile[];
  /** `YYYY-MM-DD`: stamps `created`. */
  buildDate: string;
  /** The site's absolute address. */
  siteUrl: string;
  /** The package title; defaults to 提案答复公开. */
  title?: string;
  description?: string;
}

export interface TableSchemaField {
  name: string;
  title: string;
  description: string;
  type: FieldType;
  format?: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: string[] };
}

export interface DataResource {
  name: string;
  path: string;
  title: string;
  description: string;
  profile: 'tabular-data-resource' | 'data-resource';
  format: 'csv' | 'json';
  mediatype: 'text/csv' | 'application/json';
  encoding: 'utf-8';
  bytes?: number;
  /** Number of rows (not part of the specification; descriptive). */
  rows: number;
  schema: {
    fields: TableSchemaField[];
    missingValues: string[];
    primaryKey: string[];
    foreignKeys: ForeignKey[];
  };
}

export interface DataPackage {
  profile: 'tabular-data-package' | 'data-package';
  name: 'open-replies';
  title: string;
  description: string;
  homepage: string;
  created: string;
  licenses: { name: string; path: string; title: string }[];
  keywords: string[];
  resources: DataResource[];
}

/** A table's fields as Frictionless Table Schema fields. */
export function schemaFields(fields: readonly FieldDef[]): TableSchemaField[] {
  return fields.map((f) => {
    const constraints = {
      ...(f.required && { required: true }),
      ...(f.unique && { unique: true }),
      ...(f.enum && { enum: [...f.enum] }),
    };
    return {
      name: f.name,
      title: f.title,
      description: f.description,
      type: f.type,
      ...(f.format && { format: f.format }),
      ...(Object.keys(constraints).length > 0 && { constraints }),
    };
  });
}

/**
 * The Frictionless Data Package descriptor (`datapackage.json`) of the
 * downloads (https://specs.frictionlessdata.io/data-package/). `created` is
 * the build date as an RFC 3339 instant (midnight in Beijing), as the
 * specification asks for a date-time. Foreign keys to a table whose file is
 * not in the package are left out.
 */
export function dataPackage(input: DataPackageInput): DataPackage {
  const resourceName = (f: PackageFile) => f.name ?? f.table;
  const names = input.files.map(resourceName);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`数据包中的资源名重复："${dup}"`);
  const present = new Set(names);
  const resources: DataResource[] = input.files.map((f) => {
    const t: TableDef = tables[f.table];
    const csv = f.path.endsWith('.csv');
    if (!csv && !f.path.endsWith('.json')) throw new Error(`数据文件应为 .csv 或 .json：${f.path}`);
    return {
      name: resourceName(f),
      path: f.path,
      title: f.title ?? t.title,
      description: t.description,
      profile: csv ? 'tabular-data-resource' : 'data-resource',
      format: csv ? 'csv' : 'json',
      mediatype: csv ? 'text/csv' : 'application/json',
      encoding: 'utf-8',
      ...(f.bytes !== undefined && { bytes: f.bytes }),
      rows: f.rows,
      schema: {
        fields: schemaFields(t.fields),
        missingValues: [''],
        primaryKey: [...t.primaryKey],
        foreignKeys: t.foreignKeys.filter((k) => present.has(k.reference.resource)),
      },
    };
  });
  return {
    profile: resources.every((r) => r.profile === 'tabular-data-resource') ? 'tabular-data-package' : 'data-package',
    name: 'open-replies',
    title: input.title ?? '提案答复公开',
    description:
      input.description ??
      '已公开的政协提案办理复文、提案、承办单位和不予公开清单。未公开或未到公开日期的答复不在其中；不予公开的答复只列元数据，不含正文。',
    homepage: absoluteUrl(input.siteUrl, '/data/'),
    created: rfc3339(input.buildDate),
    licenses: [
      {
        name: 'CC-BY-4.0',
        path: 'https://creativecommons.org/licenses/by/4.0/',
        title: 'Creative Commons Attribution 4.0 International',
      },
    ],
    keywords: ['政协提案', '提案办理', '答复', '政府信息公开'],
    resources,
  };
}
