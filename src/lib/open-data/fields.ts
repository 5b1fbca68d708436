/**
 * The open-data tables' fields: the one place that says what each table
 * holds. They give the CSV's column order, the JSON's key order, the XLSX
 * sheet's columns, the row types and the data package's schema (title and
 * description in Chinese for every column), so none of these can disagree.
 */
import {
  categoryZh,
  disclosureZh,
  feedbackZh,
  proposalKindZh,
  roleZh,
  unitKindZh,
  withheldReasonZh,
} from '../labels.ts';
import { categories, withheldReasons } from '../model/schemas/common.ts';
import { commitmentTable, proposerTable } from './accountability-tables.ts';
import {
  label,
  labelled,
  LIST_SEPARATOR,
  requiredLabel,
  type FieldDef,
  type ForeignKey,
  type RowOf,
  type TableDef,
} from './table-schema.ts';
import { proposalKinds, roles } from '../model/schemas/proposal.ts';
import { unitKinds } from '../model/schemas/registry.ts';
import { feedbacks, publishedDisclosures } from '../model/schemas/reply.ts';

const f = {
  replyId: {
    name: 'id',
    type: 'string',
    title: '答复编号',
    description: '会次/提案号/单位编号，如 7-1/20210009/sfj；是答复页面网址的一部分',
    required: true,
    unique: true,
  },
  proposal: {
    name: 'proposal',
    type: 'string',
    title: '提案编号',
    description: '会次/提案号，对应 proposals 表的 id',
    required: true,
  },
  session: { name: 'session', type: 'string', title: '会次编号', description: '届-次，如 7-1', required: true },
  sessionName: {
    name: 'session_name',
    type: 'string',
    title: '会次',
    description: '会议名称，如 市政协七届一次会议',
    required: true,
  },
  number: {
    name: 'number',
    type: 'string',
    title: '提案号',
    description: '提案号，照原样（保留前导零，不是数字）',
    required: true,
  },
  proposalTitle: {
    name: 'proposal_title',
    type: 'string',
    title: '提案名称',
    description: '提案名称，如 关于……的提案',
    required: true,
  },
  unit: {
    name: 'unit',
    type: 'string',
    title: '单位编号',
    description: '答复单位的编号，对应 units 表的 id',
    required: true,
  },
  unitName: { name: 'unit_name', type: 'string', title: '答复单位', description: '答复单位简称', required: true },
  role: {
    name: 'role',
    type: 'string',
    title: '办理方式代码',
    description: `答复单位在这件提案中的角色：${labelled(roleZh)}`,
    required: true,
    enum: roles,
  },
  category: {
    name: 'category',
    type: 'string',
    title: '办理结果',
    description: `办理结果类别：${labelled(categoryZh)}；协办意见未标类别时为空`,
    enum: categories,
  },
  withheldReason: {
    name: 'withheld_reason',
    type: 'string',
    title: '不予公开理由代码',
    description: labelled(withheldReasonZh),
    required: true,
    enum: withheldReasons,
  },
  proposers: {
    name: 'proposers',
    type: 'string',
    title: '提案者',
    description: `提案者名称，第一提案者在前，以“${LIST_SEPARATOR}”分隔`,
    required: true,
  },
  andOthers: {
    name: 'proposers_and_others',
    type: 'boolean',
    title: '提案者后有“等”',
    description: '原件在提案者名单后写有“等”（还有未列出的提案者）：true 是，false 否',
    required: true,
  },
  topics: {
    name: 'topics',
    type: 'string',
    title: '主题',
    description: `主题名称，以“${LIST_SEPARATOR}”分隔；没有主题时为空`,
  },
  key: {
    name: 'key',
    type: 'boolean',
    title: '重点提案',
    description: '是否为重点提案：true 是，false 否',
    required: true,
  },
  supervisor: {
    name: 'supervisor',
    type: 'string',
    title: '领衔督办领导',
    description: '重点提案的领衔督办领导姓名；非重点提案或未注明时为空',
  },
  supervisorTitle: {
    name: 'supervisor_title',
    type: 'string',
    title: '督办领导职务',
    description: '领衔督办领导的职务，如 市长；未注明时为空',
  },
  filedOn: { name: 'filed_on', type: 'date', title: '提案提交日期', description: '提案提交日期；未知时为空' },
} as const satisfies Record<string, FieldDef>;

/** One row per published reply (full text or summary) and co-handling opinion (协办意见). */
export const replyFields = [
  f.replyId,
  f.proposal,
  f.session,
  f.sessionName,
  f.number,
  f.proposalTitle,
  {
    name: 'title',
    type: 'string',
    title: '答复标题',
    description: '答复文件自身的标题；文件没有标题时为空',
  },
  f.unit,
  f.unitName,
  f.role,
  requiredLabel('role', '办理方式', '办理方式'),
  f.category,
  label('category', '办理结果说明', '办理结果类别'),
  { name: 'replied_on', type: 'date', title: '答复日期', description: '答复单位作出答复的日期', required: true },
  {
    name: 'published_on',
    type: 'date',
    title: '公开日期',
    description: '本站公开的日期（设定了公开日期的按该日期，否则为答复日期）',
    required: true,
  },
  f.filedOn,
  {
    name: 'days_to_reply',
    type: 'integer',
    title: '办理天数',
    description: '从提案提交日期到答复日期的日历天数（答复日期减提交日期）；提交日期未知时为空',
  },
  { name: 'doc_no', type: 'string', title: '文号', description: '答复的文号；没有时为空' },
  { name: 'index_no', type: 'string', title: '索引号', description: '政府信息公开目录的索引号；没有时为空' },
  { name: 'signed_by', type: 'string', title: '签发人', description: '签发人；未注明时为空' },
  {
    name: 'disclosure',
    type: 'string',
    title: '公开方式代码',
    description: `${labelled(disclosureZh)}（摘要公开时 text 为摘要）`,
    required: true,
    enum: publishedDisclosures,
  },
  requiredLabel('disclosure', '公开方式', '公开方式'),
  {
    name: 'feedback',
    type: 'string',
    title: '提案者反馈代码',
    description: `提案者对答复的意见：${labelled(feedbackZh)}；未注明时为空`,
    enum: feedbacks,
  },
  label('feedback', '提案者反馈', '提案者反馈'),
  { name: 'corrections', type: 'integer', title: '更正次数', description: '公开后的更正次数', required: true },
  f.key,
  f.supervisor,
  f.supervisorTitle,
  f.topics,
  f.proposers,
  { name: 'url', type: 'string', format: 'uri', title: '网址', description: '答复的固定网址', required: true },
  {
    name: 'text',
    type: 'string',
    title: '正文',
    description: '答复正文的纯文本，段落之间以换行分隔；删除的段落写作“［此处内容已删除：理由］”；摘要公开时为摘要',
    required: true,
  },
  {
    name: 'text_markdown',
    type: 'string',
    title: '正文（Markdown）',
    description: '同一正文的原始标记（Markdown，含 <Aside>、<Redacted>、<Attachment> 等组件），供程序处理',
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
  f.session,
  f.sessionName,
  f.number,
  { name: 'title', type: 'string', title: '提案名称', description: '提案名称', required: true },
  {
    name: 'kind',
    type: 'string',
    title: '提案类型代码',
    description: labelled(proposalKindZh),
    required: true,
    enum: proposalKinds,
  },
  requiredLabel('kind', '提案类型', '提案类型'),
  f.proposers,
  f.andOthers,
  f.topics,
  {
    name: 'units',
    type: 'string',
    title: '答复单位编号',
    description: `答复单位编号（对应 units 表的 id），以“${LIST_SEPARATOR}”分隔`,
    required: true,
  },
  {
    name: 'unit_names',
    type: 'string',
    title: '答复单位',
    description: `答复单位简称及办理方式，如 市司法局（主办），与 units 一一对应，以“${LIST_SEPARATOR}”分隔`,
    required: true,
  },
  f.key,
  { ...f.supervisor, name: 'key_supervisor' },
  { ...f.supervisorTitle, name: 'key_supervisor_title' },
  f.filedOn,
  {
    name: 'published_replies',
    type: 'integer',
    title: '已公开答复数',
    description: '全文或摘要已公开的答复数',
    required: true,
  },
  { name: 'url', type: 'string', format: 'uri', title: '网址', description: '提案页面的固定网址', required: true },
  {
    name: 'text',
    type: 'string',
    title: '提案摘要',
    description: '提案的案由和建议摘要，纯文本，段落之间以换行分隔',
    required: true,
  },
  {
    name: 'text_markdown',
    type: 'string',
    title: '提案摘要（Markdown）',
    description: '同一摘要的原始标记（Markdown）',
    required: true,
  },
] as const satisfies readonly FieldDef[];

/** One row per unit. */
export const unitFields = [
  { name: 'id', type: 'string', title: '单位编号', description: '单位编号', required: true, unique: true },
  { name: 'name', type: 'string', title: '简称', description: '单位简称', required: true },
  { name: 'full_name', type: 'string', title: '全称', description: '单位全称；未注明时为空' },
  {
    name: 'kind',
    type: 'string',
    title: '单位类型代码',
    description: labelled(unitKindZh),
    required: true,
    enum: unitKinds,
  },
  requiredLabel('kind', '单位类型', '单位类型'),
  {
    name: 'replies',
    type: 'integer',
    title: '答复数',
    description: '已公开与不予公开的答复之和（暂未公开和未到公开日期的不计）',
    required: true,
  },
  { name: 'published', type: 'integer', title: '已公开', description: '全文或摘要已公开的答复数', required: true },
  { name: 'withheld', type: 'integer', title: '不予公开', description: '不予公开的答复数', required: true },
  { name: 'url', type: 'string', format: 'uri', title: '网址', description: '单位页面的网址', required: true },
] as const satisfies readonly FieldDef[];

/** One row per withheld reply: the ledger entry, never text. */
export const withheldFields = [
  f.replyId,
  f.proposal,
  f.session,
  f.sessionName,
  f.number,
  f.proposalTitle,
  f.unit,
  f.unitName,
  f.role,
  requiredLabel('role', '办理方式', '办理方式'),
  f.category,
  label('category', '办理结果说明', '办理结果类别'),
  f.withheldReason,
  requiredLabel('withheld_reason', '不予公开理由', '不予公开理由'),
  { name: 'url', type: 'string', format: 'uri', title: '网址', description: '提案页面的固定网址', required: true },
] as const satisfies readonly FieldDef[];

export type ReplyDataRow = RowOf<typeof replyFields>;
export type ProposalDataRow = RowOf<typeof proposalFields>;
export type UnitDataRow = RowOf<typeof unitFields>;
export type WithheldDataRow = RowOf<typeof withheldFields>;

const toProposals: ForeignKey = { fields: 'proposal', reference: { resource: 'proposals', fields: 'id' } };
const toUnits: ForeignKey = { fields: 'unit', reference: { resource: 'units', fields: 'id' } };

/** The tables, by the resource name each has in the data package (foreign keys refer to these names). */
export const tables = {
  replies: {
    title: '已公开答复',
    description: '全文公开和摘要公开的答复（含协办意见），每行一份',
    fields: replyFields,
    primaryKey: ['id'],
    foreignKeys: [toProposals, toUnits],
  },
  proposals: {
    title: '提案',
    description: '提案及其答复单位，每行一件',
    fields: proposalFields,
    primaryKey: ['id'],
  },
  units: {
    title: '答复单位',
    description: '答复单位及其答复数，每行一个',
    fields: unitFields,
    primaryKey: ['id'],
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
export const tableNames = Object.keys(tables) as TableName[];
